import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { readFileSync } from 'node:fs';
import { loadManuscript, ManuscriptError, STORY_MANUSCRIPT } from '../../../scripts/story/manuscript.js';

const FIXTURE = new URL('../../fixtures/two-sentences/', import.meta.url).pathname;

/** Write a changed copy of the fixture manuscript and load it, returning the problems. */
/** The manuscript as loose YAML data, so a test can break it in any way. */
interface LooseManuscript {
  scenes: (Record<string, unknown> & { photo: Record<string, unknown> })[];
  [field: string]: unknown;
}

function problemsAfter(change: (manuscript: LooseManuscript) => void): string[] {
  const folder = mkdtempSync(join(tmpdir(), 'manuscript-'));
  cpSync(FIXTURE, folder, { recursive: true });
  const manuscript = parse(readFileSync(join(FIXTURE, 'manuscript.yaml'), 'utf8')) as LooseManuscript;
  change(manuscript);
  writeFileSync(join(folder, 'manuscript.yaml'), stringify(manuscript));
  try {
    loadManuscript(join(folder, 'manuscript.yaml'));
    return [];
  } catch (error) {
    assert.ok(error instanceof ManuscriptError, String(error));
    return error.problems;
  }
}

describe('the manuscript', () => {
  it('of the story validates against its schema and the writing rules', () => {
    const manuscript = loadManuscript(STORY_MANUSCRIPT);
    assert.ok(manuscript.scenes.length >= 7 && manuscript.scenes.length <= 10, '7 to 10 scenes');
    for (const scene of manuscript.scenes) assert.ok(scene.photo.alt.length <= 150, scene.id);
  });

  it('credits the original photographer and agency and says the pictures stand in for them', () => {
    const manuscript = loadManuscript(STORY_MANUSCRIPT);
    assert.equal(manuscript.credits.photographs, 'Jose Luis Gonzalez / Reuters');
    assert.match(manuscript.credits.standInNote, /stand in for the news photographs/);
  });

  it('names the scene and the field when an alt text is too long', () => {
    const problems = problemsAfter((m) => (m.scenes[0]!.photo['alt'] = `Illustration: ${'a very long text '.repeat(10)}`));
    assert.deepEqual(problems, ['scene 1 "square", photo.alt: must have at most 150 characters']);
  });

  it('names a missing description', () => {
    const problems = problemsAfter((m) => delete m.scenes[0]!['description']);
    assert.deepEqual(problems, ['scene 1 "square", description: is missing']);
  });

  it('counts the words of an audio description', () => {
    const problems = problemsAfter((m) => (m.scenes[0]!['description'] = 'Too short.'));
    assert.deepEqual(problems, ['scene 1 "square", description: has 2 words; an audio description needs 40 to 120']);
  });

  it('refuses a field it does not know, and a photo file that does not exist', () => {
    const problems = problemsAfter((m) => {
      m.scenes[0]!.photo['file'] = 'images/nowhere.svg';
      m.scenes[0]!['mood'] = 'sad';
    });
    assert.deepEqual(problems, ['scene 1 "square", mood: is not a field a manuscript can have']);
    const missing = problemsAfter((m) => (m.scenes[0]!.photo['file'] = 'images/nowhere.svg'));
    assert.deepEqual(missing, ['scene 1 "square", photo.file: images/nowhere.svg does not exist next to the manuscript']);
  });

  it('reports a YAML syntax error with its line', () => {
    const folder = mkdtempSync(join(tmpdir(), 'manuscript-'));
    writeFileSync(join(folder, 'manuscript.yaml'), 'id: x\ntitle: [unclosed\n');
    assert.throws(() => loadManuscript(join(folder, 'manuscript.yaml')), /YAML syntax error at line \d+/);
  });
});
