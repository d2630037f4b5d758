import { expect, fixture, html } from '@open-wc/testing';
import { OfflineState, type StoryOffline } from '../../src/story-offline/story-offline.js';
// The site's bundle (src/main.ts) loads <story-offline> on demand; this test registers it at once.
import '../../src/story-offline/define.js';
import { StoryNotice } from '../../src/player-state/vocabulary.js';
import { miniStory, statusText, until } from './helpers/mini-story.js';

// The whole offline flow (a real service worker, the network off) is tested end to end against the
// built site in tests/node/offline/: saving and its progress (with the accessibility tree), every
// fault, updates in one and two tabs. Here: what the element does when its worker cannot start, and
// how it speaks inside and outside a player. A worker registered from a test page needs a narrow
// scope; this one does not exist.
const MISSING_WORKER = '/tests/browser/no-such-service-worker.js';

const shown = (el: StoryOffline) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
const inside = <T extends Element = HTMLElement>(el: StoryOffline, selector: string): T => {
  const found = el.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in <story-offline>`);
  return found;
};

/** An element whose worker failed to register, so that its states can be set one by one. */
async function standalone(): Promise<StoryOffline> {
  const el = await fixture<StoryOffline>(html`<story-offline src=${MISSING_WORKER} scope="/tests/browser/"></story-offline>`);
  await until(() => el.state === OfflineState.error, 'registration failed');
  return el;
}

describe('<story-offline>', () => {
  beforeEach(() => localStorage.clear());

  it('says in words that offline listening is unavailable when its service worker cannot start', async () => {
    const el = await standalone();
    expect(el.errorMessage).to.match(/^Offline listening is not available here: the offline helper could not start \(.+\)\.$/);
    expect(shown(el)).to.equal(el.errorMessage);
    expect(el.shadowRoot?.querySelector('button'), 'no button that cannot work').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('has its own polite status region, present from the start, when no player is around', async () => {
    const el = await standalone();
    const region = inside(el, '[role="status"]');
    expect(region.getAttribute('part')).to.equal('status');
  });

  it('does not pretend to save when offline listening is not available', async () => {
    const el = await standalone();
    expect(await el.save()).to.equal(false);
    expect(el.state).to.equal(OfflineState.error);
    expect(shown(el)).to.equal(el.errorMessage);
  });

  it('registers its service worker once for every <story-offline> of the page', async () => {
    const register = ServiceWorkerContainer.prototype.register;
    let registered = 0;
    ServiceWorkerContainer.prototype.register = function (...args: Parameters<typeof register>) {
      registered += 1;
      return register.apply(this, args);
    };
    try {
      // A worker URL of this test alone: the page's link to each worker is made once and kept.
      const src = `${MISSING_WORKER}?two-stories`;
      const list = await fixture<HTMLElement>(html`<div>
        <story-offline src=${src} scope="/tests/browser/" story="one"></story-offline>
        <story-offline src=${src} scope="/tests/browser/" story="two"></story-offline>
      </div>`);
      const [first, second] = Array.from(list.querySelectorAll('story-offline'));
      await until(() => first?.state === OfflineState.error && second?.state === OfflineState.error, 'registration failed');
      expect(registered).to.equal(1);
      expect(second?.errorMessage, 'each says why').to.equal(first?.errorMessage);
    } finally {
      ServiceWorkerContainer.prototype.register = register;
    }
  });

  describe('inside <story-player>', () => {
    async function inPlayer(): Promise<{ player: Awaited<ReturnType<typeof miniStory>>; el: StoryOffline }> {
      const player = await miniStory();
      const el = document.createElement('story-offline');
      el.src = MISSING_WORKER;
      el.scope = '/tests/browser/';
      player.querySelector('header')?.append(el);
      await until(() => el.state === OfflineState.error, 'registration failed');
      return { player, el };
    }

    it('announces through the player’s status region and renders none of its own', async () => {
      // What a page reloaded by an accepted update finds in session storage.
      sessionStorage.setItem('story-offline:updated', '1');
      const { player, el } = await inPlayer();
      expect(el.shadowRoot?.querySelector('[role="status"]')).to.equal(null);
      await until(() => statusText(player) === 'Updated to the latest version of this story.', 'the update announced');
      expect(sessionStorage.getItem('story-offline:updated'), 'said once').to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('stops reacting to its player’s play and pause once taken out of it, and follows the player it is put in', async () => {
      const { player, el } = await inPlayer();
      const other = await miniStory();
      let reactions = 0;
      const requestUpdate = el.requestUpdate.bind(el);
      el.requestUpdate = (...args: Parameters<typeof el.requestUpdate>) => {
        reactions += 1;
        requestUpdate(...args);
      };
      const notify = (target: HTMLElement) => {
        reactions = 0;
        target.dispatchEvent(new Event(StoryNotice.play));
        target.dispatchEvent(new Event(StoryNotice.pause));
        return reactions;
      };
      expect(notify(player), 'reacts to its player').to.equal(2);
      el.remove();
      expect(notify(player), 'detached: the former player is not heard').to.equal(0);
      other.querySelector('header')?.append(el);
      await el.updateComplete;
      expect(notify(player), 'in another player: the first is still not heard').to.equal(0);
      expect(notify(other), 'the new player is heard').to.equal(2);
    });
  });
});
