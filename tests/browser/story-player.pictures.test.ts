import { expect } from '@open-wc/testing';
import { a11ySnapshot } from '@web/test-runner-commands';
import type { StoryScene } from '../../src/story-scene/story-scene.js';
import { described, findAX, holds, miniStory, part, statusText, timing, tracksLoaded, until, type AXNode } from './helpers/mini-story.js';

/** Every button's name, the settings unfolded (they fold behind "Settings" on bars under 75rem, which is every bar). */
const buttonNames = async (): Promise<string[]> => {
  const more = document.querySelector('story-player')?.shadowRoot?.querySelector<HTMLButtonElement>('.more-toggle[aria-expanded="false"]');
  more?.click();
  await document.querySelector('story-player')?.updateComplete;
  return findAX((await a11ySnapshot({})) as unknown as AXNode, (n) => n.role === 'button').map((n) => n.name);
};
const scene = (player: HTMLElement, id: string) => player.querySelector<StoryScene>(`#${id}`)!;
const describeButton = (player: HTMLElement, id: string) => scene(player, id).shadowRoot!.querySelector<HTMLButtonElement>('[part="describe-button"]');
const photographs = { 'scene-1': { 'picture-kind': 'photograph' }, 'scene-2': { 'picture-kind': 'photograph' } };

describe('<story-player> labels follow what the pictures are', () => {
  // What the author sees in the console.
  const warned: unknown[] = [];
  const warn = console.warn;
  beforeEach(() => {
    localStorage.clear();
    warned.length = 0;
    console.warn = (message: unknown) => warned.push(message);
  });
  afterEach(() => {
    console.warn = warn;
  });

  it('says "photo" everywhere when every picture is a photograph', async () => {
    const player = await miniStory({ sceneAttributes: photographs });
    await tracksLoaded(player);
    const names = await buttonNames();
    expect(names).to.include.members(['Previous photo', 'Next photo', 'Pause after each photo']);
    expect(names.filter((name) => name.startsWith('Describe'))).to.have.length(2);
    expect(names.filter((name) => name.startsWith('Describe')).every((name) => /^Describe this photo, photo \d/.test(name))).to.be.true;
    expect(names.filter((name) => /picture/i.test(name))).to.deep.equal([]);
    await expect(player).to.be.accessible();
  });

  it('says "photo" for a scene without picture-kind: a photograph is the default', async () => {
    const player = await miniStory({ sceneAttributes: { 'scene-1': { 'picture-kind': null }, 'scene-2': { 'picture-kind': null } } });
    await tracksLoaded(player);
    expect(await buttonNames()).to.include.members(['Next photo', 'Pause after each photo']);
    expect(warned).to.deep.equal([]);
  });

  it('says "picture" in the player as soon as one picture is not a photograph, while each scene names its own', async () => {
    const s = await timing();
    const player = await miniStory({ sceneAttributes: { 'scene-1': { 'picture-kind': 'photograph' } } });
    await tracksLoaded(player);
    const names = await buttonNames();
    expect(names).to.include.members(['Previous picture', 'Next picture', 'Pause after each picture']);
    expect(describeButton(player, 'scene-1')!.textContent!.trim()).to.equal('Describe this photo');
    expect(describeButton(player, 'scene-2')!.textContent!.trim()).to.equal('Describe this picture');
    player.seek(s.scenes[0]!.start + 1);
    await player.updateComplete;
    await scene(player, 'scene-1').updateComplete;
    expect(scene(player, 'scene-1').shadowRoot!.querySelector('[part="current-label"]')!.textContent).to.equal('Current photo');
    player.goToChapter(2);
    await until(() => statusText(player) === `${s.scenes[1]!.title}.`, 'the jump is announced');
  });

  it('lists "Go to picture 1 to N" in the shortcuts help, N being the number of pictures', async () => {
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    part<HTMLButtonElement>(player, '.help-button').click();
    await player.updateComplete;
    const rows = Array.from(part(player, 'dialog').querySelectorAll('tbody tr'), (tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent!.trim()));
    const last = Math.min(9, s.scenes.length);
    expect(rows).to.deep.include([`1 … ${last}`, `Go to picture 1 to ${last}`]);
    expect(rows).to.deep.include(['P', 'Previous picture']);
    await expect(player).to.be.accessible();
  });

  it('tells the author, in the console only, of a picture-kind it does not know, and says "picture"', async () => {
    const player = await miniStory({ sceneAttributes: { ...photographs, 'scene-2': { 'picture-kind': 'drawing' } } });
    await tracksLoaded(player);
    expect(warned).to.have.length(1);
    expect(String(warned[0])).to.match(/^<story-scene id="scene-2">.* has picture-kind="drawing", which is neither "photograph" nor "illustration"/);
    expect(await buttonNames()).to.include('Next picture');
    expect(describeButton(player, 'scene-2')!.textContent!.trim()).to.equal('Describe this picture');
    expect(statusText(player)).to.equal('');
  });
});

describe('<story-scene> without a recorded description', () => {
  const warned: unknown[] = [];
  const warn = console.warn;
  beforeEach(() => {
    localStorage.clear();
    warned.length = 0;
    console.warn = (message: unknown) => warned.push(message);
  });
  afterEach(() => {
    console.warn = warn;
  });

  it('offers no Describe button and nothing for descriptions-off to skip, and nobody is told anything', async () => {
    const s = await timing();
    const player = await miniStory({ withoutDescription: ['scene-2'] });
    await tracksLoaded(player);
    expect(describeButton(player, 'scene-1'), 'picture 1 still has one').not.to.equal(null);
    expect(describeButton(player, 'scene-2')).to.equal(null);
    expect((await buttonNames()).filter((name) => name.startsWith('Describe'))).to.have.length(1);
    // Where the description was, the story now simply plays on, even with descriptions off.
    const formerly = described(s.scenes[1]);
    player.descriptions = 'off';
    player.seek(formerly.start + 0.5);
    expect(player.currentTime).to.equal(formerly.start + 0.5);
    // Its chapter and its sentences in the transcript are still there.
    expect(player.storyChapters.find((c) => c.id === 'scene-2')).to.include({ start: s.scenes[1]!.start, end: s.scenes[1]!.end });
    expect(player.storyChapters.find((c) => c.id === 'scene-2')!.description).to.equal(undefined);
    expect(player.cues.filter((c) => c.id.startsWith('scene-2-')).map((c) => c.id)).to.deep.equal(s.scenes[1]!.sentences.map((x) => x.id));
    // The page and its tracks have been read (tracksLoaded): any problem would have been told by now.
    await holds(() => statusText(player) === '' && warned.length === 0, 'nothing said to the listener, nothing wrong for the author', 300);
    await expect(scene(player, 'scene-2')).to.be.accessible();
  });

  it('tells the author when a .description block has no times, and finds the range from its cue', async () => {
    const s = await timing();
    const player = await miniStory({ sceneAttributes: { 'scene-2': { 'description-start': null, 'description-end': null } } });
    await tracksLoaded(player);
    await until(() => warned.length === 1, 'the author is told');
    expect(String(warned[0])).to.match(/^<story-scene id="scene-2">.* has a \.description block but no description-start and description-end/);
    expect(statusText(player)).to.equal('');
    expect(player.storyChapters.find((c) => c.id === 'scene-2')!.description).to.deep.equal(described(s.scenes[1]));
    await scene(player, 'scene-2').updateComplete;
    expect(describeButton(player, 'scene-2'), 'Describe works from the found range').not.to.equal(null);
  });
});
