import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { narrate, NARRATED_FILES, type NarrateResult } from '../../../scripts/narrate/narrate.js';
import { STORY_FILES } from '../../../scripts/story/paths.js';
import { checkTimedStory } from '../../../src/story/check-timed-story.js';
import { paragraphsOf, type TimedStory } from '../../../src/story/timed-story.js';

const FIXTURE = new URL('../../fixtures/two-sentences/', import.meta.url).pathname;
const read = (folder: string, file: string) => readFileSync(join(folder, file));

/** Every file under a folder, relative to it. */
function filesIn(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort();
}

describe('npm run narrate, end to end on a small manuscript', () => {
  let out: string;
  let result: NarrateResult;
  before(async () => {
    out = mkdtempSync(join(tmpdir(), 'narrate-'));
    result = await narrate({ story: FIXTURE, out });
  });

  it('writes exactly the timed story and the episode audio, and leaves nothing else behind', () => {
    assert.deepEqual(filesIn(out), ['audio/episode.mp3', 'audio/episode.webm', 'timing.json']);
    assert.deepEqual(JSON.parse(read(out, STORY_FILES.timing).toString()), result.story);
  });

  it('carries everything a view needs in the timed story', () => {
    const story = JSON.parse(read(out, STORY_FILES.timing).toString()) as TimedStory;
    assert.deepEqual(checkTimedStory(story), []);
    assert.deepEqual([story.id, story.title, story.language, story.pictures.kind], ['two-sentences', 'Two Sentences', 'en', 'illustration']);
    assert.deepEqual(story.credits.map((credit) => credit.role), ['illustrations', 'narration']);
    const [scene] = story.scenes;
    assert.deepEqual(
      { file: scene!.picture.file, width: scene!.picture.width, height: scene!.picture.height, alt: scene!.picture.alt },
      { file: 'images/square.svg', width: 150, height: 100, alt: 'Illustration: a plain orange square on a violet ground.' },
    );
    assert.deepEqual([scene!.label, scene!.name, scene!.title], ['Picture 1 of 2', 'A square', 'Picture 1 of 2: A square']);
    assert.equal(story.files.find((file) => file.src === STORY_FILES.audio.webm)?.bytes, read(out, STORY_FILES.audio.webm).length);
  });

  it('keeps accents, curly quotes and dashes exactly in the sentences', () => {
    const sentence = result.story.intro.sentences.find((s) => s.id === 'intro-1')!;
    assert.equal(sentence.text, 'José Pérez’s “small” test — for the US side.');
    assert.equal(sentence.words.map((word) => word.text).join(' '), sentence.text);
  });

  it('times a described picture’s description, and gives a picture without one no range', () => {
    const [described, plain] = result.story.scenes;
    assert.ok(described!.description && described!.description.end > described!.description.start);
    assert.match(paragraphsOf(described!, 'description')[0]![0]!.text, /^An orange square sits/);
    assert.equal(plain!.description, undefined);
    assert.deepEqual(plain!.sentences.map((s) => s.kind), ['announcement', 'narration']);
  });

  it('changes no byte when run again', async () => {
    const again = mkdtempSync(join(tmpdir(), 'narrate-'));
    await narrate({ story: FIXTURE, out: again });
    for (const file of NARRATED_FILES) assert.ok(read(out, file).equals(read(again, file)), `${file} differs between runs`);
  });

  it('stops with the problem and changes nothing when the manuscript is broken', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'broken-'));
    cpSync(FIXTURE, folder, { recursive: true });
    const manuscript = join(folder, STORY_FILES.manuscript);
    writeFileSync(manuscript, readFileSync(manuscript, 'utf8').replace('title: A square', 'title: ""'));
    const before = read(out, STORY_FILES.timing);
    await assert.rejects(narrate({ story: folder, out }), /scene 1 "square", title: must NOT have fewer than 1 characters/);
    assert.ok(read(out, STORY_FILES.timing).equals(before));
  });

  it('moves nothing into place when a check after the speech fails (an MP3 that decodes short)', async () => {
    // A lame that encodes, then loses the end of its file: the episode decodes seconds short.
    const tools = mkdtempSync(join(tmpdir(), 'short-lame-'));
    writeFileSync(
      join(tools, 'lame'),
      '#!/bin/sh\n/usr/bin/lame "$@" || exit $?\nfor last; do :; done\nhead -c 8000 "$last" > "$last.cut" && mv "$last.cut" "$last"\n',
      { mode: 0o755 },
    );
    const before = NARRATED_FILES.map((file) => read(out, file));
    const path = process.env['PATH'];
    process.env['PATH'] = `${tools}:${path ?? ''}`;
    try {
      await assert.rejects(narrate({ story: FIXTURE, out }), (error: Error) => {
        assert.match(error.message, /^narration failed its checks; nothing was written:\n {2}- .*audio\/episode\.mp3/);
        return true;
      });
    } finally {
      process.env['PATH'] = path;
    }
    NARRATED_FILES.forEach((file, i) => assert.ok(read(out, file).equals(before[i]!), `${file} is as it was`));
    assert.deepEqual(filesIn(out), ['audio/episode.mp3', 'audio/episode.webm', 'timing.json'], 'nothing left behind');
  });

  it('names the Debian package of a missing tool', async () => {
    const path = process.env['PATH'];
    process.env['PATH'] = '/nonexistent';
    try {
      await assert.rejects(narrate({ story: FIXTURE, out }), /narrate needs festival, ffmpeg, lame\. Install with:\n {2}sudo apt-get install festival ffmpeg lame/);
    } finally {
      process.env['PATH'] = path;
    }
  });
});
