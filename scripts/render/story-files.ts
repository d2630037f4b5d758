/**
 * Every text file of one story's folder in the site, rendered from its timed story alone: the page,
 * the captions, descriptions and chapter tracks, the JSON chapters, the podcast feed and the
 * transcripts (HTML, and JSON a segment per word). Paths are relative to the
 * story's folder.
 */
import type { TimedStory } from '../../src/story/timed-story.js';
import { DEFAULT_BASE_URL, RENDERED_FILES } from '../story/paths.js';
import { renderFeed, storyUrls } from './feed.js';
import { transcriptHtml, transcriptJson } from './transcripts.js';
import { renderPage, type PageAssets } from './page.js';
import { podcastChapters } from './podcast-chapters.js';
import { captionsVtt, chaptersVtt, descriptionsVtt } from './vtt.js';

/** `baseUrl`: where the site is served, for the absolute URLs podcast apps need. */
export function renderStoryFiles(story: TimedStory, assets: PageAssets, baseUrl = DEFAULT_BASE_URL): Record<string, string> {
  const { url } = storyUrls(story, baseUrl);
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return {
    [RENDERED_FILES.page]: renderPage(story, assets),
    [RENDERED_FILES.captions]: captionsVtt(story),
    [RENDERED_FILES.descriptions]: descriptionsVtt(story),
    [RENDERED_FILES.chapters]: chaptersVtt(story),
    [RENDERED_FILES.podcastChapters]: json(podcastChapters(story, url)),
    [RENDERED_FILES.feed]: renderFeed(story, baseUrl),
    [RENDERED_FILES.transcriptHtml]: transcriptHtml(story),
    [RENDERED_FILES.transcriptJson]: json(transcriptJson(story)),
  };
}
