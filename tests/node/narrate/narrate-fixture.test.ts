import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { narrate, OUTPUT_FILES, type NarrateResult } from '../../../scripts/narrate/narrate.js';
import { parseWebVTT } from '../../../src/captions/webvtt.js';
import { cuePlainText } from '../../../src/captions/cue-text.js';

const FIXTURE = new URL('../../fixtures/two-sentences/manuscript.yaml', import.meta.url).pathname;
const read = (folder: string, file: string) => readFileSync(join(folder, file));

describe('npm run narrate, end to end on a small manuscript', () => {
  let out: string;
  let result: NarrateResult;
  before(async () => {
    out = mkdtempSync(join(tmpdir(), 'narrate-'));
    result = await narrate({ manuscript: FIXTURE, out });
  });

  it('writes the episode audio, captions, descriptions, chapters and timing', () => {
    for (const file of Object.values(OUTPUT_FILES)) assert.ok(read(out, file).length > 0, file);
    assert.deepEqual(readdirSync(join(out, '.tmp')), [], 'leaves no temporary files');
  });

  it('keeps accents, curly quotes and dashes exactly in the captions', () => {
    const { cues, errors } = parseWebVTT(read(out, OUTPUT_FILES.captions).toString());
    assert.deepEqual(errors, []);
    assert.equal(cuePlainText(cues.find((cue) => cue.id === 'intro-1')!), 'José Pérez’s “small” test — for the US side.');
  });

  it('puts every description in the descriptions track, spanning its range', () => {
    const { cues } = parseWebVTT(read(out, OUTPUT_FILES.descriptions).toString());
    const scene = result.story.scenes[0]!;
    assert.equal(cues.length, 1);
    assert.equal(cues[0]!.start, scene.description.start);
    assert.equal(cues[0]!.end, scene.description.end);
    assert.match(cues[0]!.text, /^An orange square sits/);
  });

  it('changes no caption or timing byte when run again', async () => {
    const again = mkdtempSync(join(tmpdir(), 'narrate-'));
    await narrate({ manuscript: FIXTURE, out: again });
    for (const file of Object.values(OUTPUT_FILES)) {
      assert.ok(read(out, file).equals(read(again, file)), `${file} differs between runs`);
    }
  });

  it('stops with the problem and changes nothing when the manuscript is broken', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'broken-'));
    cpSync(new URL('../../fixtures/two-sentences/', import.meta.url).pathname, folder, { recursive: true });
    const manuscript = join(folder, 'manuscript.yaml');
    writeFileSync(manuscript, readFileSync(manuscript, 'utf8').replace('title: A square', 'title: ""'));
    const before = read(out, OUTPUT_FILES.timing);
    await assert.rejects(narrate({ manuscript, out }), /scene 1 "square", title: must NOT have fewer than 1 characters/);
    assert.ok(read(out, OUTPUT_FILES.timing).equals(before));
  });

  it('names the Debian package of a missing tool', async () => {
    const path = process.env['PATH'];
    process.env['PATH'] = '/nonexistent';
    try {
      await assert.rejects(narrate({ manuscript: FIXTURE, out }), /narrate needs festival, ffmpeg, lame\. Install with:\n {2}sudo apt-get install festival ffmpeg lame/);
    } finally {
      process.env['PATH'] = path;
    }
  });
});
