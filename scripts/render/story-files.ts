/**
 * Every text file of one story's folder in the site, rendered from its timed story alone: the page,
 * the captions, descriptions and chapter tracks, and the JSON chapters. Paths are relative to the
 * story's folder.
 */
import type { TimedStory } from '../../src/story/timed-story.js';
import { RENDERED_FILES } from '../story/paths.js';
import { renderPage, type PageAssets } from './page.js';
import { podcastChapters } from './podcast-chapters.js';
import { captionsVtt, chaptersVtt, descriptionsVtt } from './vtt.js';

export function renderStoryFiles(story: TimedStory, assets: PageAssets): Record<string, string> {
  return {
    [RENDERED_FILES.page]: renderPage(story, assets),
    [RENDERED_FILES.captions]: captionsVtt(story),
    [RENDERED_FILES.descriptions]: descriptionsVtt(story),
    [RENDERED_FILES.chapters]: chaptersVtt(story),
    [RENDERED_FILES.podcastChapters]: `${JSON.stringify(podcastChapters(story), null, 2)}\n`,
  };
}
