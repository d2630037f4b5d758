/**
 * The story's page, rendered from the timed story alone: the whole story as plain HTML in light
 * DOM, readable in order without JavaScript (title, intro, then per scene a heading, the figure with
 * alt text and credit, the description when there is one and the narration, then the close with
 * credits and sources). The components only enhance it; see docs/page-markup.md for the contract.
 */
import { commonPictureKind, paragraphsOf, fullTitle, type TimedChapter, type TimedScene, type TimedSentence, type TimedStory } from '../../src/story/timed-story.js';
import { durationInWords } from '../../src/captions/time-text.js';
import { bytesText } from '../../src/i18n/formats.js';
import { languageName, storyLanguage, type StoryWords } from '../story/languages.js';
import { pictureArtwork, pictureLockScreenArtwork, pictureSources } from '../story/pictures.js';
import { epubFileName, RENDERED_FILES } from '../story/paths.js';
import { markup, type Html } from './markup.js';

export interface PageAssets {
  /** Paths as the page names them (relative to the page, or absolute). */
  script: string;
  stylesheet: string;
  icon: string;
  /** Web app manifest, if any. */
  manifest?: string;
  /** The service worker script: adds `<story-offline>` ("Save for offline", updates) to the header. */
  serviceWorker?: string;
  /** The site's list of stories, linked from the header. */
  home?: { href: string; label: string };
}

/** The picture takes the text column's width on phones and a wider column on large screens. */
export const PICTURE_SIZES = '(min-width: 72rem) 68rem, calc(100vw - 2rem)';

const seconds = (value: number) => String(value);

/** A story with more pictures than this is long: its page text is laid out only near the view (page.css `.long-story`). */
export const LONG_STORY_SCENES = 40;

function sentenceSpans(list: TimedSentence[]): Html {
  return markup`${list.map(
    (sentence, index) =>
      markup`${index > 0 ? ' ' : ''}<span class="sentence" id="${sentence.id}" data-start="${seconds(sentence.start)}" data-end="${seconds(sentence.end)}">${sentence.text}</span>`,
  )}`;
}

function narration(chapter: TimedChapter): Html {
  return markup`${paragraphsOf(chapter, 'narration').map((paragraph) => markup`<p>${sentenceSpans(paragraph)}</p>\n    `)}`;
}

function figure(scene: TimedScene): Html {
  const { picture } = scene;
  const sources = pictureSources(picture);
  const srcset = (format: 'webp' | 'jpeg') => sources.map((source) => `${source[format]} ${source.width}w`).join(', ');
  const fallback = sources.find((source) => source.width >= 800) ?? sources.at(-1)!;
  return markup`<figure>
      <picture>
        <source type="image/webp" srcset="${srcset('webp')}" sizes="${PICTURE_SIZES}">
        <img src="${fallback.jpeg}" srcset="${srcset('jpeg')}" sizes="${PICTURE_SIZES}" width="${picture.width}" height="${picture.height}" alt="${picture.alt}" loading="lazy" decoding="async">
      </picture>
      <figcaption>${picture.caption} <span class="credit">${picture.credit}</span></figcaption>
    </figure>`;
}

function sceneSection(scene: TimedScene, words: StoryWords): Html {
  const announcement = scene.sentences.find((sentence) => sentence.kind === 'announcement')!;
  const description = scene.sentences.filter((sentence) => sentence.kind === 'description');
  const range = scene.description;
  return markup`
  <story-scene id="${scene.id}" number="${scene.number}" start="${seconds(scene.start)}" end="${seconds(scene.end)}"${
    range ? markup` description-start="${seconds(range.start)}" description-end="${seconds(range.end)}"` : ''
  } picture-kind="${scene.picture.kind}" artwork="${pictureLockScreenArtwork(scene.picture).jpeg}">
    <h2 id="${scene.id}-heading"><span class="sentence" id="${announcement.id}" data-start="${seconds(announcement.start)}" data-end="${seconds(announcement.end)}"><span class="scene-number">${scene.label}:</span> ${scene.name}</span></h2>
    ${figure(scene)}
    ${
      range
        ? markup`<div class="description">
      <h3>${words.audioDescription}</h3>
      <p>${sentenceSpans(description)}</p>
    </div>`
        : ''
    }
    <div class="narration">
      ${narration(scene)}
    </div>
  </story-scene>`;
}

/**
 * The story to take away: its feed for podcast apps, the episode and the transcript to download.
 * At the end of the story, so that Play stays the first control after the header.
 */
function takeAway(story: TimedStory, words: StoryWords): Html {
  const mp3 = story.files.find((file) => file.type === 'audio/mpeg');
  return markup`<ul class="take-away">
      <li><a href="${RENDERED_FILES.feed}" type="application/rss+xml">${words.listenInApp}</a></li>
      ${mp3 ? markup`<li><a href="${mp3.src}" download type="${mp3.type}">${words.downloadEpisode(bytesText(mp3.bytes, story.language))}</a></li>` : ''}
      <li><a href="${RENDERED_FILES.transcriptHtml}" download type="text/html">${words.downloadTranscript}</a></li>
      <li><a href="${epubFileName(story.id)}" download type="application/epub+zip">${words.downloadBook}</a></li>
    </ul>`;
}

function head(story: TimedStory, assets: PageAssets): Html {
  return markup`<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${fullTitle(story)}</title>
  <meta name="description" content="${story.summary}">
  <meta name="color-scheme" content="light dark">
  <meta name="theme-color" content="#f6f1ea" media="(prefers-color-scheme: light)">
  <meta name="theme-color" content="#1b1722" media="(prefers-color-scheme: dark)">
  ${story.cover ? markup`<meta property="og:image" content="${pictureArtwork(story.cover).jpeg}">` : ''}
  ${assets.manifest ? markup`<link rel="manifest" href="${assets.manifest}">` : ''}
  <link rel="alternate" type="application/rss+xml" href="${RENDERED_FILES.feed}" title="${fullTitle(story)}">
  <link rel="icon" href="${assets.icon}" type="image/svg+xml">
  <link rel="stylesheet" href="${assets.stylesheet}">
  <script type="module" src="${assets.script}"></script>
</head>`;
}

/** The story page. The transcript stands where a reader finds it: after the header, before the story begins (not after the credits and sources). */
export function renderPage(story: TimedStory, assets: PageAssets): string {
  const { words } = storyLanguage(story.language);
  const length = durationInWords(story.duration, story.language);
  const track = (kind: string, file: string, label: string, extra = '') =>
    markup`<track kind="${kind}" src="${file}" srclang="${story.language}" label="${label}"${extra ? markup` ${extra}` : ''}>`;
  const page = markup`<!doctype html>
<html lang="${story.language}">
${head(story, assets)}
<body>
<a class="skip-link" href="#intro">${words.skipToStory}</a>
<main${story.scenes.length > LONG_STORY_SCENES ? markup` class="long-story"` : ''}>
<story-player story-id="${story.id}" story-title="${story.title}" duration="${seconds(story.duration)}"${story.cover ? markup` artwork="${pictureLockScreenArtwork(story.cover).jpeg}"` : ''}>
  <header class="story-header">
    ${assets.home ? markup`<p class="home"><a href="${assets.home.href}">${assets.home.label}</a></p>` : ''}
    <p class="kicker">${words.kicker(length)}</p>
    <h1>${story.title}${story.subtitle ? markup` <span class="subtitle">${story.subtitle}</span>` : ''}</h1>
    <p class="summary">${story.summary}</p>
    ${story.pictures.standIn && story.pictures.standInNote ? markup`<p class="stand-in-note">${story.pictures.standInNote}</p>` : ''}
    ${assets.serviceWorker ? markup`<story-offline src="${assets.serviceWorker}"></story-offline>` : ''}
  </header>

  <audio slot="fallback" controls preload="none" aria-label="${words.listenTo(story.title, length)}">
    ${story.files.map((file) => markup`<source src="${file.src}" type="${file.type}">\n    `)}${track('captions', RENDERED_FILES.captions, languageName(story.language), 'default')}
    ${story.scenes.some((scene) => scene.description) ? track('descriptions', RENDERED_FILES.descriptions, words.descriptionsTrack) : ''}
    ${track('chapters', RENDERED_FILES.chapters, words.pictureListLabel(commonPictureKind(story.scenes.map((scene) => scene.picture.kind))))}
  </audio>

  <story-transcript></story-transcript>

  <section class="story-intro" id="intro" data-start="${seconds(story.intro.start)}" data-end="${seconds(story.intro.end)}" aria-labelledby="intro-heading">
    <h2 id="intro-heading">${story.intro.title}</h2>
    ${narration(story.intro)}
  </section>
${story.scenes.map((scene) => sceneSection(scene, words))}

  <section class="story-close" id="close" data-start="${seconds(story.close.start)}" data-end="${seconds(story.close.end)}" aria-labelledby="close-heading">
    <h2 id="close-heading">${story.close.title}</h2>
    ${narration(story.close)}
    ${takeAway(story, words)}
    <h3>${words.credits}</h3>
    <dl class="credits">
      ${story.credits.map((credit) => markup`<dt>${words.roles[credit.role]}</dt><dd>${credit.name}</dd>`)}
    </dl>
    <h3>${words.sources}</h3>
    <ul class="sources">${story.sources.map((source) => markup`<li>${source}</li>`)}</ul>
  </section>

  <story-captions></story-captions>
</story-player>
</main>
</body>
</html>
`;
  return page.value;
}
