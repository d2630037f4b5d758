import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cuePlainText, cueVoice, cueWords } from '../../../src/captions/index.js';

// The cue text readers at their edges: every kind of ASCII whitespace beside a timestamp tag,
// character references a caption file should not hold, tags left open, voices among other tags.

/** A cue from `start` s to `end` s with the given payload. */
const cue = (text: string, end = 2.5, start = 0) => ({ id: '', start, end, settings: '', text });

describe('cuePlainText beside a timestamp tag', () => {
  for (const [name, space] of [
    ['a tab', '\t'],
    ['a line break', '\n'],
    ['a form feed', '\f'],
    ['a carriage return', '\r'],
  ] as const) {
    it(`adds no space where ${name} already separates the words, before or after the tag`, () => {
      assert.equal(cuePlainText(cue(`Lety${space}<00:00:01.250>Perez`)), `Lety${space}Perez`);
      assert.equal(cuePlainText(cue(`Lety<00:00:01.250>${space}Perez`)), `Lety${space}Perez`);
    });
  }
});

describe('cuePlainText and character references that name no character', () => {
  it('reads NUL, a surrogate and a number past U+10FFFF as the replacement character, as HTML does', () => {
    assert.equal(cuePlainText(cue('a&#0;b')), 'a\uFFFDb');
    assert.equal(cuePlainText(cue('a&#xD800;b')), 'a\uFFFDb');
    assert.equal(cuePlainText(cue('a&#xDFFF;b')), 'a\uFFFDb');
    assert.equal(cuePlainText(cue('a&#x110000;b')), 'a\uFFFDb');
    assert.equal(cuePlainText(cue('a&#99999999;b')), 'a\uFFFDb');
  });

  it('decodes the characters just outside those ranges', () => {
    assert.equal(cuePlainText(cue('a&#1;b')), 'a\u0001b');
    assert.equal(cuePlainText(cue('a&#xD7FF;b')), 'a\uD7FFb');
    assert.equal(cuePlainText(cue('a&#xE000;b')), 'a\uE000b');
    assert.equal(cuePlainText(cue('a&#x10FFFF;b')), 'a\u{10FFFF}b');
  });
});

describe('cuePlainText with tags left open or empty', () => {
  it('drops a tag left open at the end of the payload, and keeps the text before it', () => {
    assert.equal(cuePlainText(cue('Hello <i')), 'Hello');
    assert.equal(cuePlainText(cue('Hello <00:00:01.000')), 'Hello');
  });

  it('drops an empty tag and keeps the text after it', () => {
    assert.equal(cuePlainText(cue('<>Hello')), 'Hello');
  });
});

describe('cueWords with two timestamp tags in a row', () => {
  it('gives the first tag’s time to nobody: the words before share their stretch up to the next word', () => {
    // "one two" share 0–2 s as 3:3 characters; the tag at 1 s starts no word.
    assert.deepEqual(cueWords(cue('one two <00:00:01.000><00:00:02.000>three', 3)), [
      { text: 'one', start: 0, end: 1 },
      { text: 'two', start: 1, end: 2 },
      { text: 'three', start: 2, end: 3 },
    ]);
  });

  it('reads a timestamp tag of any hour, 90 and more included', () => {
    const hours90 = 90 * 3600;
    assert.deepEqual(cueWords(cue('one <90:00:00.500>two', hours90 + 2, hours90)), [
      { text: 'one', start: hours90, end: hours90 + 0.5 },
      { text: 'two', start: hours90 + 0.5, end: hours90 + 2 },
    ]);
  });
});

describe('cueVoice among other tags', () => {
  it('finds the voice tag after other tags', () => {
    assert.equal(cueVoice(cue('<i>Lety</i> <v Ann>here')), 'Ann');
    assert.equal(cueVoice(cue('<c.loud>Hello</c> <00:00:01.000><v Ann>there')), 'Ann');
  });

  it('finds the voice tag after text, and one left open at the end', () => {
    assert.equal(cueVoice(cue('Hi <v Ann>there')), 'Ann');
    assert.equal(cueVoice(cue('Hi <v Ann')), 'Ann');
  });

  it('reads past an empty tag, and ends at a tag left open', () => {
    assert.equal(cueVoice(cue('<><v Ann>x')), 'Ann');
    assert.equal(cueVoice(cue('Hi <i')), null);
  });

  it('does not take a tag whose name only begins with v for a voice tag', () => {
    assert.equal(cueVoice(cue('<vi>x</vi> <v Ann>y')), 'Ann');
    assert.equal(cueVoice(cue('<voice Bob>x</voice>')), null);
  });

  it('trims every kind of whitespace after the name', () => {
    assert.equal(cueVoice(cue('<v Ann  \t>x')), 'Ann');
  });
});
