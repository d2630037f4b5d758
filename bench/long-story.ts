/**
 * A long story for the bench: three hours, 300 pictures (the few of At the Line, reused) and
 * 20,000 caption cues, text and times generated, the audio a quiet 220 Hz tone. Built as a real
 * story page — the timed story rendered by scripts/render/story-files.ts beside the site's own
 * bundle from dist/ — into a folder under the system's temporary folder, never into stories/.
 *
 *   npx tsx bench/long-story.ts   # prints the folder; serve it and open long-story/
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { checkTimedStory } from '../src/story/check-timed-story.js';
import type { TimedChapter, TimedScene, TimedSentence, TimedStory } from '../src/story/timed-story.js';
import { runAsScript } from '../scripts/cli.js';
import { readTimedStory } from '../scripts/build/build.js';
import { renderStoryFiles } from '../scripts/render/story-files.js';
import { ROOT, STORY_FILES } from '../scripts/story/paths.js';

export const LONG_STORY = { id: 'long-story', duration: 10_800, pictures: 300, cues: 20_000 } as const;

const WORDS = ['salt', 'wind', 'the', 'pond', 'dries', 'slowly', 'white', 'light', 'on', 'water', 'crystals', 'grow', 'rake', 'morning', 'heat', 'shore'];
const ms = (seconds: number): number => Math.round(seconds * 1000) / 1000;

/** A sentence of three or four generated words filling 85 % of [start, end). */
function sentence(id: string, kind: TimedSentence['kind'], paragraph: number, start: number, end: number, seed: number, text?: string): TimedSentence {
  const words = text?.split(' ') ?? Array.from({ length: 3 + (seed % 2) }, (_, i) => WORDS[(seed * 7 + i * 5) % WORDS.length]!);
  if (!text) words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
  if (!text) words[words.length - 1] += '.';
  const spoken = (end - start) * 0.85;
  const step = spoken / words.length;
  return {
    id,
    kind,
    paragraph,
    text: words.join(' '),
    start: ms(start),
    end: ms(start + spoken),
    words: words.map((word, i) => ({ text: word, start: ms(start + i * step), end: ms(start + (i + 1) * step) })),
  };
}

/** `count` narration sentences in [start, end), six to a paragraph. */
function narration(prefix: string, start: number, end: number, count: number, seed: number): TimedSentence[] {
  const slot = (end - start) / count;
  return Array.from({ length: count }, (_, i) => sentence(`${prefix}-narration-${i + 1}`, 'narration', Math.floor(i / 6), start + i * slot, start + (i + 1) * slot, seed + i));
}

/** The timed story, its pictures taken in turn from `source`'s. */
export function longTimedStory(source: TimedStory): TimedStory {
  const { duration, pictures, cues } = LONG_STORY;
  const introEnd = 30;
  const closeStart = duration - 30;
  const edgeCues = 10;
  const perScene = (cues - 2 * edgeCues) / pictures;
  const sceneLength = (closeStart - introEnd) / pictures;
  let seed = 0;
  const scenes: TimedScene[] = Array.from({ length: pictures }, (_, i) => {
    const number = i + 1;
    const id = `scene-${number}`;
    const start = ms(introEnd + i * sceneLength);
    const end = ms(introEnd + (i + 1) * sceneLength);
    // Whole cues per scene that add up to the total: some scenes get one more.
    const count = Math.floor(perScene * number) - Math.floor(perScene * i);
    const described = number % 3 === 0;
    const slot = (end - start) / count;
    const label = `Picture ${number} of ${pictures}`;
    const name = `Salt pond ${number}`;
    const sentences = [sentence(`${id}-announcement-1`, 'announcement', 0, start, start + slot, 0, `${label}: ${name}.`)];
    let at = start + slot;
    if (described) {
      sentences.push(sentence(`${id}-description-1`, 'description', 0, at, at + slot, (seed += 3)), sentence(`${id}-description-2`, 'description', 0, at + slot, at + 2 * slot, (seed += 3)));
      at += 2 * slot;
    }
    sentences.push(...narration(id, at, end, count - sentences.length, (seed += 11)));
    const picture = source.scenes[i % source.scenes.length]!.picture;
    return {
      id,
      sceneId: `pond-${number}`,
      number,
      label,
      name,
      title: `${label}: ${name}`,
      start,
      end,
      picture,
      ...(described ? { description: { start: ms(start + slot), end: ms(start + 3 * slot) } } : {}),
      sentences,
    };
  });
  const chapter = (id: string, title: string, start: number, end: number): TimedChapter => ({ id, title, start, end, sentences: narration(id, start, end, edgeCues, (seed += 5)) });
  return {
    ...source,
    id: LONG_STORY.id,
    title: 'The long pond',
    subtitle: 'Three hours at the salt works, for the bench',
    summary: 'A generated story of three hours, 300 pictures and 20,000 captions, to see that a long story stays smooth.',
    duration,
    files: [
      { src: STORY_FILES.audio.webm, type: 'audio/webm; codecs=opus', bytes: 0, duration },
      { src: STORY_FILES.audio.mp3, type: 'audio/mpeg', bytes: 0, duration },
    ],
    intro: chapter('intro', 'Introduction', 0, introEnd),
    scenes,
    close: chapter('close', 'Close', closeStart, duration),
  };
}

/** A quiet tone as long as the story: a minute encoded once, then repeated without re-encoding. */
async function toneEpisode(file: string, seconds: number): Promise<void> {
  const run = promisify(execFile);
  const minute = file.replace(/(\.\w+)$/, '-minute$1');
  const codec = file.endsWith('.webm') ? ['-c:a', 'libopus', '-b:a', '8k'] : ['-c:a', 'libmp3lame', '-b:a', '16k'];
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=220:sample_rate=24000:duration=60', '-af', 'volume=0.05', '-ac', '1', ...codec, minute]);
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-stream_loop', String(Math.ceil(seconds / 60) - 1), '-i', minute, '-c', 'copy', file]);
  await rm(minute);
}

export interface LongStorySite {
  /** The site's folder: serve it, then open `long-story/`. */
  dir: string;
  story: TimedStory;
  /** Bytes of the page's HTML. */
  pageBytes: number;
}

/**
 * Builds the long story's site from dist/ (run `npm run build` first): the bundle, stylesheet and
 * icon, and the story's folder. The audio is kept between runs (it takes a few seconds to make).
 */
export async function buildLongStory(dir = join(tmpdir(), 'listen-bench-long-story')): Promise<LongStorySite> {
  const dist = join(ROOT, 'dist');
  const sourceId = 'at-the-line';
  if (!existsSync(join(dist, sourceId, 'index.html'))) throw new Error('dist/ is missing: run npm run build first');
  const source = await readTimedStory(join(ROOT, 'stories', sourceId, STORY_FILES.timing));
  const story = longTimedStory(source);
  const problems = checkTimedStory(story);
  if (problems.length > 0) throw new Error(`the long story is not a valid timed story:\n${problems.slice(0, 5).join('\n')}`);

  const site = join(dir, 'site');
  const folder = join(site, story.id);
  await mkdir(dir, { recursive: true });
  for (const file of story.files) {
    const made = join(dir, file.src.replaceAll('/', '-'));
    if (!existsSync(made)) await toneEpisode(made, story.duration);
  }
  await rm(site, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  for (const entry of await readdir(dist, { withFileTypes: true })) {
    if (entry.isFile() && /\.(js|css|svg)$/.test(entry.name) && !entry.name.startsWith('service-worker')) await cp(join(dist, entry.name), join(site, entry.name));
  }
  await cp(join(dist, sourceId, STORY_FILES.generatedImages), join(folder, STORY_FILES.generatedImages), { recursive: true });
  await mkdir(join(folder, 'audio'), { recursive: true });
  for (const file of story.files) {
    const made = join(dir, file.src.replaceAll('/', '-'));
    await cp(made, join(folder, file.src));
    file.bytes = (await stat(made)).size;
  }
  const files = renderStoryFiles(story, { script: '../app.js', stylesheet: '../page.css', icon: '../icon.svg' });
  for (const [file, text] of Object.entries(files)) {
    await mkdir(dirname(join(folder, file)), { recursive: true });
    await writeFile(join(folder, file), text);
  }
  return { dir: site, story, pageBytes: Buffer.byteLength(files['index.html'] ?? '') };
}

runAsScript(import.meta.url, async () => {
  const { dir, story, pageBytes } = await buildLongStory();
  const cues = [story.intro, ...story.scenes, story.close].reduce((total, chapter) => total + chapter.sentences.length, 0);
  console.log(`${dir}/${story.id}/: ${story.duration} s, ${story.scenes.length} pictures, ${cues} sentences, page ${pageBytes} bytes`);
});
