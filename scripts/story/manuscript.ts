/**
 * The manuscript: loading (YAML), validation against story/manuscript.schema.json, and the checks a
 * schema cannot express (word counts, unique ids, photo files). Every error names the part and the
 * field, e.g. `scene 4 "the-plea", photo.alt: must have at most 150 characters`.
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { parse as parseYaml, YAMLParseError } from 'yaml';

export interface ManuscriptPart {
  title: string;
  narration: string[];
}

export interface ManuscriptPhoto {
  /** SVG source, relative to the manuscript's folder. */
  file: string;
  alt: string;
  caption: string;
  credit: string;
}

export interface ManuscriptScene extends ManuscriptPart {
  id: string;
  photo: ManuscriptPhoto;
  description: string;
}

export interface Manuscript {
  id: string;
  title: string;
  subtitle?: string;
  language: string;
  pronunciations?: Record<string, string>;
  summary: string;
  credits: { photographs: string; illustrations: string; narration: string; standInNote: string };
  sources: string[];
  intro: ManuscriptPart;
  scenes: ManuscriptScene[];
  close: ManuscriptPart;
}

/** Words an audio description may have (WRITING.md). */
export const DESCRIPTION_WORDS = { min: 40, max: 120 } as const;

export class ManuscriptError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file} is not a valid manuscript:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ManuscriptError';
  }
}

const here = dirname(fileURLToPath(import.meta.url));
export const SCHEMA_FILE = resolve(here, '../../story/manuscript.schema.json');
export const STORY_MANUSCRIPT = resolve(here, '../../story/manuscript.yaml');

let compiled: ReturnType<Ajv2020['compile']> | undefined;
function schemaValidator() {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    compiled = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
  }
  return compiled;
}

/** Read, parse and validate a manuscript file; throws ManuscriptError listing every problem. */
export function loadManuscript(file: string = STORY_MANUSCRIPT): Manuscript {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const where = error.linePos ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}` : 'unknown place';
      throw new ManuscriptError(file, [`YAML syntax error at ${where}: ${error.message.split('\n')[0]}`]);
    }
    throw error;
  }
  const problems = validateManuscript(data, dirname(file));
  if (problems.length > 0) throw new ManuscriptError(file, problems);
  return data as Manuscript;
}

/** All problems with a parsed manuscript, in words; empty when it is valid. */
export function validateManuscript(data: unknown, folder: string): string[] {
  const validate = schemaValidator();
  if (!validate(data)) {
    return (validate.errors ?? []).map((error) => describeSchemaError(error, data));
  }
  const manuscript = data as Manuscript;
  const problems: string[] = [];
  const seen = new Set<string>();
  manuscript.scenes.forEach((scene, index) => {
    const where = sceneName(index, manuscript);
    if (seen.has(scene.id)) problems.push(`${where}, id: "${scene.id}" is used by an earlier scene`);
    seen.add(scene.id);
    const words = countWords(scene.description);
    if (words < DESCRIPTION_WORDS.min || words > DESCRIPTION_WORDS.max) {
      problems.push(
        `${where}, description: has ${words} words; an audio description needs ${DESCRIPTION_WORDS.min} to ${DESCRIPTION_WORDS.max}`,
      );
    }
    if (/\b(image|picture|photo) of\b/i.test(scene.photo.alt)) {
      problems.push(`${where}, photo.alt: say what is shown, not "image of" / "picture of"`);
    }
    if (!existsSync(join(folder, scene.photo.file))) {
      problems.push(`${where}, photo.file: ${scene.photo.file} does not exist next to the manuscript`);
    }
  });
  return problems;
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

function sceneName(index: number, manuscript: { scenes?: { id?: unknown }[] }): string {
  const id = manuscript.scenes?.[index]?.id;
  return typeof id === 'string' ? `scene ${index + 1} "${id}"` : `scene ${index + 1}`;
}

/** `/scenes/3/photo/alt` → `scene 4 "the-plea", photo.alt: must …`. */
function describeSchemaError(error: ErrorObject, data: unknown): string {
  const path = error.instancePath.split('/').slice(1);
  let where = 'manuscript';
  let field = path;
  if (path[0] === 'scenes' && path[1] !== undefined) {
    where = sceneName(Number(path[1]), data as { scenes?: { id?: unknown }[] });
    field = path.slice(2);
  } else if (path[0] !== undefined) {
    where = path[0];
    field = path.slice(1);
  }
  if (error.keyword === 'required') field = [...field, String(error.params['missingProperty'])];
  if (error.keyword === 'additionalProperties') field = [...field, String(error.params['additionalProperty'])];
  const fieldText = field.length > 0 ? field.join('.') : '(whole)';
  let message = error.message ?? 'is invalid';
  if (error.keyword === 'maxLength') message = `must have at most ${String(error.params['limit'])} characters`;
  if (error.keyword === 'pattern' && field.at(-1) === 'alt') message = 'must begin with "Illustration: "';
  if (error.keyword === 'additionalProperties') message = 'is not a field a manuscript can have';
  if (error.keyword === 'required') message = 'is missing';
  return `${where}, ${fieldText}: ${message}`;
}
