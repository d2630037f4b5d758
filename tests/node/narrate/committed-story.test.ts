/**
 * Every committed story agrees with itself: its timed story keeps every promise, describes the
 * committed audio (whose length is decoded from the files, not read from metadata), says every word
 * of its manuscript, and renders into tracks that match it; and its captions start where the speech
 * starts, in both audio files.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseWebVTT, type WebVTTCue } from '../../../src/captions/webvtt.js';
import { cuePlainText, cueWords } from '../../../src/captions/cue-text.js';
import { checkTimedStory, MAX_ENCODED_DRIFT } from '../../../src/story/check-timed-story.js';
import { chaptersOf, paragraphsOf, type TimedStory } from '../../../src/story/timed-story.js';
import { decodedDuration } from '../../../scripts/narrate/encode.js';
import { captionFit } from '../../../scripts/narrate/caption-fit.js';
import { sentencesOf } from '../../../scripts/narrate/speech-text.js';
import { loadManuscript } from '../../../scripts/story/manuscript.js';
import { RENDERED_FILES, STORY_FILES, storyFolders } from '../../../scripts/story/paths.js';
import { renderStoryFiles } from '../../../scripts/render/story-files.js';

function cuesOf(text: string): WebVTTCue[] {
  const { cues, errors } = parseWebVTT(text);
  assert.deepEqual(errors, []);
  return cues;
}

for (const folder of storyFolders()) {
  const story = JSON.parse(readFileSync(join(folder, STORY_FILES.timing), 'utf8')) as TimedStory;
  const manuscript = loadManuscript(join(folder, STORY_FILES.manuscript));
  const sentences = chaptersOf(story).flatMap((chapter) => chapter.sentences);
  const tracks = renderStoryFiles(story, { script: 'app.js', stylesheet: 'page.css', icon: 'icon.svg' });

  describe(`the committed story ${basename(folder)}`, () => {
    const decoded: Record<string, number> = {};
    before(async () => {
      for (const file of story.files) decoded[file.src] = await decodedDuration(join(folder, file.src), 32000);
    });

    it('keeps every promise of a timed story', () => {
      assert.deepEqual(checkTimedStory(story), []);
      assert.equal(story.id, basename(folder), 'its id is its folder’s name');
    });

    it('has audio files that decode to the length of the timed story', () => {
      for (const file of story.files) {
        assert.ok(Math.abs(decoded[file.src]! - story.duration) <= MAX_ENCODED_DRIFT, `${file.src}: ${decoded[file.src]} s vs ${story.duration} s`);
        assert.equal(readFileSync(join(folder, file.src)).length, file.bytes, `${file.src} size`);
      }
    });

    it('says every word of its manuscript, paragraph by paragraph, so it is not stale', () => {
      const said = (paragraphs: string[]) => paragraphs.map((paragraph) => sentencesOf(paragraph, manuscript.language));
      const texts = (chapter: (typeof story.scenes)[number] | typeof story.intro, kind: 'narration' | 'description') =>
        paragraphsOf(chapter, kind).map((paragraph) => paragraph.map((sentence) => sentence.text));
      assert.deepEqual(texts(story.intro, 'narration'), said(manuscript.intro.narration), 'intro: run npm run narrate');
      assert.deepEqual(texts(story.close, 'narration'), said(manuscript.close.narration), 'close: run npm run narrate');
      manuscript.scenes.forEach((scene, index) => {
        const timed = story.scenes[index]!;
        assert.deepEqual(texts(timed, 'narration'), said(scene.narration), `${scene.id}: run npm run narrate`);
        assert.deepEqual(texts(timed, 'description'), scene.description ? said([scene.description]) : [], `${scene.id}: run npm run narrate`);
        const { picture } = timed;
        assert.deepEqual(
          [timed.sceneId, timed.name, picture.file, picture.alt, picture.caption, picture.credit, picture.kind],
          [scene.id, scene.title, scene.picture.file, scene.picture.alt, scene.picture.caption, scene.picture.credit, scene.picture.kind ?? manuscript.pictures.kind],
          `${scene.id}: run npm run narrate`,
        );
      });
      const prose = (text: string) => text.replace(/\s+/g, ' ').trim();
      assert.deepEqual(
        [story.id, story.title, story.subtitle, story.language, story.summary, story.credits, story.sources, story.published, story.category, story.pictures.kind, story.pictures.standIn, story.pictures.standInNote, story.cover?.file],
        [manuscript.id, manuscript.title, manuscript.subtitle, manuscript.language, prose(manuscript.summary), manuscript.credits, manuscript.sources.map(prose), manuscript.published, manuscript.category, manuscript.pictures.kind, manuscript.pictures.standIn, manuscript.pictures.standInNote && prose(manuscript.pictures.standInNote), manuscript.cover],
        'run npm run narrate',
      );
    });

    it('renders every spoken sentence as caption cues of at most 90 characters, with its words and times', () => {
      const cues = cuesOf(tracks[RENDERED_FILES.captions]!);
      let next = 0;
      for (const sentence of sentences) {
        // A short sentence is one cue with its own id; a long one is cut into parts, in order.
        const mine: WebVTTCue[] = [];
        while (cues[next] && (cues[next]!.id === sentence.id || cues[next]!.id.startsWith(`${sentence.id}-part-`))) mine.push(cues[next++]!);
        assert.ok(mine.length > 0, `${sentence.id} has a cue`);
        assert.equal(mine.map(cuePlainText).join(' '), sentence.text, sentence.id);
        assert.deepEqual([mine[0]!.start, mine.at(-1)!.end], [sentence.start, sentence.end], sentence.id);
        assert.deepEqual(mine.flatMap((cue) => cueWords(cue).map((word) => word.start)), sentence.words.map((word) => word.start), sentence.id);
        for (const cue of mine) {
          assert.ok(cuePlainText(cue).length <= 90, `${cue.id}: ${cuePlainText(cue).length} characters`);
          assert.ok(cue.end <= decoded[story.files[0]!.src]!, `${cue.id} ends inside the audio`);
        }
      }
      assert.equal(next, cues.length, 'no cue that is not a sentence or a part of one');
    });

    it('renders a description cue for every described picture, spanning the range descriptions-off skips', () => {
      const described = story.scenes.filter((scene) => scene.description);
      assert.deepEqual(
        cuesOf(tracks[RENDERED_FILES.descriptions]!).map((cue) => [cue.id, cue.start, cue.end]),
        described.map((scene) => [`${scene.id}-description`, scene.description!.start, scene.description!.end]),
      );
    });

    it('renders chapters that tile the episode', () => {
      const cues = cuesOf(tracks[RENDERED_FILES.chapters]!);
      assert.deepEqual(cues.map((cue) => [cue.id, cue.start, cue.end, cue.text]), chaptersOf(story).map((c) => [c.id, c.start, c.end, c.title]));
      assert.equal(cues.at(-1)!.end, story.duration);
    });

    for (const file of story.files) {
      it(`starts each caption where its speech starts in ${file.src}: louder after the cue start than before it`, async () => {
        const fits = await captionFit(story, join(folder, file.src));
        for (const fit of fits) assert.ok(fit.after - fit.before >= 10, `${fit.id}: ${fit.before.toFixed(1)} dB before, ${fit.after.toFixed(1)} dB after`);
      });
    }
  });
}
