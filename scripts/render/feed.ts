/**
 * The story's podcast feed: RSS 2.0 with the iTunes and Podcasting 2.0 namespaces, one channel per
 * story (a channel has one language) and one item, the episode. Every URL is absolute, made from the
 * base URL the site is served from.
 *
 * Described chapter images: each chapter's picture carries its alt text and description in the
 * JSON chapters (`imgAlt`, `imgDescription`, members apps that do not know them skip), in the HTML
 * transcript beside the chapter, and in the show notes: every picture's alt text in `<description>`
 * (short enough for every app), its description too in `content:encoded`.
 */
import { descriptionText, fullTitle, type Credit, type TimedStory } from '../../src/story/timed-story.js';
import { storyLanguage } from '../story/languages.js';
import { RENDERED_FILES } from '../story/paths.js';
import { pictureArtwork } from '../story/pictures.js';
import { markup, type Html } from './markup.js';

export const NAMESPACES = {
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  content: 'http://purl.org/rss/1.0/modules/content/',
  podcast: 'https://podcastindex.org/namespace/1.0',
  atom: 'http://www.w3.org/2005/Atom',
} as const;

/** Credits as the Podcast Taxonomy names them (group, role). */
const PEOPLE: Record<Credit['role'], { group: string; role: string }> = {
  writer: { group: 'writing', role: 'writer' },
  narration: { group: 'cast', role: 'narrator' },
  illustrations: { group: 'visuals', role: 'graphic designer' },
  photographs: { group: 'visuals', role: 'photographer' },
  'original-photographs': { group: 'visuals', role: 'photographer' },
};

/** A story's URLs in the site, from the base URL it is served from. */
export function storyUrls(story: TimedStory, baseUrl: string) {
  const url = (path: string) => new URL(`${story.id}/${path}`, baseUrl).href;
  return { url, page: url(''), feed: url(RENDERED_FILES.feed) };
}

/**
 * The item's show notes as HTML: the summary, the stand-in note, then each picture with what it shows;
 * `full` adds each picture's recorded description (for `content:encoded`, which has no length limit;
 * Apple cuts `<description>` at 4,000 characters).
 */
function showNotes(story: TimedStory, full: boolean): Html {
  const { words } = storyLanguage(story.language);
  return markup`<p>${story.summary}</p>${story.pictures.standIn && story.pictures.standInNote ? markup`<p>${story.pictures.standInNote}</p>` : ''}<ol>${story.scenes.map((scene) => {
    const description = full ? descriptionText(scene) : '';
    return markup`<li><strong>${scene.title}</strong>. ${scene.picture.alt}${description ? markup` ${words.audioDescription}: ${description}` : ''}</li>`;
  })}</ol>`;
}

/** `audio/webm; codecs=opus` → `audio/webm` and `opus`, as podcast:alternateEnclosure spells them. */
function mediaType(type: string): { type: string; codecs?: string } {
  const [base = type, ...parameters] = type.split(';').map((part) => part.trim());
  const codecs = parameters.find((parameter) => parameter.startsWith('codecs='))?.slice('codecs='.length).replace(/"/g, '');
  return codecs ? { type: base, codecs } : { type: base };
}

export function renderFeed(story: TimedStory, baseUrl: string): string {
  const { url, page, feed } = storyUrls(story, baseUrl);
  const mp3 = story.files.find((file) => file.type === 'audio/mpeg');
  if (!mp3) throw new Error(`${story.id}: a podcast feed needs the MP3 episode (every podcast app plays it)`);
  const others = story.files.filter((file) => file !== mp3);
  const bitrate = (bytes: number) => Math.round((bytes * 8) / story.duration);
  const cover = story.cover ?? story.scenes[0]?.picture;
  const artwork = cover ? url(pictureArtwork(cover).jpeg) : undefined;
  const people = story.credits.map(
    (credit) => markup`<podcast:person group="${PEOPLE[credit.role].group}" role="${PEOPLE[credit.role].role}">${credit.name}</podcast:person>`,
  );
  const xml = markup`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="${NAMESPACES.itunes}" xmlns:content="${NAMESPACES.content}" xmlns:podcast="${NAMESPACES.podcast}" xmlns:atom="${NAMESPACES.atom}">
<channel>
  <title>${fullTitle(story)}</title>
  <link>${page}</link>
  <atom:link href="${feed}" rel="self" type="application/rss+xml"/>
  <description>${story.summary}</description>
  <language>${story.language}</language>
  <itunes:explicit>false</itunes:explicit>
  ${story.category ? markup`<itunes:category text="${story.category.name}">${story.category.subcategory ? markup`<itunes:category text="${story.category.subcategory}"/>` : ''}</itunes:category>` : ''}
  <itunes:type>episodic</itunes:type>
  ${artwork ? markup`<itunes:image href="${artwork}"/>\n  <image><url>${artwork}</url><title>${fullTitle(story)}</title><link>${page}</link></image>` : ''}
  <podcast:locked>no</podcast:locked>
  ${people}
  <item>
    <title>${fullTitle(story)}</title>
    <link>${page}</link>
    <guid isPermaLink="false">listen-photo-story:${story.id}</guid>
    ${story.published ? markup`<pubDate>${new Date(`${story.published}T12:00:00Z`).toUTCString()}</pubDate>` : ''}
    <description>${showNotes(story, false).value}</description>
    <content:encoded>${showNotes(story, true).value}</content:encoded>
    <enclosure url="${url(mp3.src)}" length="${mp3.bytes}" type="${mp3.type}"/>
    <podcast:alternateEnclosure type="${mp3.type}" length="${mp3.bytes}" bitrate="${bitrate(mp3.bytes)}" default="true"><podcast:source uri="${url(mp3.src)}"/></podcast:alternateEnclosure>
    ${others.map((file) => {
      const { type, codecs } = mediaType(file.type);
      return markup`<podcast:alternateEnclosure type="${type}"${codecs ? markup` codecs="${codecs}"` : ''} length="${file.bytes}" bitrate="${bitrate(file.bytes)}"><podcast:source uri="${url(file.src)}"/></podcast:alternateEnclosure>
    `;
    })}<itunes:duration>${Math.round(story.duration)}</itunes:duration>
    ${artwork ? markup`<itunes:image href="${artwork}"/>` : ''}
    <podcast:transcript url="${url(RENDERED_FILES.captions)}" type="text/vtt" language="${story.language}" rel="captions"/>
    <podcast:transcript url="${url(RENDERED_FILES.transcriptHtml)}" type="text/html" language="${story.language}"/>
    <podcast:transcript url="${url(RENDERED_FILES.transcriptJson)}" type="application/json" language="${story.language}"/>
    <podcast:chapters url="${url(RENDERED_FILES.podcastChapters)}" type="application/json+chapters"/>
    ${people}
  </item>
</channel>
</rss>
`;
  return xml.value;
}
