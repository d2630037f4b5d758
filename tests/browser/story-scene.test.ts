import { expect, fixture, oneEvent } from '@open-wc/testing';
import { a11ySnapshot } from '@web/test-runner-commands';
import type { StoryScene } from '../../src/story-scene/story-scene.js';
import { durationInWords } from '../../src/captions/time-text.js';
import { base, described, findAX, holds, miniStory, playing, sampleFrames, statusText, timing, tracksLoaded, until, type AXNode } from './helpers/mini-story.js';

const describeButton = (scene: StoryScene) => scene.shadowRoot!.querySelector<HTMLButtonElement>('[part="describe-button"]')!;

describe('<story-scene>', () => {
  beforeEach(() => localStorage.clear());

  it('"Describe this picture" plays exactly its description and stops within 100 ms of its end', async () => {
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    const range = described(s.scenes[0]);
    const scene = player.querySelector<StoryScene>('#scene-1')!;
    describeButton(scene).click();
    await until(() => !player.paused && player.currentTime > range.start, 'the description plays');
    await scene.updateComplete;
    expect(scene.describing).to.be.true;
    expect(describeButton(scene).getAttribute('aria-label')).to.match(/^Stop description/);
    expect(statusText(player)).to.equal('Describing picture 1.');
    const samples: number[] = [];
    const stopped = oneEvent(player, 'pause');
    await sampleFrames(() => player.paused, () => samples.push(player.currentTime));
    await stopped;
    expect(Math.min(...samples), 'starts inside the range').to.be.at.least(range.start);
    expect(player.currentTime, 'stops at the end of the range').to.be.closeTo(range.end, 0.1);
    await until(() => statusText(player) === 'Description ended.', 'the end is announced');
    await scene.updateComplete;
    expect(scene.describing).to.be.false;
  });

  it('describes its picture while the story is playing, then stops', async () => {
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    await playing(player);
    const range = described(s.scenes[1]);
    describeButton(player.querySelector<StoryScene>('#scene-2')!).click();
    await until(() => player.currentTime >= range.start && player.currentTime < range.end, 'it jumps to the description');
    await oneEvent(player, 'pause');
    expect(player.currentTime).to.be.closeTo(range.end, 0.1);
  });

  it('describes even when descriptions are off for the story', async () => {
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    player.descriptions = 'off';
    const range = described(s.scenes[1]);
    describeButton(player.querySelector<StoryScene>('#scene-2')!).click();
    await until(() => !player.paused && player.currentTime > range.start + 0.3, 'the description plays');
    expect(player.currentTime).to.be.lessThan(range.end);
    player.pause();
  });

  it('stops its description when pressed again', async () => {
    const player = await miniStory();
    await tracksLoaded(player);
    const scene = player.querySelector<StoryScene>('#scene-1')!;
    describeButton(scene).click();
    await until(() => !player.paused && scene.describing, 'describing');
    await scene.updateComplete;
    describeButton(scene).click();
    await until(() => player.paused, 'stopped');
    await scene.updateComplete;
    expect(scene.describing).to.be.false;
  });

  it('shows that it is the current picture without moving focus', async () => {
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    const [one, two] = [player.querySelector<StoryScene>('#scene-1')!, player.querySelector<StoryScene>('#scene-2')!];
    const focused = describeButton(two);
    focused.focus();
    player.seek(s.scenes[0]!.start + 1);
    await player.updateComplete;
    await one.updateComplete;
    expect(one.current).to.be.true;
    expect(one.hasAttribute('current')).to.be.true;
    expect(two.current).to.be.false;
    expect(one.shadowRoot!.querySelector('[part="current-label"]')!.textContent).to.equal('Current picture');
    expect(two.shadowRoot!.activeElement).to.equal(focused);
  });

  it('offers a link to itself to copy, and says in words (shown, and heard in the player\'s status region) that it was copied', async () => {
    const player = await miniStory();
    await tracksLoaded(player);
    const scene = player.querySelector<StoryScene>('#scene-2')!;
    const copied: string[] = [];
    const clipboard = navigator.clipboard;
    const original = clipboard.writeText;
    clipboard.writeText = (text: string) => (copied.push(text), Promise.resolve());
    try {
      const button = scene.shadowRoot!.querySelector<HTMLButtonElement>('[part="copy-link-button"]')!;
      expect(button.textContent!.trim()).to.equal('Copy link');
      expect(button.getAttribute('aria-label'), 'its name begins with what it shows').to.equal('Copy link to picture 2');
      const status = scene.shadowRoot!.querySelector<HTMLElement>('[part="copied"]')!;
      expect(status.hasAttribute('role'), 'in a player, not a second live region').to.be.false;
      expect(status.textContent!.trim()).to.equal('');
      button.click();
      await until(() => status.textContent!.trim() === 'Link copied.', 'the confirmation');
      expect(statusText(player), 'heard once, from the player').to.equal('Link copied.');
      expect(copied).to.deep.equal([new URL('#scene-2', location.href).href]);
      expect(status.getBoundingClientRect().width, 'shown, not only heard').to.be.greaterThan(0);
      await expect(scene).to.be.accessible();

      // Refused (no permission): the link itself, to copy by hand, and it stays.
      clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
      button.click();
      await until(() => status.textContent!.includes('could not be copied'), 'the refusal');
      expect(status.textContent).to.include(new URL('#scene-2', location.href).href);
    } finally {
      clipboard.writeText = original;
    }
  });

  it('reads in order: heading, picture, then the button, then the description and narration', async () => {
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    const scene = s.scenes[0]!;
    const firstOf = (kind: string) => scene.sentences.find((x) => x.kind === kind)!.text;
    const alt = player.querySelector('#scene-1 img')!.getAttribute('alt')!;
    const range = described(scene);
    const button = `Describe this picture, picture 1, ${durationInWords(range.end - range.start)}`;
    const tree = (await a11ySnapshot({})) as unknown as AXNode;
    const read = findAX(tree, (n) => ['heading', 'image', 'button', 'StaticText'].includes(n.role)).map((n) => n.name);
    const order = [scene.title, alt, button, firstOf('description'), firstOf('narration')].map((name) => read.indexOf(name));
    expect(order.every((index) => index >= 0), `all read: ${JSON.stringify(order)}`).to.be.true;
    expect(order, 'in this order').to.deep.equal([...order].sort((a, b) => a - b));
  });

  it('passes axe while its description plays', async () => {
    const player = await miniStory();
    await tracksLoaded(player);
    const scene = player.querySelector<StoryScene>('#scene-1')!;
    describeButton(scene).click();
    await until(() => scene.describing, 'describing');
    await expect(scene).to.be.accessible();
    player.pause();
  });
});

/** The real media elements that howler plays, caught as they start. */
function mediaElements(): { played: HTMLMediaElement[]; restore: () => void } {
  const played: HTMLMediaElement[] = [];
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
    if (!played.includes(this)) played.push(this);
    return play.call(this);
  };
  return { played, restore: () => (HTMLMediaElement.prototype.play = play) };
}

interface AloneOptions {
  /** Attributes of the scene (paths are in the fixture folder); `range: false` leaves out the description range. */
  attributes?: Record<string, string>;
  range?: boolean;
  /** `<source>` files of a fallback `<audio>` child. */
  fallback?: string[];
}

/** Picture 1 of the mini-story as an article would hold it: a `<story-scene>` with no player anywhere. */
async function sceneAlone(options: AloneOptions = {}): Promise<StoryScene> {
  const s = await timing();
  const scene = s.scenes[0]!;
  const range = described(scene);
  const description = scene.sentences.filter((x) => x.kind === 'description').map((x) => x.text).join(' ');
  const attributes: Record<string, string> = {
    id: 'alone-1',
    number: '1',
    'picture-kind': 'illustration',
    ...(options.range === false ? {} : { 'description-start': String(range.start), 'description-end': String(range.end) }),
    ...options.attributes,
  };
  const article = document.createElement('article');
  article.lang = 'en';
  const el = document.createElement('story-scene');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, ['src', 'captions-src'].includes(name) ? base + value : value);
  el.innerHTML = `<h2>${scene.title}</h2>
    <figure><img src="${base}images/the-kite.svg" alt="Illustration: a red kite above a green hill." width="300" height="200"><figcaption>A kite.</figcaption></figure>
    ${options.fallback ? `<audio controls preload="none">${options.fallback.map((f) => `<source src="${base}${f}">`).join('')}</audio>` : ''}
    <div class="description"><h3>Audio description</h3><p>${description}</p></div>`;
  article.append(el);
  await fixture(article);
  await el.updateComplete;
  return el;
}

const sceneStatus = (scene: StoryScene) => scene.shadowRoot!.querySelector('[role="status"]')?.textContent?.trim() ?? '';

describe('<story-scene> alone in an article', () => {
  let media: ReturnType<typeof mediaElements>;
  beforeEach(() => (media = mediaElements()));
  afterEach(() => media.restore());
  const audio = () => media.played.at(-1);

  it('plays its description range of the episode from its own button, and stops at the end of the range on its own, saying so', async () => {
    const range = described((await timing()).scenes[0]);
    const scene = await sceneAlone({ attributes: { src: 'audio/episode.webm' } });
    expect(sceneStatus(scene), 'a status region from the start').to.equal('');
    describeButton(scene).click();
    await until(() => !!audio() && !audio()!.paused && audio()!.currentTime > range.start + 0.2, 'the description plays');
    await scene.updateComplete;
    expect(scene.describing).to.be.true;
    expect(describeButton(scene).textContent!.trim()).to.equal('Stop description');
    expect(sceneStatus(scene)).to.equal('Describing picture 1.');
    const samples: number[] = [];
    await sampleFrames(() => audio()!.paused, () => samples.push(audio()!.currentTime));
    expect(Math.min(...samples), 'starts inside the range').to.be.at.least(range.start);
    expect(audio()!.currentTime, 'stops at the end of the range').to.be.closeTo(range.end, 0.1);
    await until(() => sceneStatus(scene) === 'Description ended.', 'the end is said');
    await scene.updateComplete;
    expect(scene.describing).to.be.false;
    expect(describeButton(scene).textContent!.trim()).to.equal('Describe this picture');
  });

  it('stops when its button is pressed again', async () => {
    const scene = await sceneAlone({ attributes: { src: 'audio/episode.mp3' } });
    describeButton(scene).click();
    await until(() => !!audio() && !audio()!.paused && audio()!.currentTime > 6, 'the description plays');
    await scene.updateComplete;
    describeButton(scene).click();
    await until(() => audio()!.paused, 'the audio pauses');
    const at = audio()!.currentTime;
    await holds(() => audio()!.paused && audio()!.currentTime === at, 'it stays paused', 500);
    await scene.updateComplete;
    expect(scene.describing).to.be.false;
    expect(sceneStatus(scene)).to.equal('Description ended.');
  });

  it('shows the sentence being spoken from captions-src, marking the word being spoken, hidden from screen readers', async () => {
    const s = await timing();
    const sentences = s.scenes[0]!.sentences.filter((x) => x.kind === 'description').map((x) => x.text);
    const scene = await sceneAlone({ attributes: { src: 'audio/episode.webm', 'captions-src': 'captions/captions.vtt' } });
    const words = () => scene.shadowRoot!.querySelector<HTMLElement>('[part="words"]');
    const current = () => words()?.querySelector('[part~="current-word"]')?.textContent ?? '';
    describeButton(scene).click();
    await until(() => current() !== '', 'a word is marked');
    const seen = new Set<string>();
    const lines = new Set<string>();
    await until(() => {
      seen.add(current());
      lines.add(words()?.textContent?.replace(/\s+/g, ' ').trim() ?? '');
      return lines.size >= 2;
    }, 'the next sentence is shown');
    expect(seen.size, 'the marked word moves on').to.be.greaterThan(3);
    for (const line of lines) expect(sentences, 'only the description is shown').to.include(line);
    expect(words()!.getAttribute('aria-hidden'), 'its one copy for screen readers is the description block').to.equal('true');
    expect(words()!.closest('[aria-live], [role="status"]'), 'not a live region').to.be.null;
    await expect(scene).to.be.accessible();
    describeButton(scene).click();
    await scene.updateComplete;
    expect(words(), 'gone once stopped').to.be.null;
  });

  it('without captions-src marks its description block while it plays, repeating none of its words', async () => {
    const scene = await sceneAlone({ attributes: { src: 'audio/episode.webm' } });
    const block = scene.querySelector<HTMLElement>('.description')!;
    expect(getComputedStyle(block).outlineStyle).to.equal('none');
    describeButton(scene).click();
    await until(() => !!audio() && !audio()!.paused, 'the description plays');
    await scene.updateComplete;
    expect(getComputedStyle(block).outlineStyle, 'the description block is marked').to.equal('solid');
    expect(scene.shadowRoot!.querySelector('[part="words"]')).to.be.null;
    await expect(scene).to.be.accessible();
    describeButton(scene).click();
    await scene.updateComplete;
    expect(getComputedStyle(block).outlineStyle).to.equal('none');
  });

  it('plays the whole file when no description range is set', async () => {
    const scene = await sceneAlone({ range: false, attributes: { src: 'audio/episode.webm' } });
    describeButton(scene).click();
    await until(() => !!audio() && !audio()!.paused && audio()!.currentTime > 0.2, 'the file plays');
    expect(audio()!.currentTime, 'from its start').to.be.lessThan(2);
    describeButton(scene).click();
  });

  it('offers no Describe button and no description status without audio (only its link to copy)', async () => {
    const scene = await sceneAlone();
    expect(Array.from(scene.shadowRoot!.querySelectorAll('button'), (b) => b.textContent!.trim())).to.deep.equal(['Copy link']);
    expect(scene.shadowRoot!.querySelector('.status')).to.be.null;
    // Alone, its copy-link line is its own polite status, there from the start.
    expect(scene.shadowRoot!.querySelector('[part="copied"]')!.getAttribute('role')).to.equal('status');
    await expect(scene).to.be.accessible();
  });

  it('plays from its fallback <audio>, trying its sources in order, and does not show that element', async () => {
    const scene = await sceneAlone({ fallback: ['audio/missing.webm', 'audio/episode.mp3'] });
    expect(scene.querySelector('audio')!.assignedSlot, 'the native audio is not rendered').to.be.null;
    describeButton(scene).click();
    await until(() => !!audio() && !audio()!.paused && audio()!.currentTime > 6, 'the mp3 plays');
    expect(audio()!.currentSrc).to.match(/episode\.mp3$/);
    describeButton(scene).click();
  });

  it('says in words within a few seconds that its audio file is missing', async () => {
    const scene = await sceneAlone({ attributes: { src: 'audio/missing.webm' } });
    const errors: string[] = [];
    scene.addEventListener('error', (e) => errors.push((e as ErrorEvent).message));
    const pressed = performance.now();
    describeButton(scene).click();
    await until(() => sceneStatus(scene).startsWith('The story’s audio could not be loaded'), 'the failure is said', 4000);
    expect(performance.now() - pressed).to.be.lessThan(4000);
    await scene.updateComplete;
    expect(scene.describing, 'the button offers to try again').to.be.false;
    expect(errors).to.deep.equal([sceneStatus(scene)]);
  });

  it('pauses a <story-player> on the page when it starts, and is paused when the player starts, saying its description ended', async () => {
    const player = await miniStory({ followers: false });
    await tracksLoaded(player);
    const scene = await sceneAlone({ attributes: { src: 'audio/episode.webm' } });
    await playing(player);
    describeButton(scene).click();
    await until(() => player.paused, 'the player pauses');
    const own = () => media.played.find((m) => m.currentSrc.endsWith('episode.webm') && !m.paused && m.currentTime > 5.8);
    await until(() => !!own(), 'the scene plays');
    expect(sceneStatus(scene)).to.equal('Describing picture 1.');
    const sceneAudio = own()!;
    player.play();
    await until(() => sceneAudio.paused, 'the scene pauses');
    await scene.updateComplete;
    expect(scene.describing).to.be.false;
    await until(() => sceneStatus(scene) === 'Description ended.', 'the scene says its description ended');
    await until(() => !player.paused, 'the player plays');
    player.pause();
  });
});
