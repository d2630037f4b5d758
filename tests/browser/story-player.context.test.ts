import { expect } from '@open-wc/testing';
import { ContextEvent } from '@lit/context';
import { playerStateContext, type PlayerState } from '../../src/player-state/context.js';
import { miniStory, playing, timing, tracksLoaded, until } from './helpers/mini-story.js';

describe('<story-player> state for followers', () => {
  beforeEach(() => localStorage.clear());

  it('gives every follower one shared caption index, built once per captions file', async () => {
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    // A follower written without Lit asks through the context protocol (a `context-request` event).
    const follower = document.createElement('div');
    player.append(follower);
    const states: PlayerState[] = [];
    const receive = (state: PlayerState | undefined) => {
      if (state) states.push(state);
    };
    follower.dispatchEvent(new ContextEvent(playerStateContext, follower, receive, true));
    const index = states.at(-1)!.captionIndex;
    const sentences = [s.intro, ...s.scenes, s.close].flatMap((c) => c.sentences);
    expect(index.items.map((c) => c.id)).to.deep.equal(sentences.map((x) => x.id));
    const sentence = sentences[3]!;
    expect(index.at((sentence.start + sentence.end) / 2)?.id).to.equal(sentence.id);

    await playing(player);
    const heard = states.length;
    await until(() => states.length > heard + 2, 'the state is published again while playing');
    player.pause();
    expect(new Set(states.map((state) => state.captionIndex)), 'the same index in every update').to.have.property('size', 1);
  });
});
