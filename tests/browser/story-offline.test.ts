import { expect, fixture, html } from '@open-wc/testing';
import { a11ySnapshot } from '@web/test-runner-commands';
import { OfflineState, type StoryOffline } from '../../src/story-offline/story-offline.js';
import { offlineStrings as t } from '../../src/story-offline/strings.js';
import { findAX, miniStory, playing, statusText, until, type AXNode } from './helpers/mini-story.js';

// The whole offline flow (a real service worker, the network off) is tested end to end against the
// built site in tests/node/offline/. Here: what the element shows and says in each state, and how it
// treats the player. A worker registered from a test page needs a narrow scope; this one does not
// exist, which is also the first thing tested.
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

  it('shows saving as a labelled progress bar with bytes and percent, and a Cancel button', async () => {
    const el = await standalone();
    el.state = OfflineState.saving;
    el.loaded = 1_050_000;
    el.total = 2_100_000;
    await el.updateComplete;
    expect(shown(el)).to.equal(`${t.saving} 1.1 MB of 2.1 MB (50 %) Cancel`);
    const progress = inside<HTMLProgressElement>(el, 'progress');
    expect([progress.value, progress.max]).to.deep.equal([1_050_000, 2_100_000]);
    const tree = (await a11ySnapshot({})) as unknown as AXNode;
    expect(findAX(tree, (n) => n.role === 'progressbar' && n.name === t.saving)).to.have.length(1);
    expect(findAX(tree, (n) => n.role === 'button' && n.name === t.cancel)).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('names "Save for offline" and describes it with the size to download', async () => {
    const el = await standalone();
    el.state = OfflineState.available;
    await el.updateComplete;
    const save = inside<HTMLButtonElement>(el, 'button.save');
    expect(save.textContent?.trim()).to.equal(t.save);
    expect(inside(el, `#${save.getAttribute('aria-describedby') ?? ''}`).textContent?.trim()).to.equal(t.checking);
    await expect(el).to.be.accessible();
  });

  it('offers a calm update control that is accessible and names what it will do', async () => {
    const el = await standalone();
    el.updateAvailable = true;
    await el.updateComplete;
    expect(shown(el)).to.contain(`${t.updateAvailable} ${t.update}`);
    const tree = (await a11ySnapshot({})) as unknown as AXNode;
    expect(findAX(tree, (n) => n.role === 'button' && n.name === t.update)).to.have.length(1);
    await expect(el).to.be.accessible();
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
      await until(() => statusText(player) === t.statusUpdated, 'the update announced');
      expect(sessionStorage.getItem('story-offline:updated'), 'said once').to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('pauses the story before an update and says so while it plays', async () => {
      const { player, el } = await inPlayer();
      await playing(player);
      el.updateAvailable = true;
      await until(() => shown(el).includes(t.updateWhilePlaying), 'the update hint while playing');
      inside<HTMLButtonElement>(el, 'button.update-button').click();
      await until(() => player.paused, 'paused by the update');
      expect(statusText(player)).to.equal('Paused.');
    });
  });
});
