/**
 * Each story's talking book (EPUB 3 with Media Overlays): epubcheck finds nothing wrong with it, and
 * its overlays play exactly what the captions show — every clip begins and ends with its caption cue,
 * on a sentence of the book's text.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { buildSite } from '../../../scripts/build/build.js';
import { captionsVtt } from '../../../scripts/render/vtt.js';
import { EPUBCHECK_JAR } from '../../../scripts/setup/ensure-tools.js';
import { epubFileName, STORY_FILES, storyFolders } from '../../../scripts/story/paths.js';
import { parseWebVTT } from '../../../src/captions/webvtt.js';
import { chaptersOf, type TimedStory } from '../../../src/story/timed-story.js';

const run = promisify(execFile);

/** SMIL clock value "h:mm:ss.fff" → seconds. */
const seconds = (clock: string) => Math.round(clock.split(':').reduce((total, part) => total * 60 + Number(part), 0) * 1000) / 1000;

describe('the talking books', () => {
  let out: string;
  before(async () => {
    out = await buildSite({ out: await mkdtemp(join(tmpdir(), 'epub-site-')) });
  });

  for (const folder of storyFolders()) {
    describe(basename(folder), () => {
      let story: TimedStory;
      let book: string;
      let files: Record<string, Uint8Array>;
      before(async () => {
        story = JSON.parse(await readFile(join(folder, STORY_FILES.timing), 'utf8')) as TimedStory;
        book = join(out, story.id, epubFileName(story.id));
        files = unzipSync(new Uint8Array(await readFile(book)));
      });

      it('passes epubcheck with no error and no warning', async () => {
        const { stdout } = await run('java', ['-jar', EPUBCHECK_JAR, book], { maxBuffer: 16 * 1024 * 1024 }).catch((error: { stdout?: string; stderr?: string }) => {
          throw new Error(`epubcheck failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
        });
        assert.match(stdout, /Validating using EPUB version 3\.2 rules/);
        assert.match(stdout, /Messages: 0 fatals \/ 0 errors \/ 0 warnings/);
      });

      it('begins with the stored mimetype, and holds only EPUB 3.2 core media types', async () => {
        const raw = await readFile(book);
        assert.equal(raw.subarray(30, 38).toString(), 'mimetype', 'the first entry');
        assert.equal(raw.readUInt16LE(8), 0, 'stored, not deflated');
        const media = Object.keys(files).filter((path) => /\.(mp3|jpe?g|png|svg|webp|avif|webm|opus|ogg)$/.test(path));
        assert.ok(media.length > 0);
        for (const path of media) assert.match(path, /\.(mp3|jpe?g)$/, path);
      });

      it('has a clip per caption cue, beginning and ending with it, on a sentence of the book', () => {
        const cues = new Map(parseWebVTT(captionsVtt(story)).cues.map((cue) => [cue.id, cue]));
        let clips = 0;
        for (const chapter of chaptersOf(story)) {
          const smil = strFromU8(files[`EPUB/${chapter.id}.smil`]!);
          const page = strFromU8(files[`EPUB/${chapter.id}.xhtml`]!);
          for (const par of smil.matchAll(/<text src="([^"#]+)#([^"]+)"\/><audio src="([^"]+)" clipBegin="([^"]+)" clipEnd="([^"]+)"\/>/g)) {
            const [, document, id, audio, begin, end] = par as unknown as string[];
            const cue = cues.get(id!);
            assert.ok(cue, `${id} is a caption cue`);
            assert.deepEqual([seconds(begin!), seconds(end!)], [cue.start, cue.end], id);
            assert.equal(document, `${chapter.id}.xhtml`);
            assert.ok(page.includes(`id="${id}"`), `${id} is in ${document}`);
            assert.ok(files[`EPUB/${audio}`], `${audio} is in the book`);
            clips++;
          }
        }
        assert.equal(clips, cues.size, 'every cue has its clip');
      });

      it('gives every picture its alt text and, where it has one, its description in the text', () => {
        for (const scene of story.scenes) {
          const page = strFromU8(files[`EPUB/${scene.id}.xhtml`]!);
          assert.ok(page.includes(`alt="${scene.picture.alt.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`), scene.id);
          assert.equal(page.includes('class="description"'), scene.description !== undefined, scene.id);
        }
      });

      it('states its accessibility (EPUB Accessibility 1.1) and its language', () => {
        const opf = strFromU8(files['EPUB/package.opf']!);
        for (const statement of [
          'schema:accessMode">auditory',
          'schema:accessModeSufficient">textual',
          'schema:accessibilityFeature">synchronizedAudioText',
          'schema:accessibilityFeature">alternativeText',
          'schema:accessibilityHazard">none',
          'schema:accessibilitySummary">',
          'dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.1 Level AA',
          `<dc:language>${story.language}</dc:language>`,
        ]) {
          assert.ok(opf.includes(statement), statement);
        }
        assert.equal(opf.includes('schema:accessibilityFeature">longDescription'), story.scenes.some((scene) => scene.description));
      });
    });
  }
});
