/**
 * The site's front page: every story with its title, summary, length, language and cover, linked
 * to its own page, and — with a service worker — whether it is saved for offline, its size, and
 * "Save" / "Remove" (`<story-offline story="<id>">`). Rendered from the timed stories alone, in the
 * site's language; each entry is in its story's language.
 */
import type { TimedStory } from '../../src/story/timed-story.js';
import { durationInWords } from '../../src/captions/time-text.js';
import { languageName, storyLanguage } from '../story/languages.js';
import { pictureLockScreenArtwork } from '../story/pictures.js';
import { RENDERED_FILES } from '../story/paths.js';
import { markup } from './markup.js';
import type { PageAssets } from './page.js';

export function renderIndexPage(stories: TimedStory[], assets: PageAssets, language = 'en'): string {
  const { words } = storyLanguage(language);
  const entry = (story: TimedStory) => {
    const length = durationInWords(story.duration, story.language);
    const storyWords = storyLanguage(story.language).words;
    const cover = story.cover ?? story.scenes[0]?.picture;
    return markup`
    <li class="story-entry" lang="${story.language}">
      ${cover ? markup`<img src="${story.id}/${pictureLockScreenArtwork(cover).jpeg}" width="160" height="160" alt="" loading="lazy" decoding="async">` : ''}
      <div>
        <h2><a href="${story.id}/${RENDERED_FILES.page}">${story.title}</a></h2>
        ${story.subtitle ? markup`<p class="subtitle">${story.subtitle}</p>` : ''}
        <p class="summary">${story.summary}</p>
        <p class="meta">${storyWords.kicker(length)} · ${languageName(story.language)}</p>
        ${assets.serviceWorker ? markup`<story-offline src="${assets.serviceWorker}" story="${story.id}"></story-offline>` : ''}
      </div>
    </li>`;
  };
  return markup`<!doctype html>
<html lang="${language}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${words.storiesTitle}</title>
  <meta name="color-scheme" content="light dark">
  <link rel="icon" href="${assets.icon}" type="image/svg+xml">
  <link rel="stylesheet" href="${assets.stylesheet}">
  ${assets.serviceWorker ? markup`<script type="module" src="${assets.script}"></script>` : ''}
</head>
<body>
<main class="story-index">
  <h1>${words.storiesTitle}</h1>
  <p class="summary">${words.storiesIntro}</p>
  <ul class="story-list">${stories.map(entry)}
  </ul>
</main>
</body>
</html>
`.value;
}
