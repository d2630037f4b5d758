import { expect, oneEvent } from '@open-wc/testing';
import { a11ySnapshot } from '@web/test-runner-commands';
import type { StoryScene } from '../../src/story-scene/story-scene.js';
import { durationInWords } from '../../src/captions/time-text.js';
import { described, findAX, miniStory, playing, sampleFrames, statusText, timing, tracksLoaded, until, type AXNode } from './helpers/mini-story.js';

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
