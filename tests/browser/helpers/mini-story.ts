/**
 * Builds the mini-story page (tests/fixtures/mini-story) in the markup contract of
 * docs/page-markup.md, with real audio, captions, descriptions and chapters.
 */
import { fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import type { TimedStory } from '../../../src/story/timed-story.js';
import type { StoryPlayer } from '../../../src/story-player/story-player.js';
import '../../../src/main.js';

export const base = '/tests/fixtures/mini-story/';

let story: Promise<TimedStory> | undefined;
/** The fixture's timing.json: the true times of every chapter, description and word. */
export function timing(): Promise<TimedStory> {
  story ??= fetch(`${base}timing.json`).then((r) => r.json() as Promise<TimedStory>);
  return story;
}

export interface MiniStoryOptions {
  /** localStorage key; each test gets a fresh one unless it wants to share. */
  storyId?: string;
  /** Audio file names (in the fixture folder) in order; default webm then mp3. */
  audio?: string[];
  captions?: string;
  descriptions?: string;
  chapters?: string;
  preload?: 'none' | 'auto';
  /** Include <story-captions> and <story-transcript>. */
  followers?: boolean;
  /** Attributes to change on a scene, by scene id: a string replaces the value, null removes it. */
  sceneAttributes?: Record<string, Record<string, string | null>>;
}

let counter = 0;

export async function miniStory(options: MiniStoryOptions = {}): Promise<StoryPlayer> {
  const s = await timing();
  const storyId = options.storyId ?? `mini-story-test-${Date.now()}-${counter++}`;
  const audio = options.audio ?? ['episode.webm', 'episode.mp3'];
  const typeOf = (f: string) => (f.endsWith('.mp3') ? 'audio/mpeg' : 'audio/webm; codecs=opus');
  const attr = (sceneId: string, name: string, value: string | number) => {
    const changed = options.sceneAttributes?.[sceneId]?.[name];
    return changed === null ? nothing : (changed ?? value);
  };
  const player = await fixture<StoryPlayer>(html`
    <story-player story-id=${storyId} duration=${s.duration}>
      <header><h1>${s.title}</h1><p>A two-photo test story.</p></header>
      <audio slot="fallback" controls preload=${options.preload ?? 'none'}>
        ${audio.map((f) => html`<source src=${base + f} type=${typeOf(f)} />`)}
        <track kind="captions" src=${base + (options.captions ?? 'captions.vtt')} srclang="en" label="English" default />
        <track kind="descriptions" src=${base + (options.descriptions ?? 'descriptions.vtt')} srclang="en" label="Audio descriptions" />
        <track kind="chapters" src=${base + (options.chapters ?? 'chapters.vtt')} srclang="en" label="Photos" />
      </audio>
      <section class="story-intro" id="intro" data-start=${s.intro.start} data-end=${s.intro.end}>
        <h2>${s.intro.title}</h2>
        <p>${s.intro.sentences.map((x) => x.text).join(' ')}</p>
      </section>
      ${s.scenes.map(
        (scene) => html`
          <story-scene
            id=${scene.id}
            number=${scene.number}
            start=${attr(scene.id, 'start', scene.start)}
            end=${attr(scene.id, 'end', scene.end)}
            description-start=${attr(scene.id, 'description-start', scene.description.start)}
            description-end=${attr(scene.id, 'description-end', scene.description.end)}
            artwork=${`${base}scene-${scene.number}.png`}
          >
            <h2>${scene.title}</h2>
            <figure>
              <img src=${`${base}scene-${scene.number}.png`} width="64" height="40" alt=${`Test photo ${scene.number}`} />
              <figcaption>Caption ${scene.number}. <span class="credit">Test credit</span></figcaption>
            </figure>
            <section class="description" aria-labelledby=${`${scene.id}-description-heading`}>
              <h3 id=${`${scene.id}-description-heading`}>Audio description of photo ${scene.number}</h3>
              <p>${scene.sentences.filter((x) => x.kind === 'description').map((x) => x.text).join(' ')}</p>
            </section>
            <div class="narration">
              <p>
                ${scene.sentences
                  .filter((x) => x.kind === 'narration')
                  .map((x) => html`<span class="sentence" id=${x.id} data-start=${x.start} data-end=${x.end}>${x.text}</span> `)}
              </p>
            </div>
          </story-scene>
        `,
      )}
      <section class="story-close" id="close" data-start=${s.close.start} data-end=${s.close.end}>
        <h2>${s.close.title}</h2>
        <p>${s.close.sentences.map((x) => x.text).join(' ')}</p>
      </section>
      ${options.followers === false ? nothing : html`<story-captions></story-captions><story-transcript></story-transcript>`}
    </story-player>
  `);
  await player.updateComplete;
  return player;
}

/** Resolves when `check()` is true; fails with `what` after `timeout` ms. */
export async function until(check: () => boolean, what: string, timeout = 8000): Promise<void> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > timeout) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The player's shadow-DOM control matching `selector`. */
export function part<T extends Element = HTMLElement>(player: StoryPlayer, selector: string): T {
  const el = player.shadowRoot!.querySelector<T>(selector);
  if (!el) throw new Error(`No ${selector} in <story-player>`);
  return el;
}

/** Text of the polite status region. */
export const statusText = (player: StoryPlayer): string => part(player, '[role="status"]').textContent?.trim() ?? '';

/** Waits for the text tracks to load (the chapter titles come from the chapters file). */
export async function tracksLoaded(player: StoryPlayer): Promise<void> {
  await until(
    () => player.cues.length > 0 && player.storyChapters.length === 4 && player.storyChapters[1]!.title.startsWith('Photo 1 of 2'),
    'the captions and chapters have loaded',
  );
  await player.updateComplete;
}

/** Plays and waits until the audio really advances. */
export async function playing(player: StoryPlayer): Promise<void> {
  player.play();
  const start = player.currentTime;
  await until(() => !player.paused && player.currentTime > start + 0.05, `the audio plays (from ${start})`, 10000);
}

/** The focused element, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** A node of Chromium's accessibility tree, as `a11ySnapshot` returns it. */
export interface AXNode {
  role: string;
  name: string;
  value?: string | number;
  valuetext?: string;
  valuemin?: number;
  valuemax?: number;
  description?: string;
  pressed?: boolean | 'mixed';
  checked?: boolean | 'mixed';
  expanded?: boolean;
  focused?: boolean;
  modal?: boolean;
  haspopup?: string;
  level?: number;
  children?: AXNode[];
}

export function findAX(root: AXNode, match: (node: AXNode) => boolean): AXNode[] {
  const found: AXNode[] = [];
  const walk = (node: AXNode) => {
    if (match(node)) found.push(node);
    node.children?.forEach(walk);
  };
  walk(root);
  return found;
}

/** Records the player's position whenever `check` first becomes true, frame by frame. */
export function sampleFrames(until: () => boolean, sample: () => void): Promise<void> {
  return new Promise((resolve) => {
    const frame = () => {
      sample();
      if (until()) resolve();
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}
