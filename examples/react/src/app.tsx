/**
 * One photo story in React: the app fetches the story's timed story (`timing.json`, as
 * `npm run narrate` writes it) and renders the page markup the elements enhance (see
 * docs/page-markup.md) with the wrappers from `listen-photo-story/react`. The typed event props keep
 * a line of React state in step with the player.
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { StoryCaptions, StoryPlayer, StoryScene, StoryTranscript } from 'listen-photo-story/react';
import type { StoryChapterChangeEvent, StoryErrorEvent } from 'listen-photo-story';

/** The part of a timed story this page shows. */
interface Sentence {
  id: string;
  kind: 'announcement' | 'description' | 'narration';
  paragraph: number;
  text: string;
  start: number;
  end: number;
}
interface Section {
  id: string;
  title: string;
  start: number;
  end: number;
  sentences: Sentence[];
}
interface Scene extends Section {
  number: number;
  description?: { start: number; end: number };
  picture: { file: string; width: number; height: number; kind: 'photograph' | 'illustration'; alt: string; caption: string; credit: string };
}
interface TimedStory {
  id: string;
  title: string;
  language: string;
  summary: string;
  duration: number;
  files: { src: string; type: string }[];
  intro: Section;
  scenes: Scene[];
  close: Section;
}

function Sentences({ sentences, kind }: { sentences: Sentence[]; kind: Sentence['kind'] }) {
  const paragraphs = new Map<number, Sentence[]>();
  for (const sentence of sentences.filter((s) => s.kind === kind)) paragraphs.set(sentence.paragraph, [...(paragraphs.get(sentence.paragraph) ?? []), sentence]);
  return [...paragraphs].map(([paragraph, list]) => (
    <p key={paragraph}>
      {list.map((sentence) => (
        <span key={sentence.id} className="sentence" id={sentence.id} data-start={sentence.start} data-end={sentence.end}>
          {sentence.text}{' '}
        </span>
      ))}
    </p>
  ));
}

function Story({ story, base }: { story: TimedStory; base: string }) {
  const [chapter, setChapter] = useState('intro');
  const [playing, setPlaying] = useState(false);
  return (
    <>
      <p id="now" role="status">
        {playing ? 'Playing' : 'Paused'} · chapter {chapter}
      </p>
      <StoryPlayer
        storyId={story.id}
        storyTitle={story.title}
        duration={story.duration}
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onStoryChapterChange={(event: StoryChapterChangeEvent) => setChapter(event.chapterId)}
        onError={(event: StoryErrorEvent) => console.warn(event.message)}
      >
        <header>
          <h1>{story.title}</h1>
          <p>{story.summary}</p>
        </header>
        <audio slot="fallback" controls preload="none">
          {story.files.map((file) => (
            <source key={file.src} src={base + file.src} type={file.type} />
          ))}
          <track kind="captions" src={`${base}captions/captions.vtt`} srcLang={story.language} label="Captions" default />
          <track kind="descriptions" src={`${base}captions/descriptions.vtt`} srcLang={story.language} label="Audio descriptions" />
          <track kind="chapters" src={`${base}captions/chapters.vtt`} srcLang={story.language} label="Pictures" />
        </audio>
        <section id="intro" data-start={story.intro.start} data-end={story.intro.end}>
          <h2>{story.intro.title}</h2>
          <Sentences sentences={story.intro.sentences} kind="narration" />
        </section>
        {story.scenes.map((scene) => (
          <StoryScene
            key={scene.id}
            id={scene.id}
            pictureKind={scene.picture.kind}
            number={scene.number}
            start={scene.start}
            end={scene.end}
            descriptionStart={scene.description?.start}
            descriptionEnd={scene.description?.end}
          >
            <h2>{scene.title}</h2>
            <figure>
              <img src={base + scene.picture.file} width={scene.picture.width} height={scene.picture.height} alt={scene.picture.alt} />
              <figcaption>
                {scene.picture.caption} <span className="credit">{scene.picture.credit}</span>
              </figcaption>
            </figure>
            {scene.description && (
              <div className="description">
                <h3>Audio description</h3>
                <Sentences sentences={scene.sentences} kind="description" />
              </div>
            )}
            <div className="narration">
              <Sentences sentences={scene.sentences} kind="narration" />
            </div>
          </StoryScene>
        ))}
        <section id="close" data-start={story.close.start} data-end={story.close.end}>
          <h2>{story.close.title}</h2>
          <Sentences sentences={story.close.sentences} kind="narration" />
        </section>
        <StoryCaptions />
        <StoryTranscript />
      </StoryPlayer>
    </>
  );
}

function App({ base }: { base: string }) {
  const [story, setStory] = useState<TimedStory | Error>();
  useEffect(() => {
    fetch(`${base}timing.json`)
      .then((response) => (response.ok ? (response.json() as Promise<TimedStory>) : Promise.reject(new Error(`${response.url}: ${response.status}`))))
      .then(setStory, (error: Error) => setStory(error));
  }, [base]);
  if (!story) return <p>Loading the story…</p>;
  if (story instanceof Error) return <p role="alert">The story could not be loaded ({story.message}).</p>;
  return <Story story={story} base={base} />;
}

const root = document.getElementById('app')!;
createRoot(root).render(
  <StrictMode>
    <App base={root.dataset['story'] ?? 'story/'} />
  </StrictMode>,
);
