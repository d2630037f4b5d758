import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { countWords, loadManuscript, ManuscriptError, validateManuscript } from '../../../scripts/story/manuscript.js';

// The manuscript's rules at their limits, and the words of its errors, on a copy of the
// two-sentences fixture (tests/fixtures/two-sentences): English, stand-in illustrations, scene 1
// "square" with a description, scene 2 "line" without.

const FIXTURE = new URL('../../fixtures/two-sentences/', import.meta.url).pathname;

interface LooseManuscript {
  scenes: (Record<string, unknown> & { picture: Record<string, unknown> })[];
  [field: string]: unknown;
}

/** A changed copy of the fixture in a folder of its own (its pictures beside it); the problems found. */
function problemsAfter(change: (manuscript: LooseManuscript) => void): string[] {
  const folder = mkdtempSync(join(tmpdir(), 'manuscript-edges-'));
  cpSync(FIXTURE, folder, { recursive: true });
  const manuscript = parse(readFileSync(join(FIXTURE, 'manuscript.yaml'), 'utf8')) as LooseManuscript;
  change(manuscript);
  return validateManuscript(manuscript, folder);
}

/** `count` words of plain English. */
const words = (count: number): string => Array.from({ length: count }, () => 'word').join(' ');

describe('the manuscript at its limits', () => {
  it('takes an audio description of exactly 40 and of exactly 120 words in English, not 39 nor 121', () => {
    assert.deepEqual(problemsAfter((m) => (m.scenes[0]!['description'] = words(40))), []);
    assert.deepEqual(problemsAfter((m) => (m.scenes[0]!['description'] = words(120))), []);
    assert.deepEqual(problemsAfter((m) => (m.scenes[0]!['description'] = words(39))), [
      'scene 1 "square", description: has 39 words; an audio description in "en" needs 40 to 120',
    ]);
    assert.deepEqual(problemsAfter((m) => (m.scenes[0]!['description'] = words(121))), [
      'scene 1 "square", description: has 121 words; an audio description in "en" needs 40 to 120',
    ]);
  });

  it('takes an alt text of exactly 150 characters in English, not 151', () => {
    const prefix = 'Illustration: ';
    const exactly = (n: number) => prefix + 'a'.repeat(n - prefix.length);
    assert.deepEqual(problemsAfter((m) => (m.scenes[0]!.picture['alt'] = exactly(150))), []);
    assert.deepEqual(problemsAfter((m) => (m.scenes[0]!.picture['alt'] = exactly(151))), [
      'scene 1 "square", picture.alt: must have at most 150 characters in "en" (it has 151)',
    ]);
  });

  it('takes a stand-in story that says what its pictures stand in for', () => {
    assert.deepEqual(problemsAfter((m) => (m['pictures'] = { kind: 'illustration', standIn: true, standInNote: 'Drawn for the test.' })), []);
  });

  it('asks no prefix and no note of pictures that are not stand-ins, whatever their kind', () => {
    assert.deepEqual(problemsAfter((m) => {
      m['pictures'] = { kind: 'photograph', standIn: false };
      m.scenes[0]!.picture['alt'] = 'An orange square on a violet ground.';
    }), []);
  });
});

describe('alt text that says "image of"', () => {
  for (const phrase of ['Image of', 'picture of', 'photo of', 'PHOTO OF']) {
    it(`refuses "${phrase}" in English`, () => {
      assert.deepEqual(problemsAfter((m) => (m.scenes[0]!.picture['alt'] = `Illustration: ${phrase} an orange square.`)), [
        'scene 1 "square", picture.alt: say what is shown, not "image of" / "picture of"',
      ]);
    });
  }

  for (const phrase of ['imagen de', 'foto de', 'fotografía de']) {
    it(`refuses "${phrase}" in Spanish`, () => {
      assert.deepEqual(problemsAfter((m) => {
        m['language'] = 'es';
        m.scenes[0]!['description'] = 'Un cuadrado naranja '.repeat(16).trim();
        m.scenes[1]!.picture['alt'] = 'Ilustración: el mismo cuadrado naranja.';
        m.scenes[0]!.picture['alt'] = `Ilustración: ${phrase} un cuadrado naranja.`;
      }), ['scene 1 "square", picture.alt: say what is shown, not "image of" / "picture of"']);
    });
  }

  it('takes the same words inside other words ("photographer of", "a picture offered")', () => {
    assert.deepEqual(problemsAfter((m) => (m.scenes[0]!.picture['alt'] = 'Illustration: the photographer of a picture offered to us.')), []);
  });
});

describe('picture files', () => {
  it('lets the cover and a scene share one picture file (the same file, not two of one name)', () => {
    assert.deepEqual(problemsAfter((m) => (m['cover'] = 'images/square.svg')), []);
  });

  it('names a cover that does not exist', () => {
    assert.deepEqual(problemsAfter((m) => (m['cover'] = 'images/cover.svg')), ['cover: images/cover.svg does not exist next to the manuscript']);
  });

  it('takes a file whose name only begins with two dots, inside the folder', () => {
    const problems = problemsAfter((m) => (m.scenes[1]!.picture['file'] = 'images/..square.svg'));
    assert.deepEqual(problems, ['scene 2 "line", picture.file: images/..square.svg does not exist next to the manuscript']);
  });
});

describe('the words of the schema’s problems', () => {
  it('names a top-level field of the wrong type as the field itself', () => {
    assert.deepEqual(problemsAfter((m) => (m['title'] = 5)), ['title, (whole): must be string']);
  });

  it('names a field inside a top-level object by its path', () => {
    assert.deepEqual(problemsAfter((m) => (m['pictures'] = { kind: 'painting', standIn: false })), [
      'pictures, kind: must be equal to one of the allowed values',
    ]);
  });

  it('names a missing field inside a scene with its scene', () => {
    assert.deepEqual(problemsAfter((m) => delete m.scenes[1]!.picture['caption']), ['scene 2 "line", picture.caption: is missing']);
  });

  it('says a limit in characters', () => {
    assert.deepEqual(problemsAfter((m) => (m.scenes[0]!.picture['caption'] = 'a'.repeat(201))), ['scene 1 "square", picture.caption: must have at most 200 characters']);
  });

  it('reports only the schema’s problem when the manuscript is not an object', () => {
    assert.deepEqual(validateManuscript(['a', 'list'], FIXTURE), ['manuscript, (whole): must be object']);
  });

  it('checks no language rule when the language is not a string', () => {
    assert.deepEqual(problemsAfter((m) => (m['language'] = 5)), ['language, (whole): must be string']);
  });
});

describe('fields of the wrong type, reported by the schema alone (the writing rules skip them)', () => {
  it('a manuscript file that is empty', () => {
    assert.deepEqual(validateManuscript(null, FIXTURE), ['manuscript, (whole): must be object']);
  });

  it('a scene that is empty (null)', () => {
    const problems = problemsAfter((m) => ((m.scenes as unknown[])[0] = null));
    assert.deepEqual(problems, ['scene 1, (whole): must be object']);
  });

  it('scenes that are not a list', () => {
    assert.deepEqual(problemsAfter((m) => ((m as Record<string, unknown>)['scenes'] = 'none')), ['scenes, (whole): must be array']);
  });

  it('a cover, a picture file, an id or an alt text that is a number', () => {
    assert.deepEqual(problemsAfter((m) => (m['cover'] = 5)), ['cover, (whole): must be string']);
    assert.deepEqual(problemsAfter((m) => (m.scenes[0]!.picture['file'] = 5)), ['scene 1 "square", picture.file: must be string']);
    assert.deepEqual(problemsAfter((m) => (m.scenes[0]!.picture['alt'] = 5)), ['scene 1 "square", picture.alt: must be string']);
    assert.deepEqual(problemsAfter((m) => {
      m.scenes[0]!['id'] = 5;
      m.scenes[1]!['id'] = 5;
    }), ['scene 1, id: must be string', 'scene 2, id: must be string']);
  });

  it('a picture without a file', () => {
    assert.deepEqual(problemsAfter((m) => delete m.scenes[0]!.picture['file']), ['scene 1 "square", picture.file: is missing']);
  });

  it('a cover outside the story’s folder, named as the cover', () => {
    const problems = problemsAfter((m) => (m['cover'] = '../cover.svg'));
    assert.ok(problems.includes('cover: ../cover.svg must be inside the story\'s folder'), problems.join('\n'));
  });
});

describe('loading a manuscript', () => {
  it('throws a ManuscriptError that lists every problem, one a line, under the file’s name', () => {
    const folder = mkdtempSync(join(tmpdir(), 'manuscript-edges-'));
    cpSync(FIXTURE, folder, { recursive: true });
    const file = join(folder, 'manuscript.yaml');
    const manuscript = parse(readFileSync(join(FIXTURE, 'manuscript.yaml'), 'utf8')) as LooseManuscript;
    delete manuscript['summary'];
    manuscript['title'] = 5;
    writeFileSync(file, stringify(manuscript));
    assert.throws(
      () => loadManuscript(file),
      (error: unknown) => {
        assert.ok(error instanceof ManuscriptError);
        assert.equal(error.name, 'ManuscriptError');
        assert.equal(error.file, file);
        assert.equal(error.message, `${file} is not a valid manuscript:\n  - manuscript, summary: is missing\n  - title, (whole): must be string`);
        return true;
      },
    );
  });

  it('says where the YAML is broken, line and column, in a ManuscriptError', () => {
    const folder = mkdtempSync(join(tmpdir(), 'manuscript-edges-'));
    const file = join(folder, 'manuscript.yaml');
    writeFileSync(file, 'id: x\ntitle: [unclosed\n');
    assert.throws(
      () => loadManuscript(file),
      (error: unknown) => {
        assert.ok(error instanceof ManuscriptError);
        assert.equal(error.problems.length, 1);
        let yamlMessage = '';
        try {
          parse('id: x\ntitle: [unclosed\n');
        } catch (yamlError) {
          yamlMessage = (yamlError as Error).message.split('\n')[0]!;
        }
        assert.ok(yamlMessage.length > 10, yamlMessage);
        assert.match(error.problems[0]!, /^YAML syntax error at line \d+, column \d+: /);
        assert.ok(error.problems[0]!.endsWith(`: ${yamlMessage}`), `the first line of the parser's own words: ${error.problems[0]}`);
        return true;
      },
    );
  });

  it('lets a file that cannot be read fail as itself, not as a manuscript problem', () => {
    assert.throws(
      () => loadManuscript(join(tmpdir(), 'no-such-folder-for-manuscript-edges', 'manuscript.yaml')),
      (error: unknown) => !(error instanceof ManuscriptError) && (error as NodeJS.ErrnoException).code === 'ENOENT',
    );
  });

  it('answers the manuscript itself when it is valid', () => {
    const manuscript = loadManuscript(join(FIXTURE, 'manuscript.yaml'));
    assert.equal(manuscript.id, 'two-sentences');
    assert.deepEqual(manuscript.scenes.map((scene) => scene.id), ['square', 'line']);
  });
});

describe('countWords', () => {
  it('counts what holds a letter or a digit, not dashes, ellipses or lone punctuation', () => {
    assert.equal(countWords('A kite — it flew, 3 times … !'), 6);
    assert.equal(countWords('  '), 0);
    assert.equal(countWords('¿Qué?\tSí.\nAñoranza'), 3);
  });
});
