/**
 * The mini-story (tests/fixtures/mini-story): a real two-picture episode and the page the project's
 * own tools make for it (`make.ts`: narrate, images, page). Each test gets a fresh copy of that
 * page's `<story-player>`, with what the test needs changed, inside an element carrying the page's
 * `lang` (as its `<html lang>` would). `storyPage()` does the same for any other story page.
 */
import { fixture } from '@open-wc/testing';
import { chaptersOf, type TimedScene, type TimedStory, type TimeRange } from '../../../src/story/timed-story.js';
import type { StoryPlayer } from '../../../src/story-player/story-player.js';
import '../../../src/main.js';

export const base = '/tests/fixtures/mini-story/';

let story: Promise<TimedStory> | undefined;
/** The fixture's timing.json: the true times of every chapter, description and word. */
export function timing(): Promise<TimedStory> {
  story ??= fetch(`${base}timing.json`).then((r) => r.json() as Promise<TimedStory>);
  return story;
}

/** A scene's recorded description range; every picture of the mini-story has one. */
export function described(scene: TimedScene | undefined): TimeRange {
  if (!scene?.description) throw new Error(`the fixture's scene ${scene?.id ?? '(none)'} has no description`);
  return scene.description;
}

const pages = new Map<string, Promise<Document>>();
/** A fixture's index.html, parsed (inert: nothing in it runs or loads). */
function fixturePage(folder: string): Promise<Document> {
  let page = pages.get(folder);
  if (!page) {
    page = fetch(`${folder}index.html`)
      .then((r) => {
        if (!r.ok) throw new Error(`${folder}index.html: ${r.status}; run npx tsx ${folder.slice(1)}make.ts`);
        return r.text();
      })
      .then((text) => new DOMParser().parseFromString(text, 'text/html'));
    pages.set(folder, page);
  }
  return page;
}

/** Points every relative URL of the page's markup at the fixture folder. */
function resolveUrls(root: Element, folder: string): void {
  /** A path in the fixture folder as an absolute URL (the page's paths are relative to its folder). */
  const inFixture = (path: string): string => new URL(path, new URL(folder, location.href)).href;
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    for (const name of ['src', 'artwork']) {
      const value = el.getAttribute(name);
      if (value) el.setAttribute(name, inFixture(value));
    }
    const srcset = el.getAttribute('srcset');
    if (srcset) {
      const candidates = srcset.split(',').map((candidate) => {
        const [url = '', ...descriptors] = candidate.trim().split(/\s+/);
        return [inFixture(url), ...descriptors].join(' ');
      });
      el.setAttribute('srcset', candidates.join(', '));
    }
  }
}

/** What a page's stylesheet would do for the pictures (the components do not size light-DOM images). */
function addPageStyle(): void {
  if (document.getElementById('mini-story-style')) return;
  const style = document.createElement('style');
  style.id = 'mini-story-style';
  style.textContent = 'story-player img { display: block; max-width: 100%; height: auto; }';
  document.head.append(style);
}

export interface MiniStoryOptions {
  /** localStorage key; each test gets a fresh one unless it wants to share. */
  storyId?: string;
  /** Audio files (paths in the fixture folder) in order, replacing the page's sources; a `{ src, type }` gives the type itself ('' for none). */
  audio?: (string | { src: string; type: string })[];
  /** Text track files (paths in the fixture folder) replacing the page's. */
  captions?: string;
  descriptions?: string;
  chapters?: string;
  /** The fallback `<audio>`'s preload; the page says `none`. */
  preload?: 'none' | 'auto';
  /** Keep <story-captions> and <story-transcript> (default true). */
  followers?: boolean;
  /** Attributes to change on a scene, by scene id: a string replaces the value, null removes it. */
  sceneAttributes?: Record<string, Record<string, string | null>>;
  /** Scenes (by id) to make pictures without a recorded description: no description attributes, no `.description` block. */
  withoutDescription?: string[];
  /** The language of the page around the player from the start (the page's own by default). */
  lang?: string;
}

let counter = 0;

/** The mini-story page's `<story-player>`, changed as `options` say, in the document and rendered. */
export function miniStory(options: MiniStoryOptions = {}): Promise<StoryPlayer> {
  return storyPage(base, options);
}

/**
 * The `<story-player>` of the page in `folder` (served path, ending in `/`), changed as `options`
 * say, in the document inside an element with the page's `lang`, and rendered.
 */
export async function storyPage(folder: string, options: MiniStoryOptions = {}): Promise<StoryPlayer> {
  const page = await fixturePage(folder);
  const template = page.querySelector('story-player');
  if (!template) throw new Error(`${folder}index.html has no <story-player>`);
  const copy = template.cloneNode(true) as Element;
  copy.setAttribute('story-id', options.storyId ?? `mini-story-test-${Date.now()}-${counter++}`);
  const audio = copy.querySelector(':scope > audio')!;
  if (options.preload) audio.setAttribute('preload', options.preload);
  if (options.audio) {
    const owner = copy.ownerDocument;
    audio.querySelectorAll('source').forEach((source) => source.remove());
    const sources = options.audio.map((file) => {
      const { src, type } = typeof file === 'string' ? { src: file, type: file.endsWith('.mp3') ? 'audio/mpeg' : 'audio/webm; codecs=opus' } : file;
      const source = owner.createElement('source');
      source.setAttribute('src', src);
      if (type) source.setAttribute('type', type);
      return source;
    });
    audio.prepend(...sources);
  }
  for (const kind of ['captions', 'descriptions', 'chapters'] as const) {
    const file = options[kind];
    if (file) audio.querySelector(`track[kind="${kind}"]`)!.setAttribute('src', file);
  }
  if (options.followers === false) copy.querySelectorAll(':scope > story-captions, :scope > story-transcript').forEach((el) => el.remove());
  for (const [sceneId, attributes] of Object.entries(options.sceneAttributes ?? {})) {
    const scene = copy.querySelector(`story-scene#${sceneId}`);
    if (!scene) throw new Error(`the fixture has no story-scene#${sceneId}`);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === null) scene.removeAttribute(name);
      else scene.setAttribute(name, value);
    }
  }
  for (const sceneId of options.withoutDescription ?? []) {
    const scene = copy.querySelector(`story-scene#${sceneId}`);
    if (!scene) throw new Error(`the fixture has no story-scene#${sceneId}`);
    scene.removeAttribute('description-start');
    scene.removeAttribute('description-end');
    scene.querySelector('.description')?.remove();
  }
  resolveUrls(copy, folder);
  addPageStyle();
  const wrapper = document.createElement('div');
  wrapper.lang = options.lang ?? page.documentElement.lang;
  wrapper.append(document.importNode(copy, true));
  const player = (await fixture<HTMLElement>(wrapper)).querySelector('story-player')!;
  await player.updateComplete;
  return player;
}

interface HowlLike {
  _state: string;
  _sounds: { _node?: HTMLMediaElement }[];
}

/** The media element of the player's live Howl (howler's own registry: it is not in the document). */
export const liveAudioElement = (): HTMLMediaElement | undefined =>
  ((window as unknown as { Howler?: { _howls: HowlLike[] } }).Howler?._howls ?? []).find((h) => h._state !== 'unloaded')?._sounds[0]?._node;

/** Resolves when `check()` is true; fails with `what` after `timeout` ms. */
export async function until(check: () => boolean, what: string, timeout = 8000): Promise<void> {
  const started = performance.now();
  while (!check()) {
    if (performance.now() - started > timeout) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * A negative check: `check()` stays true for `ms` ms, polled every 10 ms; fails with `what` the
 * moment it does not. Start it right after the event that would make it false if it ever will.
 */
export async function holds(check: () => boolean, what: string, ms: number): Promise<void> {
  const started = performance.now();
  while (performance.now() - started < ms) {
    if (!check()) throw new Error(`No longer true: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  if (!check()) throw new Error(`No longer true: ${what}`);
}

/** The player's shadow-DOM control matching `selector`. */
export function part<T extends Element = HTMLElement>(player: StoryPlayer, selector: string): T {
  const el = player.shadowRoot!.querySelector<T>(selector);
  if (!el) throw new Error(`No ${selector} in <story-player>`);
  return el;
}

/** Text of the polite status region. */
export const statusText = (player: StoryPlayer): string => part(player, '[role="status"]').textContent?.trim() ?? '';

/** Waits for the text tracks to load: every caption cue, and every chapter with its title. */
export async function tracksLoaded(player: StoryPlayer): Promise<void> {
  const chapters = chaptersOf(await timing());
  const sentences = chapters.flatMap((c) => c.sentences).length;
  const titles = chapters.map((c) => c.title).join('\n');
  await until(
    () => player.cues.length === sentences && player.storyChapters.map((c) => c.title).join('\n') === titles,
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

/**
 * Records the action handlers the page gives Media Session (what the lock screen, headphones and
 * media keys call), passing them on to the real session.
 */
export function recordActionHandlers(): { handlers: Map<MediaSessionAction, MediaSessionActionHandler | null>; restore(): void } {
  const session = navigator.mediaSession;
  const handlers = new Map<MediaSessionAction, MediaSessionActionHandler | null>();
  const original = session.setActionHandler;
  session.setActionHandler = (action, handler) => {
    handlers.set(action, handler);
    original.call(session, action, handler);
  };
  return { handlers, restore: () => Reflect.deleteProperty(session, 'setActionHandler') };
}
