/**
 * A story whose pictures are not photographs never calls them photos: not in anything rendered
 * from its timed story (page, captions, descriptions and chapter tracks, JSON chapters, and every
 * other file renderStoryFiles writes), and not in the spoken picture titles of its episode.
 * "Photograph(s)" and "photographer" stay allowed: the credits and the stand-in note name the news
 * photographs the illustrations stand in for.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { chaptersOf, type TimedStory } from '../../../src/story/timed-story.js';
import { renderStoryFiles } from '../../../scripts/render/story-files.js';
import { storyLanguage } from '../../../scripts/story/languages.js';
import { RENDERED_FILES, STORY_FILES, storyFolders } from '../../../scripts/story/paths.js';

const ASSETS = { script: 'app.js', stylesheet: 'page.css', icon: 'icon.svg' };

/** The word for a photo in each story language, as a whole word, singular or plural. */
const PHOTO_WORDS: Record<string, RegExp> = {
  en: /\bphotos?\b/giu,
  es: /\bfotos?\b/giu,
};

function photoWord(language: string): RegExp {
  const word = PHOTO_WORDS[language.split('-')[0]!];
  assert.ok(word, `no photo word for the language "${language}": add it to PHOTO_WORDS`);
  return new RegExp(word.source, word.flags);
}

/**
 * Each place the word occurs, with some text around it. The project's own identifier
 * ("listen-photo-story", the package name, used in feed GUIDs) is a name, not wording: it is taken
 * out first.
 */
function occurrences(text: string, word: RegExp): string[] {
  const wording = text.replaceAll('listen-photo-story', '');
  return [...wording.matchAll(word)].map((match) => wording.slice(Math.max(0, match.index - 40), match.index + 40).replace(/\s+/g, ' '));
}

function render(story: TimedStory): Record<string, string> {
  return renderStoryFiles(story, ASSETS);
}

const stories = storyFolders().map((folder) => ({
  name: basename(folder),
  story: JSON.parse(readFileSync(join(folder, STORY_FILES.timing), 'utf8')) as TimedStory,
}));
const standIns = stories.filter(({ story }) => story.scenes.every((scene) => scene.picture.kind !== 'photograph'));

describe('stories whose pictures are not photographs', () => {
  it('include At the Line, so these checks run on a real story', () => {
    assert.ok(standIns.some(({ name }) => name === 'at-the-line'), standIns.map(({ name }) => name).join(', '));
  });

  it('would be caught calling their pictures photos: labelled as photographs, the same story says "Photo"', () => {
    const { story } = standIns.find(({ name }) => name === 'at-the-line')!;
    const { words } = storyLanguage(story.language);
    const asPhotographs = structuredClone(story);
    for (const scene of asPhotographs.scenes) {
      const label = words.pictureLabel('photograph', scene.number, asPhotographs.scenes.length);
      scene.title = scene.title.replace(scene.label, label);
      scene.label = label;
      scene.picture.kind = 'photograph';
    }
    const files = render(asPhotographs);
    const word = photoWord(story.language);
    assert.ok(occurrences(files[RENDERED_FILES.page]!, word).length > 0, 'the page says "Photo 1 of 8"');
    assert.ok(occurrences(files[RENDERED_FILES.chapters]!, word).length > 0, 'the chapters say "Photo 1 of 8"');
  });

  for (const { name, story } of standIns) {
    describe(name, () => {
      const word = photoWord(story.language);

      it('say "photo" in no file rendered from the timed story', () => {
        const files = render(story);
        assert.ok(Object.keys(files).length >= 5, Object.keys(files).join(', '));
        for (const [file, text] of Object.entries(files)) assert.deepEqual(occurrences(text, word), [], `${name}/${file}`);
      });

      it('say "photo" in no spoken announcement of the episode', () => {
        const announcements = chaptersOf(story).flatMap((chapter) => chapter.sentences.filter((sentence) => sentence.kind === 'announcement'));
        assert.equal(announcements.length, story.scenes.length + 2, 'the title, one per picture, the close');
        for (const announcement of announcements) {
          assert.deepEqual(occurrences(announcement.text, word), [], `${name} ${announcement.id}`);
          assert.deepEqual(occurrences(announcement.words.map((w) => w.text).join(' '), word), [], `${name} ${announcement.id} words`);
        }
      });

      it('name the pictures as pictures in the announcements', () => {
        for (const scene of story.scenes) {
          const announcement = scene.sentences.find((sentence) => sentence.kind === 'announcement')!;
          assert.ok(announcement.text.startsWith(`${scene.label}:`), announcement.text);
        }
      });
    });
  }
});
