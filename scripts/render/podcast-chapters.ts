/** Podcasting 2.0 JSON chapters (version 1.2.0), rendered from the timed story. */
import { chaptersOf, type TimedStory } from '../../src/story/timed-story.js';
import { pictureArtwork } from '../story/pictures.js';

export interface PodcastChapters {
  version: '1.2.0';
  title: string;
  chapters: { startTime: number; endTime: number; title: string; img?: string }[];
}

/**
 * Each picture's chapter shows that picture's square artwork; the intro and close show the cover's.
 * `url` turns a path relative to the story's folder into the address the feed or page uses.
 */
export function podcastChapters(story: TimedStory, url: (path: string) => string = (path) => path): PodcastChapters {
  const cover = story.cover ? url(pictureArtwork(story.cover).jpeg) : undefined;
  return {
    version: '1.2.0',
    title: story.title,
    chapters: chaptersOf(story).map((chapter, index) => {
      const scene = story.scenes[index - 1];
      const img = scene ? url(pictureArtwork(scene.picture).jpeg) : cover;
      return { startTime: chapter.start, endTime: chapter.end, title: chapter.title, ...(img ? { img } : {}) };
    }),
  };
}
