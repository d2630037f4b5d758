/**
 * The manuscript (`stories/<id>/manuscript.yaml`): loading (YAML), validation against
 * manuscript.schema.json beside this file, and the checks a schema cannot express (limits per
 * language, unique ids, picture files). Every error names the part and the
 * field, e.g. `scene 4 "the-plea", picture.alt: must have at most 150 characters in "en"`.
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { Credit, PictureKind, PodcastCategory, StoryPictures } from '../../src/story/timed-story.js';
import { storyLanguage, type StoryLanguage } from './languages.js';
import { pictureStem } from './pictures.js';

export interface ManuscriptPart {
  title: string;
  narration: string[];
}

export interface ManuscriptPicture {
  /** SVG or raster image, relative to the manuscript's folder. */
  file: string;
  alt: string;
  caption: string;
  credit: string;
  /** When this picture is not what the story's pictures are. */
  kind?: PictureKind;
}

export interface ManuscriptScene extends ManuscriptPart {
  id: string;
  picture: ManuscriptPicture;
  /** The recorded audio description; absent when the picture needs none. */
  description?: string;
}

export interface Manuscript {
  id: string;
  title: string;
  subtitle?: string;
  language: string;
  pronunciations?: Record<string, string>;
  summary: string;
  pictures: StoryPictures;
  credits: Credit[];
  sources: string[];
  /** YYYY-MM-DD. */
  published?: string;
  category?: PodcastCategory;
  cover?: string;
  intro: ManuscriptPart;
  scenes: ManuscriptScene[];
  close: ManuscriptPart;
}

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
export const SCHEMA_FILE = resolve(here, 'manuscript.schema.json');

let compiled: ReturnType<Ajv2020['compile']> | undefined;
function schemaValidator() {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    compiled = ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object);
  }
  return compiled;
}

/** Read, parse and validate a manuscript file; throws ManuscriptError listing every problem. */
export function loadManuscript(file: string): Manuscript {
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

/**
 * All problems with a parsed manuscript, in words; empty when it is valid. Every problem at once:
 * the writing rules are checked on every part well-formed enough to read, even when the schema
 * found other problems.
 */
export function validateManuscript(data: unknown, folder: string): string[] {
  const validate = schemaValidator();
  const problems = validate(data) ? [] : (validate.errors ?? []).map((error) => describeSchemaError(error, data));
  if (!isRecord(data)) return problems;
  const manuscript = data as Partial<Record<keyof Manuscript, unknown>>;
  let language: StoryLanguage | undefined;
  if (typeof manuscript.language === 'string') {
    try {
      language = storyLanguage(manuscript.language);
    } catch (error) {
      problems.push(`language: ${(error as Error).message}`);
    }
  }
  const pictures = isRecord(manuscript.pictures) ? manuscript.pictures : {};
  const standIn = pictures['standIn'] === true;
  if (standIn && !pictures['standInNote']) problems.push('pictures, standInNote: is missing (stand-in pictures must say what they stand in for)');
  const cover = typeof manuscript.cover === 'string' ? manuscript.cover : undefined;
  if (cover && !existsSync(join(folder, cover))) problems.push(`cover: ${cover} does not exist next to the manuscript`);
  // Generated files are named after the picture's file name without its folder and extension.
  const stems = new Map<string, string>();
  const checkFile = (where: string, file: string) => {
    if (file.split('/').includes('..')) problems.push(`${where}: ${file} must be inside the story's folder`);
    const stem = pictureStem({ file });
    const other = stems.get(stem);
    if (other !== undefined && other !== file) problems.push(`${where}: ${file} and ${other} would make files of the same name (${stem}-…); rename one`);
    stems.set(stem, file);
  };
  if (cover) checkFile('cover', cover);
  const scenes = Array.isArray(manuscript.scenes) ? (manuscript.scenes as unknown[]) : [];
  const named = { scenes: scenes.map((scene) => (isRecord(scene) ? scene : {})) };
  const seen = new Set<string>();
  scenes.forEach((scene, index) => {
    if (!isRecord(scene)) return;
    const where = sceneName(index, named);
    const picture = isRecord(scene['picture']) ? scene['picture'] : {};
    const file = typeof picture['file'] === 'string' ? picture['file'] : undefined;
    if (file !== undefined) checkFile(`${where}, picture.file`, file);
    const id = scene['id'];
    if (typeof id === 'string') {
      if (seen.has(id)) problems.push(`${where}, id: "${id}" is used by an earlier scene`);
      seen.add(id);
    }
    const description = scene['description'];
    if (language && typeof description === 'string') {
      const words = countWords(description);
      const { min, max } = language.descriptionWords;
      if (words < min || words > max) {
        problems.push(`${where}, description: has ${words} words; an audio description in "${String(manuscript.language)}" needs ${min} to ${max}`);
      }
    }
    const alt = picture['alt'];
    if (typeof alt === 'string') {
      if (language && alt.length > language.altMax) problems.push(`${where}, picture.alt: must have at most ${language.altMax} characters in "${String(manuscript.language)}" (it has ${alt.length})`);
      if (language && standIn && !alt.startsWith(language.illustrationPrefix)) {
        problems.push(`${where}, picture.alt: must begin with "${language.illustrationPrefix}" (the pictures stand in for others)`);
      }
      if (/\b(image|picture|photo) of\b|\b(imagen|foto|fotografía) de\b/iu.test(alt)) {
        problems.push(`${where}, picture.alt: say what is shown, not "image of" / "picture of"`);
      }
    }
    if (file !== undefined && !existsSync(join(folder, file))) {
      problems.push(`${where}, picture.file: ${file} does not exist next to the manuscript`);
    }
  });
  return problems;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

function sceneName(index: number, manuscript: { scenes?: { id?: unknown }[] }): string {
  const id = manuscript.scenes?.[index]?.id;
  return typeof id === 'string' ? `scene ${index + 1} "${id}"` : `scene ${index + 1}`;
}

/** `/scenes/3/picture/alt` → `scene 4 "the-plea", picture.alt: must …`. */
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
  if (error.keyword === 'additionalProperties') message = 'is not a field a manuscript can have';
  if (error.keyword === 'required') message = 'is missing';
  return `${where}, ${fieldText}: ${message}`;
}
