import { expect } from '@open-wc/testing';
import { ContextEvent } from '@lit/context';
import { playbackContext, storyContext, type PlaybackState, type StoryInfo } from '../../src/player-state/context.js';
import { miniStory, playing, timing, tracksLoaded, until } from './helpers/mini-story.js';

/** Subscribes a follower written without Lit through the context protocol (a `context-request` event). */
function listen<T>(follower: Element, context: typeof storyContext | typeof playbackContext): T[] {
  const heard: T[] = [];
  const receive = (value: unknown) => {
    if (value) heard.push(value as T);
  };
  follower.dispatchEvent(new ContextEvent(context, follower, receive, true));
  return heard;
}

describe('<story-player> state for followers', () => {
  beforeEach(() => localStorage.clear());

  it('gives every follower one shared caption index, built once per captions file', async () => {
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    const follower = document.createElement('div');
    player.append(follower);
    const stories = listen<StoryInfo>(follower, storyContext);
    const index = stories.at(-1)!.captionIndex;
    const sentences = [s.intro, ...s.scenes, s.close].flatMap((c) => c.sentences);
    expect(index.items.map((c) => c.id)).to.deep.equal(sentences.map((x) => x.id));
    const sentence = sentences[3]!;
    expect(index.at((sentence.start + sentence.end) / 2)?.id).to.equal(sentence.id);

    await playing(player);
    await new Promise((r) => setTimeout(r, 1500));
    player.pause();
    expect(new Set(stories.map((story) => story.captionIndex)), 'the same index in every story published').to.have.property('size', 1);
  });

  it('publishes the playback state when something in it changes, never on a timer', async () => {
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    const follower = document.createElement('div');
    player.append(follower);
    const states = listen<PlaybackState>(follower, playbackContext);
    const stories = listen<StoryInfo>(follower, storyContext);
    const storiesBefore = stories.length;

    await playing(player);
    const from = player.currentTime;
    await new Promise((r) => setTimeout(r, 3000));
    player.pause();
    await until(() => !states.at(-1)!.playing, 'the pause is published');
    const to = player.currentTime;

    const sentences = [s.intro, ...s.scenes, s.close].flatMap((c) => c.sentences);
    const started = sentences.filter((x) => x.start > from && x.start <= to).length;
    // Each published state differs from the one before it: nothing is published twice.
    for (const [i, state] of states.entries()) {
      if (i > 0) expect(JSON.stringify(state), `state ${i} repeats state ${i - 1}`).to.not.equal(JSON.stringify(states[i - 1]));
    }
    // The first state, the audio loading, ready, playing, each new sentence and chapter, paused: not
    // twelve in three seconds.
    expect(states.length, `${states.length} states for ${started} sentences started`).to.be.at.most(started + 6);
    expect(states.at(-1)!.sentenceIndex, 'the sentence being spoken').to.equal(
      sentences.findLastIndex((x) => x.start <= to),
    );
    expect(stories.length - storiesBefore, 'the story is not published again while playing').to.be.at.most(1);
  });
});
