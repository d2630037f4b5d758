/** Podcasting 2.0 JSON chapters (version 1.2.0), rendered from the timed story. */
import { chaptersOf, descriptionText, type TimedStory } from '../../src/story/timed-story.js';
import { pictureArtwork } from '../story/pictures.js';

export interface PodcastChapters {
  version: '1.2.0';
  title: string;
  chapters: {
    startTime: number;
    endTime: number;
    title: string;
    img?: string;
    /** What the chapter's picture shows, in one line (its alt text). Not in JSON Chapters 1.2.0: apps that do not know it skip it. */
    imgAlt?: string;
    /** The picture's recorded audio description, as text, when it has one. */
    imgDescription?: string;
  }[];
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
      const description = scene ? descriptionText(scene) : '';
      return {
        startTime: chapter.start,
        endTime: chapter.end,
        title: chapter.title,
        ...(img ? { img } : {}),
        ...(scene ? { imgAlt: scene.picture.alt } : {}),
        ...(description ? { imgDescription: description } : {}),
      };
    }),
  };
}
