/** A small, valid timed story (version 2) written by hand: each test breaks or renders a copy. */
import type { SentenceKind, TimedSentence, TimedStory } from '../../../src/story/timed-story.js';

function sentence(id: string, kind: SentenceKind, start: number, end: number, text = 'One two.', paragraph = 0): TimedSentence {
  const [first = '', ...rest] = text.split(' ');
  const step = (end - start) / (rest.length + 1);
  const at = (seconds: number) => Math.round(seconds * 1000) / 1000;
  return {
    id,
    kind,
    paragraph,
    text,
    start,
    end,
    words: [first, ...rest].map((word, index) => ({ text: word, start: at(start + index * step), end: index === rest.length ? end : at(start + (index + 1) * step) })),
  };
}

export function smallTimedStory(): TimedStory {
  return {
    version: 2,
    id: 'small',
    title: 'T',
    language: 'en',
    summary: 'A small story.',
    pictures: { kind: 'illustration', standIn: false },
    credits: [{ role: 'writer', name: 'A writer' }],
    sources: ['Invented.'],
    duration: 14,
    files: [
      { src: 'audio/episode.webm', type: 'audio/webm; codecs=opus', bytes: 1, duration: 14.01 },
      { src: 'audio/episode.mp3', type: 'audio/mpeg', bytes: 1, duration: 14.01 },
    ],
    intro: { id: 'intro', title: 'Intro', start: 0, end: 3, sentences: [sentence('intro-1', 'narration', 0.2, 2)] },
    scenes: [
      {
        id: 'scene-1',
        sceneId: 'first',
        number: 1,
        label: 'Picture 1 of 2',
        name: 'S',
        title: 'Picture 1 of 2: S',
        start: 3,
        end: 8,
        picture: { file: 'images/first.svg', width: 1500, height: 1000, kind: 'illustration', alt: 'A square.', caption: 'Caption <b>one</b>.', credit: 'Drawn & done' },
        description: { start: 4, end: 6 },
        sentences: [
          sentence('scene-1-announcement-1', 'announcement', 3.1, 3.8, 'Picture 1 of 2: S.'),
          sentence('scene-1-description-1', 'description', 4.1, 5.5, 'A <square> & more.'),
          sentence('scene-1-narration-1', 'narration', 6.1, 7, 'First paragraph.', 0),
          sentence('scene-1-narration-2', 'narration', 7.1, 7.5, 'Second paragraph.', 1),
        ],
      },
      {
        id: 'scene-2',
        sceneId: 'second',
        number: 2,
        label: 'Photo 2 of 2',
        name: 'R',
        title: 'Photo 2 of 2: R',
        start: 8,
        end: 12,
        picture: { file: 'images/second.jpg', width: 1200, height: 1600, kind: 'photograph', alt: 'A tall photo.', caption: 'Caption two.', credit: 'Camera' },
        sentences: [sentence('scene-2-announcement-1', 'announcement', 8.1, 8.8, 'Photo 2 of 2: R.'), sentence('scene-2-narration-1', 'narration', 9.1, 11.5)],
      },
    ],
    close: { id: 'close', title: 'Close', start: 12, end: 14, sentences: [sentence('close-1', 'narration', 12.2, 13.5)] },
  };
}
