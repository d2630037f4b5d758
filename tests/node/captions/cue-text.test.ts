import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cuePlainText, cueVoice, cueWords, parseWebVTT } from '../../../src/captions/index.js';
import type { TimedStory } from '../../../src/story/timed-story.js';
import { captionsVtt } from '../../../scripts/render/vtt.js';

/** A cue from 0 s to `end` s with the given payload. */
const cue = (text: string, end = 2.5, start = 0) => ({ id: '', start, end, settings: '', text });

describe('cueWords', () => {
  it('starts the first word at the cue start and each later word at its timestamp tag', () => {
    const words = cueWords(cue('Lety <00:00:01.000>Perez <00:00:02.000>crouches.', 3));

    assert.deepEqual(words, [
      { text: 'Lety', start: 0, end: 1 },
      { text: 'Perez', start: 1, end: 2 },
      { text: 'crouches.', start: 2, end: 3 },
    ]);
  });

  it('times the words of a voice-tagged payload, splitting shared stretches by character count', () => {
    const words = cueWords(cue('<v Narrator>Lety Perez <00:00:01.250>crouches <00:00:01.700>on the road.</v>', 2.5));

    // "Lety Perez" share 0–1.25 s as 4:5 characters; "on the road." share 1.7–2.5 s as 2:3:5.
    assert.deepEqual(words, [
      { text: 'Lety', start: 0, end: 0.556 },
      { text: 'Perez', start: 0.556, end: 1.25 },
      { text: 'crouches', start: 1.25, end: 1.7 },
      { text: 'on', start: 1.7, end: 1.86 },
      { text: 'the', start: 1.86, end: 2.1 },
      { text: 'road.', start: 2.1, end: 2.5 },
    ]);
  });

  it('ends each word where the next starts and the last word at the cue end', () => {
    const words = cueWords(cue('one <00:00:10.500>two three <00:00:12.000>four', 14, 10));

    for (let i = 0; i < words.length - 1; i++) assert.equal(words[i]?.end, words[i + 1]?.start);
    assert.equal(words[0]?.start, 10);
    assert.equal(words.at(-1)?.end, 14);
  });

  it('starts a new word at a timestamp tag that has no space before it', () => {
    const words = cueWords(cue('Lety<00:00:01.000>Perez', 2));

    assert.deepEqual(words, [
      { text: 'Lety', start: 0, end: 1 },
      { text: 'Perez', start: 1, end: 2 },
    ]);
  });

  it('removes voice, class, italic, bold and closing tags, even inside a word', () => {
    const words = cueWords(cue('<v.loud Esme><c.yellow>It’s</c> a <i>blue</i> <b>ap</b>ple</v>', 4));

    assert.deepEqual(
      words.map((w) => w.text),
      ['It’s', 'a', 'blue', 'apple'],
    );
  });

  it('decodes character references, and a no-break space keeps two words together', () => {
    const words = cueWords(cue('Salt &amp; pepper &lt;3&gt; 10&nbsp;km &#233;t&#xE9; &lrm;x&rlm; &copy;'));

    assert.deepEqual(
      words.map((w) => w.text),
      ['Salt', '&', 'pepper', '<3>', '10\u00A0km', 'été', '\u200Ex\u200F', '&copy;'],
    );
  });

  it('treats an invalid timestamp tag like any other tag: removed, not timed', () => {
    const words = cueWords(cue('one <00:01.5>two', 2));

    assert.deepEqual(words, [
      { text: 'one', start: 0, end: 1 },
      { text: 'two', start: 1, end: 2 },
    ]);
  });

  it('ignores a timestamp tag too large for a finite time, so no word time is NaN or infinite', () => {
    const words = cueWords(cue(`one <1${'0'.repeat(400)}:00:00.000>two`, 2));

    assert.deepEqual(words, [
      { text: 'one', start: 0, end: 1 },
      { text: 'two', start: 1, end: 2 },
    ]);
  });

  it('starts the first word at a timestamp tag that opens the payload', () => {
    const words = cueWords(cue('<00:00:00.500>Hello', 1));

    assert.deepEqual(words, [{ text: 'Hello', start: 0.5, end: 1 }]);
  });

  it('lets a word last until the next word when two timestamp tags follow each other', () => {
    const words = cueWords(cue('Hello <00:00:01.000><00:00:02.000>world', 3));

    assert.deepEqual(words, [
      { text: 'Hello', start: 0, end: 2 },
      { text: 'world', start: 2, end: 3 },
    ]);
  });

  it('clamps timestamps outside the cue or going backwards so words never overlap', () => {
    const words = cueWords(cue('a <00:00:03.000>b <00:00:02.000>c <00:00:09.000>d', 4, 1));

    assert.deepEqual(words, [
      { text: 'a', start: 1, end: 3 },
      { text: 'b', start: 3, end: 3 },
      { text: 'c', start: 3, end: 4 },
      { text: 'd', start: 4, end: 4 },
    ]);
  });

  it('splits words across payload lines', () => {
    const words = cueWords(cue('first\nsecond', 2));

    assert.deepEqual(
      words.map((w) => w.text),
      ['first', 'second'],
    );
  });

  it('returns no words for an empty or markup-only payload', () => {
    assert.deepEqual(cueWords(cue('')), []);
    assert.deepEqual(cueWords(cue('<v Narrator> <i></i>\n</v>')), []);
  });

  it('reads the word-timed captions the build renders from a narrated story', () => {
    const story = JSON.parse(readFileSync(new URL('../../../stories/at-the-line/timing.json', import.meta.url), 'utf8')) as TimedStory;
    const file = captionsVtt(story);
    const { cues, errors } = parseWebVTT(file);

    assert.deepEqual(errors, []);
    assert.ok(cues.length > 0);
    for (const c of cues) {
      const words = cueWords(c);
      assert.equal(words.map((w) => w.text).join(' '), cuePlainText(c), c.id);
      assert.equal(words[0]?.start, c.start, c.id);
      assert.equal(words.at(-1)?.end, c.end, c.id);
      for (const w of words) assert.ok(w.start < w.end, `${c.id}: ${w.text}`);
    }
  });

  it('reads the cues of a parsed file', () => {
    const { cues } = parseWebVTT('WEBVTT\n\n00:01.000 --> 00:02.000\n<v Narrator>Hello <00:00:01.400>world\n');

    assert.deepEqual(cueWords(cues[0]!), [
      { text: 'Hello', start: 1, end: 1.4 },
      { text: 'world', start: 1.4, end: 2 },
    ]);
  });
});

describe('cueVoice', () => {
  it('returns the name in the first voice tag', () => {
    assert.equal(cueVoice(cue('<v Narrator>Lety Perez')), 'Narrator');
    assert.equal(cueVoice(cue('<v.first.loud Roger Bingham>We are</v> <v Neil>here')), 'Roger Bingham');
  });

  it('collapses whitespace and decodes character references in the name', () => {
    assert.equal(cueVoice(cue('<v   Lety \t Perez &amp; Co >Hi')), 'Lety Perez & Co');
  });

  it('returns null without a voice tag or with an empty one', () => {
    assert.equal(cueVoice(cue('Lety <00:00:01.250>Perez')), null);
    assert.equal(cueVoice(cue('<i>Lety</i>')), null);
    assert.equal(cueVoice(cue('<v>Lety')), null);
  });
});

describe('cuePlainText', () => {
  it('removes markup, decodes character references and keeps line breaks', () => {
    const text = cuePlainText(cue('<v Narrator><i>Lety</i> &amp; <c.name>Ana</c>\ncrouch <00:00:01.000>on the road.</v>'));

    assert.equal(text, 'Lety & Ana\ncrouch on the road.');
  });

  it('reads a timestamp tag between two letters as a space, like cueWords', () => {
    assert.equal(cuePlainText(cue('Lety<00:00:01.250>Perez')), 'Lety Perez');
    assert.equal(cuePlainText(cue('Lety <00:00:01.250>Perez')), 'Lety Perez');
  });

  it('has the same words as cueWords', () => {
    const payload = '<v Narrator>Lety<00:00:01.250>Perez <b>crouches</b>&nbsp;low <00:00:01.700>on the road.';

    assert.deepEqual(
      cuePlainText(cue(payload)).split(/[ \t\n]+/),
      cueWords(cue(payload)).map((w) => w.text),
    );
  });

  it('trims the text', () => {
    assert.equal(cuePlainText(cue('<v Narrator>  Hello  </v>\n')), 'Hello');
  });
});
