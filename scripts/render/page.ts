/**
 * The page: the whole story as plain HTML in light DOM, readable in order without JavaScript
 * (title, intro, then per scene a heading, the figure with alt text and credit, the description and
 * the narration, then the close with credits). The components only enhance it; see
 * docs/page-markup.md for the contract.
 */
import type { Manuscript, ManuscriptScene } from '../story/manuscript.js';
import type { TimedChapter, TimedScene, TimedSentence, TimedStory } from '../../src/story/timed-story.js';
import { durationInWords } from '../../src/captions/time-text.js';
import { markup, type Html } from './markup.js';

export interface ImageSet {
  width: number;
  height: number;
  sources: { width: number; height: number; webp: string; jpeg: string }[];
  artwork: { width: number; height: number; jpeg: string };
}
export type ImageManifest = Record<string, ImageSet>;

export interface PageAssets {
  script: string;
  stylesheet: string;
  icon: string;
  /** Web app manifest, if any. */
  manifest?: string;
  /** The service worker script: adds `<story-offline>` ("Save for offline", updates) to the header. */
  serviceWorker?: string;
}

/** The photo takes the text column's width on phones and a wider column on large screens. */
export const PHOTO_SIZES = '(min-width: 72rem) 68rem, calc(100vw - 2rem)';

const seconds = (value: number) => String(value);

function sentences(list: TimedSentence[]): Html {
  return markup`${list.map(
    (sentence, index) =>
      markup`${index > 0 ? ' ' : ''}<span class="sentence" id="${sentence.id}" data-start="${seconds(sentence.start)}" data-end="${seconds(sentence.end)}">${sentence.text}</span>`,
  )}`;
}

/** Sentences grouped back into the manuscript's paragraphs (paragraph i holds its own sentences). */
function paragraphs(chapterSentences: TimedSentence[], written: string[]): Html {
  const remaining = [...chapterSentences];
  return markup`${written.map((paragraph) => {
    const mine: TimedSentence[] = [];
    let text = paragraph.replace(/\s+/g, ' ').trim();
    while (remaining.length > 0 && text.startsWith(remaining[0]!.text)) {
      const sentence = remaining.shift()!;
      mine.push(sentence);
      text = text.slice(sentence.text.length).trim();
    }
    if (text.length > 0) throw new Error(`the timing does not match the manuscript near "${text.slice(0, 40)}": run npm run narrate`);
    return markup`<p>${sentences(mine)}</p>\n`;
  })}`;
}

function ofKind(chapter: TimedChapter, kind: TimedSentence['kind']): TimedSentence[] {
  return chapter.sentences.filter((sentence) => sentence.kind === kind);
}

function imageName(scene: ManuscriptScene): string {
  return scene.photo.file.replace(/^.*\//, '').replace(/\.svg$/, '');
}

function figure(scene: ManuscriptScene, images: ImageSet): Html {
  const srcset = (format: 'webp' | 'jpeg') => images.sources.map((source) => `${source[format]} ${source.width}w`).join(', ');
  const fallback = images.sources.find((source) => source.width >= 800) ?? images.sources.at(-1)!;
  return markup`<figure>
      <picture>
        <source type="image/webp" srcset="${srcset('webp')}" sizes="${PHOTO_SIZES}">
        <img src="${fallback.jpeg}" srcset="${srcset('jpeg')}" sizes="${PHOTO_SIZES}" width="${images.width}" height="${images.height}" alt="${scene.photo.alt}" loading="lazy" decoding="async">
      </picture>
      <figcaption>${scene.photo.caption} <span class="credit">${scene.photo.credit}</span></figcaption>
    </figure>`;
}

function sceneSection(scene: ManuscriptScene, timed: TimedScene, count: number, images: ImageSet): Html {
  const headingId = `${timed.id}-heading`;
  const announcement = ofKind(timed, 'announcement')[0]!;
  return markup`
  <story-scene id="${timed.id}" number="${timed.number}" start="${seconds(timed.start)}" end="${seconds(timed.end)}" description-start="${seconds(timed.description.start)}" description-end="${seconds(timed.description.end)}" artwork="${images.artwork.jpeg}">
    <h2 id="${headingId}"><span class="sentence" id="${announcement.id}" data-start="${seconds(announcement.start)}" data-end="${seconds(announcement.end)}"><span class="scene-number">Photo ${timed.number} of ${count}:</span> ${scene.title}</span></h2>
    ${figure(scene, images)}
    <div class="description">
      <h3>Audio description</h3>
      <p>${sentences(ofKind(timed, 'description'))}</p>
    </div>
    <div class="narration">
      ${paragraphs(ofKind(timed, 'narration'), scene.narration)}
    </div>
  </story-scene>`;
}

export function renderPage(manuscript: Manuscript, story: TimedStory, images: ImageManifest, assets: PageAssets): string {
  if (story.scenes.length !== manuscript.scenes.length) throw new Error('the timing has a different number of scenes than the manuscript: run npm run narrate');
  const fullTitle = manuscript.subtitle ? `${manuscript.title}: ${manuscript.subtitle}` : manuscript.title;
  const length = durationInWords(story.duration);
  const cover = images['cover'];
  const track = (kind: string, file: string, label: string, extra = '') =>
    markup`<track kind="${kind}" src="${file}" srclang="${manuscript.language}" label="${label}"${extra ? markup` ${extra}` : ''}>`;
  const page = markup`<!doctype html>
<html lang="${manuscript.language}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${fullTitle}</title>
  <meta name="description" content="${manuscript.summary}">
  <meta name="color-scheme" content="light dark">
  <meta name="theme-color" content="#f6f1ea" media="(prefers-color-scheme: light)">
  <meta name="theme-color" content="#1b1722" media="(prefers-color-scheme: dark)">
  ${cover ? markup`<meta property="og:image" content="${cover.artwork.jpeg}">` : ''}
  ${assets.manifest ? markup`<link rel="manifest" href="${assets.manifest}">` : ''}
  <link rel="icon" href="${assets.icon}" type="image/svg+xml">
  <link rel="stylesheet" href="${assets.stylesheet}">
  <script type="module" src="${assets.script}"></script>
</head>
<body>
<a class="skip-link" href="#intro">Skip to the story</a>
<main>
<story-player story-id="${manuscript.id}" story-title="${manuscript.title}" duration="${seconds(story.duration)}">
  <header class="story-header">
    <p class="kicker">A listening edition · ${length}</p>
    <h1>${manuscript.title}${manuscript.subtitle ? markup` <span class="subtitle">${manuscript.subtitle}</span>` : ''}</h1>
    <p class="summary">${manuscript.summary}</p>
    <p class="stand-in-note">${manuscript.credits.standInNote}</p>
    ${assets.serviceWorker ? markup`<story-offline src="${assets.serviceWorker}"></story-offline>` : ''}
  </header>

  <audio slot="fallback" controls preload="none" aria-label="${`Listen to ${manuscript.title}, ${length}`}">
    ${story.files.map((file) => markup`<source src="${file.src}" type="${file.type}">\n    `)}${track('captions', 'captions/captions.vtt', 'English', 'default')}
    ${track('descriptions', 'captions/descriptions.vtt', 'Audio descriptions')}
    ${track('chapters', 'captions/chapters.vtt', 'Photos')}
  </audio>

  <section class="story-intro" id="intro" data-start="${seconds(story.intro.start)}" data-end="${seconds(story.intro.end)}" aria-labelledby="intro-heading">
    <h2 id="intro-heading">${manuscript.intro.title}</h2>
    ${paragraphs(ofKind(story.intro, 'narration'), manuscript.intro.narration)}
  </section>
${manuscript.scenes.map((scene, index) => {
  const set = images[imageName(scene)];
  if (!set) throw new Error(`no images for scene ${index + 1} "${scene.id}" (${scene.photo.file}): run npm run images`);
  return sceneSection(scene, story.scenes[index]!, manuscript.scenes.length, set);
})}

  <section class="story-close" id="close" data-start="${seconds(story.close.start)}" data-end="${seconds(story.close.end)}" aria-labelledby="close-heading">
    <h2 id="close-heading">${manuscript.close.title}</h2>
    ${paragraphs(ofKind(story.close, 'narration'), manuscript.close.narration)}
    <h3>Credits</h3>
    <dl class="credits">
      <dt>Original photographs</dt><dd>${manuscript.credits.photographs}</dd>
      <dt>Illustrations</dt><dd>${manuscript.credits.illustrations}</dd>
      <dt>Narration</dt><dd>${manuscript.credits.narration}</dd>
    </dl>
    <h3>Sources</h3>
    <ul class="sources">${manuscript.sources.map((source) => markup`<li>${source}</li>`)}</ul>
  </section>

  <story-captions></story-captions>
  <story-transcript></story-transcript>
</story-player>
</main>
</body>
</html>
`;
  return page.value;
}
