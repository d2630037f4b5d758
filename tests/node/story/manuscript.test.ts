import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { readFileSync } from 'node:fs';
import { loadManuscript, ManuscriptError } from '../../../scripts/story/manuscript.js';
import { STORIES_DIR, STORY_FILES } from '../../../scripts/story/paths.js';

const STORY_MANUSCRIPT = join(STORIES_DIR, 'at-the-line', STORY_FILES.manuscript);

const FIXTURE = new URL('../../fixtures/two-sentences/', import.meta.url).pathname;

/** Write a changed copy of the fixture manuscript and load it, returning the problems. */
/** The manuscript as loose YAML data, so a test can break it in any way. */
interface LooseManuscript {
  scenes: (Record<string, unknown> & { picture: Record<string, unknown> })[];
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
    for (const scene of manuscript.scenes) assert.ok(scene.picture.alt.length <= 150, scene.id);
  });

  it('credits the original photographer and agency and says the pictures stand in for them', () => {
    const manuscript = loadManuscript(STORY_MANUSCRIPT);
    assert.deepEqual(manuscript.credits.find((credit) => credit.role === 'original-photographs')?.name, 'Jose Luis Gonzalez / Reuters');
    assert.deepEqual([manuscript.pictures.kind, manuscript.pictures.standIn], ['illustration', true]);
    assert.match(manuscript.pictures.standInNote ?? '', /stand in for the news photographs/);
  });

  it('names the scene and the field when an alt text is too long for its language', () => {
    const problems = problemsAfter((m) => (m.scenes[0]!.picture['alt'] = `Illustration: ${'a very long text '.repeat(10)}`));
    assert.deepEqual(problems, ['scene 1 "square", picture.alt: must have at most 150 characters in "en" (it has 184)']);
  });

  it('allows a longer alt text in Spanish, and asks for the Spanish illustration prefix', () => {
    const alt = `Ilustración: ${'un cuadrado naranja '.repeat(7)}`.trim();
    assert.ok(alt.length > 150 && alt.length <= 170, String(alt.length));
    const spanish = (m: LooseManuscript) => {
      m['language'] = 'es';
      m.scenes[0]!['description'] = 'Un cuadrado naranja '.repeat(16).trim();
      m.scenes[1]!.picture['alt'] = 'Ilustración: el mismo cuadrado naranja.';
    };
    assert.deepEqual(problemsAfter((m) => {
      spanish(m);
      m.scenes[0]!.picture['alt'] = alt;
    }), []);
    assert.deepEqual(problemsAfter((m) => {
      spanish(m);
      m.scenes[0]!.picture['alt'] = 'Illustration: un cuadrado naranja.';
    }), ['scene 1 "square", picture.alt: must begin with "Ilustración: " (the pictures stand in for others)']);
  });

  it('asks for the illustration prefix only when the pictures stand in for others', () => {
    const plain = (m: LooseManuscript) => (m.scenes[0]!.picture['alt'] = 'A plain orange square on a violet ground.');
    assert.deepEqual(problemsAfter(plain), ['scene 1 "square", picture.alt: must begin with "Illustration: " (the pictures stand in for others)']);
    assert.deepEqual(problemsAfter((m) => {
      plain(m);
      m['pictures'] = { kind: 'photograph', standIn: false };
    }), []);
  });

  it('asks a story of stand-in pictures to say what they stand in for', () => {
    assert.deepEqual(problemsAfter((m) => (m['pictures'] = { kind: 'illustration', standIn: true })), [
      'pictures, standInNote: is missing (stand-in pictures must say what they stand in for)',
    ]);
  });

  it('lets a picture have no recorded description', () => {
    assert.deepEqual(problemsAfter((m) => delete m.scenes[0]!['description']), []);
  });

  it('counts the words of an audio description, by the rules of its language', () => {
    assert.deepEqual(problemsAfter((m) => (m.scenes[0]!['description'] = 'Too short.')), [
      'scene 1 "square", description: has 2 words; an audio description in "en" needs 40 to 120',
    ]);
    assert.deepEqual(problemsAfter((m) => {
      m['language'] = 'es';
      for (const scene of m.scenes) scene.picture['alt'] = 'Ilustración: un cuadrado naranja.';
      m.scenes[0]!['description'] = 'Un cuadrado naranja '.repeat(14).trim();
    }), ['scene 1 "square", description: has 42 words; an audio description in "es" needs 45 to 140']);
  });

  it('names a language it has no rules for', () => {
    assert.deepEqual(problemsAfter((m) => (m['language'] = 'fr')), [
      'language: the language "fr" is not supported yet: add its rules and words to scripts/story/languages.ts (en, es are)',
    ]);
  });

  it('takes raster pictures of any aspect ratio, and refuses other files', () => {
    assert.deepEqual(problemsAfter((m) => (m.scenes[0]!.picture['file'] = 'images/nowhere.jpg')), [
      'scene 1 "square", picture.file: images/nowhere.jpg does not exist next to the manuscript',
    ]);
    const problems = problemsAfter((m) => (m.scenes[0]!.picture['file'] = 'images/square.gif'));
    assert.match(problems[0]!, /^scene 1 "square", picture\.file: must match pattern/);
    assert.deepEqual(problems.slice(1), [
      'scene 1 "square", picture.file: images/square.gif does not exist next to the manuscript',
      'scene 2 "line", picture.file: images/square.svg and images/square.gif would make files of the same name (square-…); rename one',
    ]);
  });

  it('refuses a field it does not know, and a picture file that does not exist', () => {
    const problems = problemsAfter((m) => {
      m.scenes[0]!.picture['file'] = 'images/nowhere.svg';
      m.scenes[0]!['mood'] = 'sad';
    });
    assert.deepEqual(problems, [
      'scene 1 "square", mood: is not a field a manuscript can have',
      'scene 1 "square", picture.file: images/nowhere.svg does not exist next to the manuscript',
    ]);
    const missing = problemsAfter((m) => (m.scenes[0]!.picture['file'] = 'images/nowhere.svg'));
    assert.deepEqual(missing, ['scene 1 "square", picture.file: images/nowhere.svg does not exist next to the manuscript']);
  });

  it('refuses two picture files whose generated files would share a name, and files outside the folder', () => {
    const problems = problemsAfter((m) => {
      m['cover'] = 'images/square.png';
      m.scenes[1]!.picture['file'] = '../square-copy-for-test.svg';
    });
    assert.ok(problems.includes('scene 2 "line", picture.file: ../square-copy-for-test.svg must be inside the story\'s folder'), problems.join('\n'));
    assert.ok(problems.some((p) => p.startsWith('scene 1 "square", picture.file: images/square.svg and images/square.png would make files of the same name (square-…)')), problems.join('\n'));
  });

  it('lists every problem at once: those of the schema and those of the writing rules, in every scene', () => {
    const problems = problemsAfter((m) => {
      delete m['summary'];
      m.scenes[0]!['mood'] = 'sad';
      m.scenes[0]!['description'] = 'Too short.';
      m.scenes[1]!.picture['alt'] = `Illustration: ${'a very long text '.repeat(10)}`;
      m.scenes[1]!['id'] = 'square';
      m.scenes[1]!.picture['file'] = 'images/nowhere.svg';
    });
    assert.deepEqual(problems, [
      'manuscript, summary: is missing',
      'scene 1 "square", mood: is not a field a manuscript can have',
      'scene 1 "square", description: has 2 words; an audio description in "en" needs 40 to 120',
      'scene 2 "square", id: "square" is used by an earlier scene',
      'scene 2 "square", picture.alt: must have at most 150 characters in "en" (it has 184)',
      'scene 2 "square", picture.file: images/nowhere.svg does not exist next to the manuscript',
    ]);
  });

  it('checks the writing rules of the other scenes when one scene is not even an object', () => {
    const problems = problemsAfter((m) => {
      (m.scenes as unknown[])[0] = 'a scene';
      m.scenes[1]!['description'] = 'Too short.';
    });
    assert.deepEqual(problems, [
      'scene 1, (whole): must be object',
      'scene 2 "line", description: has 2 words; an audio description in "en" needs 40 to 120',
    ]);
  });

  it('still checks files and ids when the language has no rules', () => {
    assert.deepEqual(problemsAfter((m) => {
      m['language'] = 'fr';
      m.scenes[1]!['id'] = 'square';
    }), [
      'language: the language "fr" is not supported yet: add its rules and words to scripts/story/languages.ts (en, es are)',
      'scene 2 "square", id: "square" is used by an earlier scene',
    ]);
  });

  it('reports a YAML syntax error with its line', () => {
    const folder = mkdtempSync(join(tmpdir(), 'manuscript-'));
    writeFileSync(join(folder, 'manuscript.yaml'), 'id: x\ntitle: [unclosed\n');
    assert.throws(() => loadManuscript(join(folder, 'manuscript.yaml')), /YAML syntax error at line \d+/);
  });
});
