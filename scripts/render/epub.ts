/**
 * The story as an EPUB 3 talking book with Media Overlays, rendered from the timed story: an XHTML
 * document per chapter (intro, each picture with its alt text, caption, description and narration,
 * close), a SMIL overlay per document with one clip per caption cue on the episode's MP3, navigation
 * (table of contents and a page list of the pictures), and the accessibility metadata of EPUB
 * Accessibility 1.1. Only EPUB 3.2 core media types go inside: JPEG, MP3, CSS.
 *
 * `epubFiles` is pure: it returns each file's text, or the story file to copy in. `zipEpub` packs them.
 */
import { zipSync, type Zippable } from 'fflate';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chaptersOf, fullTitle, paragraphsOf, type PictureFile, type TimedChapter, type TimedSentence, type TimedStory } from '../../src/story/timed-story.js';
import { storyLanguage, type StoryWords } from '../story/languages.js';
import { pictureArtwork, pictureSources } from '../story/pictures.js';
import { captionCues } from './caption-cues.js';
import { markup, type Html } from './markup.js';

/** A file of the book: its text, or a file of the story's folder to copy in. */
export type EpubFile = { text: string } | { copy: string; type: string };

/** The widest JPEG a reading system needs for a picture on a page. */
const BOOK_PICTURE_WIDTH = 1200;
const OPS = 'EPUB';

/** SMIL clock values and media:duration, to the millisecond: "0:08:41.825". */
export function clockValue(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  return `${h}:${String(m).padStart(2, '0')}:${s.toFixed(3).padStart(6, '0')}`;
}

/** The JPEG a reading system shows for a picture: the widest one up to BOOK_PICTURE_WIDTH. */
function bookPicture(picture: PictureFile) {
  const sources = pictureSources(picture);
  return [...sources].reverse().find((source) => source.width <= BOOK_PICTURE_WIDTH) ?? sources[0]!;
}

const documentName = (chapter: TimedChapter) => `${chapter.id}.xhtml`;
const overlayName = (chapter: TimedChapter) => `${chapter.id}.smil`;

function xhtml(story: TimedStory, title: string, body: Html): string {
  return markup`<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${story.language}" lang="${story.language}">
<head>
<meta charset="UTF-8"/>
<title>${title}</title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body>
${body}
</body>
</html>
`.value;
}

/** A sentence in the text, and inside a long one the parts its caption cues (and overlay clips) are cut into. */
function sentenceSpan(sentence: TimedSentence): Html {
  const cues = captionCues(sentence);
  if (cues.length === 1) return markup`<span id="${sentence.id}">${sentence.text}</span>`;
  return markup`<span id="${sentence.id}">${cues.map((cue, index) => markup`${index > 0 ? ' ' : ''}<span id="${cue.id}">${cue.text}</span>`)}</span>`;
}

const spans = (sentences: TimedSentence[]) => markup`${sentences.map((sentence, index) => markup`${index > 0 ? ' ' : ''}${sentenceSpan(sentence)}`)}`;

function chapterDocument(story: TimedStory, chapter: TimedChapter, words: StoryWords): string {
  const scene = story.scenes.find((candidate) => candidate.id === chapter.id);
  // A spoken title may be more than one sentence ("Where now? Nobody knew."): each keeps its id for its clip.
  const spoken = spans(chapter.sentences.filter((sentence) => sentence.kind === 'announcement'));
  const narration = paragraphsOf(chapter, 'narration').map((paragraph) => markup`<p>${spans(paragraph)}</p>\n`);
  const headingId = `${chapter.id}-title`;
  const heading = chapter.id === 'intro' ? markup`<h2 id="${headingId}">${chapter.title}</h2>` : markup`<h2 id="${headingId}">${spoken}</h2>`;
  let picture: Html | string = '';
  if (scene) {
    const jpeg = bookPicture(scene.picture);
    const description = paragraphsOf(scene, 'description');
    // The page list's target: a page per picture, as in the web edition (dc:source).
    picture = markup`<span epub:type="pagebreak" role="doc-pagebreak" id="${scene.id}-page" aria-label="${scene.label}"></span>
<figure id="${scene.id}-picture">
<img src="${jpeg.jpeg}" width="${jpeg.width}" height="${jpeg.height}" alt="${scene.picture.alt}"/>
<figcaption>${scene.picture.caption} <span class="credit">${scene.picture.credit}</span></figcaption>
</figure>
${description.length > 0 ? markup`<section class="description" aria-labelledby="${scene.id}-description-title">
<h3 id="${scene.id}-description-title">${words.audioDescription}</h3>
${description.map((paragraph) => markup`<p>${spans(paragraph)}</p>\n`)}</section>
` : ''}`;
  }
  // The intro carries the story's title; the close its credits and sources.
  const opening = chapter.id === 'intro' ? markup`<h1>${spoken}</h1>\n<p class="summary">${story.summary}</p>\n` : '';
  const closing =
    chapter.id === 'close'
      ? markup`<h3>${words.credits}</h3>\n<dl>${story.credits.map((credit) => markup`<dt>${words.roles[credit.role]}</dt><dd>${credit.name}</dd>`)}</dl>\n<h3>${words.sources}</h3>\n<ul>${story.sources.map((source) => markup`<li>${source}</li>`)}</ul>\n`
      : '';
  const note = chapter.id === 'intro' && story.pictures.standIn && story.pictures.standInNote ? markup`<p class="stand-in-note">${story.pictures.standInNote}</p>\n` : '';
  return xhtml(
    story,
    chapter.title,
    markup`<section id="${chapter.id}-section" epub:type="chapter" role="doc-chapter" aria-labelledby="${headingId}">
${opening}${note}${heading}
${picture}${narration}${closing}</section>`,
  );
}

/** How long a document's overlay plays: its clips together, as media:duration states it. */
const clipsDuration = (chapter: TimedChapter) =>
  chapter.sentences.flatMap((sentence) => captionCues(sentence)).reduce((total, cue) => total + Math.round((cue.end - cue.start) * 1000), 0) / 1000;

/** The overlay of one document: a clip of the episode for every caption cue spoken in it. */
function overlay(chapter: TimedChapter, audio: string): string {
  return markup`<?xml version="1.0" encoding="UTF-8"?>
<smil xmlns="http://www.w3.org/ns/SMIL" xmlns:epub="http://www.idpf.org/2007/ops" version="3.0">
<body>
<seq id="seq-${chapter.id}" epub:textref="${documentName(chapter)}#${chapter.id}-section" epub:type="chapter">
${chapter.sentences.flatMap((sentence) => captionCues(sentence)).map(
  (cue) => markup`<par id="par-${cue.id}"><text src="${documentName(chapter)}#${cue.id}"/><audio src="${audio}" clipBegin="${clockValue(cue.start)}" clipEnd="${clockValue(cue.end)}"/></par>
`,
)}</seq>
</body>
</smil>
`.value;
}

function navigation(story: TimedStory, words: StoryWords): string {
  const chapters = chaptersOf(story);
  return xhtml(
    story,
    fullTitle(story),
    markup`<nav epub:type="toc" id="toc" role="doc-toc">
<h2>${words.contents}</h2>
<ol>${chapters.map((chapter) => markup`<li><a href="${documentName(chapter)}">${chapter.title}</a></li>`)}</ol>
</nav>
<nav epub:type="page-list" id="page-list" role="doc-pagelist" hidden="hidden">
<h2>${words.pictureListLabel(story.pictures.kind)}</h2>
<ol>${story.scenes.map((scene) => markup`<li><a href="${documentName(scene)}#${scene.id}-page">${scene.label}</a></li>`)}</ol>
</nav>
<nav epub:type="landmarks" id="landmarks" hidden="hidden">
<h2>${words.contents}</h2>
<ol><li><a epub:type="bodymatter" href="${documentName(story.intro)}">${story.intro.title}</a></li></ol>
</nav>`,
  );
}

const STYLE = `body { font-family: serif; line-height: 1.5; margin: 1em; }
img { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figcaption { font-size: 0.9em; margin-top: 0.5em; }
.description { border-left: 0.25em solid #8a3b12; padding-left: 1em; }
.-epub-media-overlay-active { background: #f6e3a1; color: #000; }
`;

/**
 * Every file of the book, by its path inside the zip. `modified` is the book's dcterms:modified (UTC,
 * to the second); `source` the address of the web edition it is made from, whose pictures its page
 * list follows (dc:source: the source of its page breaks, as EPUB Accessibility asks).
 */
export function epubFiles(story: TimedStory, modified: Date, source: string): Record<string, EpubFile> {
  const { words } = storyLanguage(story.language);
  const mp3 = story.files.find((file) => file.type === 'audio/mpeg');
  if (!mp3) throw new Error(`${story.id}: an EPUB needs the MP3 episode (EPUB 3.2's only core audio type)`);
  const chapters = chaptersOf(story);
  const files: Record<string, EpubFile> = {
    mimetype: { text: 'application/epub+zip' },
    'META-INF/container.xml': {
      text: `<?xml version="1.0" encoding="UTF-8"?>\n<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">\n<rootfiles><rootfile full-path="${OPS}/package.opf" media-type="application/oebps-package+xml"/></rootfiles>\n</container>\n`,
    },
    [`${OPS}/nav.xhtml`]: { text: navigation(story, words) },
    [`${OPS}/style.css`]: { text: STYLE },
    [`${OPS}/${mp3.src}`]: { copy: mp3.src, type: mp3.type },
  };
  const manifest: Html[] = [
    markup`<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>`,
    markup`<item id="style" href="style.css" media-type="text/css"/>`,
    markup`<item id="episode" href="${mp3.src}" media-type="audio/mpeg"/>`,
  ];
  const durations: Html[] = [];
  for (const chapter of chapters) {
    files[`${OPS}/${documentName(chapter)}`] = { text: chapterDocument(story, chapter, words) };
    files[`${OPS}/${overlayName(chapter)}`] = { text: overlay(chapter, mp3.src) };
    manifest.push(markup`<item id="${chapter.id}" href="${documentName(chapter)}" media-type="application/xhtml+xml" media-overlay="smil-${chapter.id}"/>`);
    manifest.push(markup`<item id="smil-${chapter.id}" href="${overlayName(chapter)}" media-type="application/smil+xml"/>`);
    const spoken = clipsDuration(chapter);
    durations.push(markup`<meta property="media:duration" refines="#smil-${chapter.id}">${clockValue(spoken)}</meta>`);
  }
  const total = chapters.reduce((sum, chapter) => sum + Math.round(clipsDuration(chapter) * 1000), 0) / 1000;
  const images = new Map<string, string>();
  for (const scene of story.scenes) images.set(bookPicture(scene.picture).jpeg, '');
  const cover = story.cover ?? story.scenes[0]?.picture;
  if (cover) images.set(pictureArtwork(cover).jpeg, 'cover-image');
  [...images].forEach(([path, properties], index) => {
    files[`${OPS}/${path}`] = { copy: path, type: 'image/jpeg' };
    manifest.push(markup`<item id="image-${index + 1}" href="${path}" media-type="image/jpeg"${properties ? markup` properties="${properties}"` : ''}/>`);
  });
  const described = story.scenes.some((scene) => scene.description);
  const creators = story.credits.map((credit, index) => markup`<dc:contributor id="contributor-${index + 1}">${credit.name}</dc:contributor>`);
  const opf = markup`<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${story.language}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="book-id">urn:listen-photo-story:${story.id}</dc:identifier>
<dc:title>${fullTitle(story)}</dc:title>
<dc:language>${story.language}</dc:language>
<dc:description>${story.summary}</dc:description>
<dc:source>${source}</dc:source>
${creators}
<meta property="dcterms:modified">${modified.toISOString().replace(/\.\d{3}Z$/, 'Z')}</meta>
<meta property="media:duration">${clockValue(total)}</meta>
${durations}
<meta property="media:active-class">-epub-media-overlay-active</meta>
<meta property="schema:accessMode">textual</meta>
<meta property="schema:accessMode">visual</meta>
<meta property="schema:accessMode">auditory</meta>
<meta property="schema:accessModeSufficient">textual</meta>
<meta property="schema:accessModeSufficient">auditory</meta>
<meta property="schema:accessModeSufficient">textual,visual</meta>
<meta property="schema:accessibilityFeature">synchronizedAudioText</meta>
<meta property="schema:accessibilityFeature">alternativeText</meta>
${described ? markup`<meta property="schema:accessibilityFeature">longDescription</meta>` : ''}
<meta property="schema:accessibilityFeature">readingOrder</meta>
<meta property="schema:accessibilityFeature">structuralNavigation</meta>
<meta property="schema:accessibilityFeature">tableOfContents</meta>
<meta property="schema:accessibilityHazard">none</meta>
<meta property="schema:accessibilitySummary">${words.accessibilitySummary(described)}</meta>
<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>
</metadata>
<manifest>
${manifest.map((item) => markup`${item}\n`)}</manifest>
<spine>
${chapters.map((chapter) => markup`<itemref idref="${chapter.id}"/>\n`)}</spine>
</package>
`;
  files[`${OPS}/package.opf`] = { text: opf.value };
  return files;
}

/** The book as a zip: `mimetype` first and stored, as OCF requires; the rest deflated (media stored). */
export async function zipEpub(files: Record<string, EpubFile>, storyFolder: string): Promise<Uint8Array> {
  const zippable: Zippable = {};
  for (const [path, file] of Object.entries(files)) {
    const data = 'text' in file ? new TextEncoder().encode(file.text) : new Uint8Array(await readFile(join(storyFolder, file.copy)));
    const stored = path === 'mimetype' || ('type' in file && /^(audio|image)\//.test(file.type));
    // A fixed time keeps the zip the same from one build to the next.
    zippable[path] = [data, { level: stored ? 0 : 9, mtime: new Date(Date.UTC(2020, 0, 1)) }];
  }
  return zipSync(zippable);
}
