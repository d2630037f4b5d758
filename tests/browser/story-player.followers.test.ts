import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { StoryScene } from '../../src/story-scene/story-scene.js';
import type { StoryTranscript } from '../../src/story-transcript/story-transcript.js';
import type { StoryCaptions } from '../../src/story-captions/story-captions.js';
import { miniStory, part, playing, statusText, timing, tracksLoaded, until } from './helpers/mini-story.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Counts the renders of `element` from now on. */
function countRenders(element: HTMLElement): { readonly count: number } {
  const own = element as unknown as { render(): unknown };
  const render = own.render.bind(own);
  const counter = { count: 0 };
  own.render = () => {
    counter.count++;
    return render();
  };
  return counter;
}

describe('<story-player> followers', () => {
  beforeEach(() => localStorage.clear());

  it('re-render only when what they show changes: 10 s of playback, scenes and transcript', async function () {
    this.timeout(30000);
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    const [first, second] = Array.from(player.querySelectorAll<StoryScene>('story-scene'));
    const transcript = player.querySelector<StoryTranscript>('story-transcript')!;
    transcript.open = true;
    await transcript.updateComplete;
    const renders = { first: countRenders(first!), second: countRenders(second!), transcript: countRenders(transcript) };
    // What each shows, sampled every few milliseconds: a scene whether it is current, the transcript its current sentence.
    const shown = { first: new Set<boolean>([first!.current]), sentences: [] as string[] };
    const sample = setInterval(() => {
      shown.first.add(first!.current);
      const current = transcript.shadowRoot!.querySelector('[aria-current="true"]')?.getAttribute('data-cue') ?? '';
      if (current !== shown.sentences.at(-1)) shown.sentences.push(current);
    }, 5);

    await playing(player);
    await sleep(10000);
    player.pause();
    await until(() => player.paused, 'paused');
    clearInterval(sample);
    await transcript.updateComplete;

    const spoken = [s.intro, ...s.scenes, s.close].flatMap((c) => c.sentences).filter((x) => x.start < player.currentTime);
    expect(spoken.length, 'sentences heard in 10 s').to.be.greaterThan(4);
    expect(first!.current, 'the first picture is current after 10 s').to.equal(true);
    // The first scene became current once: one render (maybe one more for the pause that follows the play).
    expect(renders.first.count, 'renders of the first scene').to.be.within(1, 2);
    expect(renders.second.count, 'renders of a scene whose state never changed').to.equal(0);
    // One render per sentence it marked (and at most one more): not four a second.
    expect(renders.transcript.count, `renders of the transcript for ${shown.sentences.length} sentences`).to.be.within(
      spoken.length - 1,
      spoken.length + 1,
    );
  });

  it('two players on one page: starting one pauses the other; places, shortcuts and status regions stay apart', async function () {
    this.timeout(40000);
    const one = await miniStory({ storyId: 'story-one', followers: false });
    const two = await miniStory({ storyId: 'story-two', followers: false });
    await Promise.all([tracksLoaded(one), tracksLoaded(two)]);

    await playing(one);
    await playing(two);
    await until(() => one.paused, 'the first player pauses when the second starts');
    expect(two.paused).to.equal(false);
    await until(() => statusText(one) === 'Paused.', 'the first player says it paused, in its own region');
    two.pause();
    await until(() => two.paused, 'the second pauses');

    // Places apart: each saves its own.
    one.seek(12);
    two.seek(25);
    const saved = (id: string) => JSON.parse(localStorage.getItem(`story-player:${id}`) ?? '{}') as { position?: number };
    expect(saved('story-one').position).to.be.closeTo(12, 0.01);
    expect(saved('story-two').position).to.be.closeTo(25, 0.01);

    // Shortcuts apart: "k" with focus in the second player plays the second only.
    part(two, '.play').focus();
    await sendKeys({ press: 'k' });
    await until(() => !two.paused, 'the second player plays from its own shortcut');
    expect(one.paused, 'the first player ignores a key pressed in the second').to.equal(true);
    expect(statusText(one)).to.not.equal('Playing.');
    two.pause();
    // Each fixture is a whole story page, whose <header> is the page's banner: two on one page are
    // two banners, which a real page of two stories would not have.
    await expect(one).to.be.accessible({ ignoredRules: ['landmark-no-duplicate-banner'] });
  });

  it('captions and a transcript outside their player, tied to it by id', async function () {
    this.timeout(30000);
    const s = await timing();
    const player = await miniStory({ followers: false });
    player.id = 'story-1';
    const transcript = document.createElement('story-transcript');
    transcript.setAttribute('player', 'story-1');
    transcript.open = true;
    const captions = document.createElement('story-captions');
    captions.setAttribute('player', 'story-1');
    // After the player in the page, outside it.
    player.parentElement!.after(captions, transcript);
    await tracksLoaded(player);
    await until(() => transcript.shadowRoot!.querySelectorAll('.sentence').length > 0, 'the transcript lists the sentences');

    const sentences = [s.intro, ...s.scenes, s.close].flatMap((c) => c.sentences);
    expect(transcript.shadowRoot!.querySelectorAll('.sentence').length).to.equal(sentences.length);
    // A sentence in the outside transcript seeks the player it names.
    const target = sentences[4]!;
    transcript.shadowRoot!.querySelector<HTMLButtonElement>(`.sentence[data-cue="${target.id}"]`)!.click();
    await until(() => Math.abs(player.currentTime - target.start) < 0.05, 'the player moved to the sentence');

    await playing(player);
    const line = () => (captions as StoryCaptions).shadowRoot!.querySelector('.line')?.getAttribute('data-cue') ?? '';
    await until(() => line() !== '', 'the outside caption line shows the sentence being spoken');
    player.pause();
    await expect(transcript).to.be.accessible();
    captions.remove();
    transcript.remove();
  });

  it('a scene whose times a framework sets as properties after the player connected (as React does) is read, and nothing is warned', async () => {
    const s = await timing();
    const scene = s.scenes[0]!;
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      const player = await miniStory({ sceneAttributes: { [scene.id]: { start: null, end: null, number: null } } });
      const errors: string[] = [];
      player.addEventListener('error', (event) => errors.push(event.message));
      const element = player.querySelector<StoryScene>(`story-scene#${scene.id}`)!;
      element.start = scene.start;
      element.end = scene.end;
      element.number = 1;
      await tracksLoaded(player);
      const chapter = player.storyChapters.find((c) => c.id === scene.id);
      expect(chapter?.start).to.equal(scene.start);
      expect(chapter?.number).to.equal(1);
      expect(element.getAttribute('start'), 'the property reflects to the attribute').to.equal(String(scene.start));
      expect(warnings, 'no warning about the moment before the properties were set').to.deep.equal([]);
      expect(errors).to.deep.equal([]);
      // Later changes are read too, without any track loading again.
      element.end = scene.end - 1;
      await until(() => player.storyChapters.find((c) => c.id === scene.id)?.end === scene.end - 1, 'the new end is read');
    } finally {
      console.warn = warn;
    }
  });
});
