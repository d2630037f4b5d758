import { expect } from '@open-wc/testing';
import { a11ySnapshot } from '@web/test-runner-commands';
import type { StoryCaptions } from '../../src/story-captions/story-captions.js';
import type { StoryPlayer } from '../../src/story-player/story-player.js';
import { findAX, holds, miniStory, playing, sampleFrames, timing, tracksLoaded, until, type AXNode } from './helpers/mini-story.js';

const lineOf = (captions: StoryCaptions) => captions.shadowRoot!.querySelector<HTMLElement>('[part="line"]')!;

describe('<story-captions>', () => {
  beforeEach(() => localStorage.clear());

  it('changes the caption at cue boundaries, always showing the cue for the current time', async () => {
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    const captions = player.querySelector<StoryCaptions>('story-captions')!;
    await until(() => (player.storyChapters.length > 0 && captions.shadowRoot!.querySelector('[part="line"]')) !== null, 'rendered');
    const sentences = [s.intro, ...s.scenes, s.close].flatMap((c) => c.sentences);
    const cueAt = (t: number) => sentences.find((x) => t >= x.start && t < x.end)?.id ?? '';
    // From the end of the intro sentence, through the gap, into the first announcement.
    const intro = sentences[0]!;
    const next = sentences[1]!;
    player.seek(intro.end - 0.4);
    await player.updateComplete;
    await captions.updateComplete;
    expect(lineOf(captions).dataset.cue).to.equal(intro.id);
    // Frame by frame, the time and the cue the line shows: the line follows the audio clock, so it
    // shows the cue of this frame's time or, at a boundary, of the frame before (its own frame may
    // run first); `timeupdate` would lag by up to 250 ms. Frames may come late on a loaded machine:
    // the lag is counted in frames, not milliseconds.
    const frames: { at: number; cue: string }[] = [];
    const sampled = sampleFrames(
      () => player.currentTime > next.start + 0.3,
      () => frames.push({ at: player.currentTime, cue: lineOf(captions).dataset.cue ?? '' }),
    );
    await playing(player);
    await sampled;
    player.pause();
    const shown = frames.map((f) => f.cue).filter((cue, i, all) => cue !== all[i - 1]);
    expect(shown).to.deep.equal([intro.id, '', next.id]);
    const late = frames.filter((f, i) => i > 0 && f.cue !== cueAt(f.at) && f.cue !== cueAt(frames[i - 1]!.at));
    expect(late, JSON.stringify(frames)).to.deep.equal([]);
    await until(() => player.paused, 'paused');
    await player.updateComplete;
    await captions.updateComplete;
    expect(lineOf(captions).dataset.cue).to.equal(cueAt(player.currentTime));
  });

  it('never shows a line or a word before the audio reaches it', async () => {
    const player = await miniStory();
    await tracksLoaded(player);
    const captions = player.querySelector<StoryCaptions>('story-captions')!;
    const cues = new Map(player.cues.map((c) => [c.id, c]));
    // Whatever the line shows, and the audio position at that moment.
    const early: string[] = [];
    let changes = 0;
    const observer = new MutationObserver(() => {
      const now = player.currentTime;
      const cue = cues.get(lineOf(captions).dataset.cue ?? '');
      if (!cue) return;
      changes++;
      const words = Array.from(lineOf(captions).querySelectorAll('[part~="word"]'));
      const word = cue.words[words.findIndex((w) => w.matches('[part~="current-word"]'))];
      const start = word?.start ?? cue.start;
      if (start > now) early.push(`${cue.id} "${word?.text ?? ''}" ${((start - now) * 1000).toFixed(2)} ms early`);
    });
    observer.observe(captions.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
    player.seek(0.3);
    await playing(player);
    await until(() => player.currentTime > 7, 'the first sentences are spoken', 12000);
    player.pause();
    observer.disconnect();
    expect(changes, 'the line followed the words').to.be.greaterThan(10);
    expect(early).to.deep.equal([]);
  });

  it('highlights the word being spoken', async () => {
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    const captions = player.querySelector<StoryCaptions>('story-captions')!;
    const sentence = s.scenes[0]!.sentences.find((x) => x.kind === 'narration')!;
    const word = sentence.words[2]!;
    player.seek((word.start + word.end) / 2);
    await player.updateComplete;
    await captions.updateComplete;
    const current = captions.shadowRoot!.querySelectorAll('[part~="current-word"]');
    expect(current).to.have.length(1);
    expect(current[0]!.textContent).to.equal(word.text);
    expect(lineOf(captions).textContent!.replace(/\s+/g, ' ').trim()).to.equal(sentence.text);
  });

  it('keeps the word being spoken in its two-line view as a long sentence wraps, and as the next one starts', async () => {
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    const captions = player.querySelector<StoryCaptions>('story-captions')!;
    // Narrow enough that the longest sentence takes several rows.
    captions.style.width = '9rem';
    const sentences = [s.intro, ...s.scenes, s.close].flatMap((c) => c.sentences);
    const longest = sentences.reduce((a, b) => (b.words.length > a.words.length ? b : a));
    const line = lineOf(captions);
    const next = sentences[sentences.indexOf(longest) + 1]!;
    // Played through (a seek while paused inside one sentence is not told to the line).
    player.playbackRate = 2;
    player.seek(longest.start);
    await playing(player);
    const seen = new Set<string>();
    let deepest = 0;
    while (player.currentTime < next.end && !player.paused) {
      const shown = captions.shadowRoot!.querySelector('[part~="current-word"]');
      if (shown) {
        if (lineOf(captions).dataset.cue === longest.id) seen.add(shown.textContent!);
        const [box, inside] = [line.getBoundingClientRect(), shown.getBoundingClientRect()];
        expect(inside.top >= box.top - 1 && inside.bottom <= box.bottom + 1, `"${shown.textContent}" in view (${inside.top}-${inside.bottom} in ${box.top}-${box.bottom})`).to.be.true;
        deepest = Math.max(deepest, line.scrollTop);
      }
      await new Promise((r) => requestAnimationFrame(r));
    }
    player.pause();
    expect(seen.size, 'words of the long sentence were seen').to.be.at.least(3);
    expect(deepest, 'the line scrolled to reach the last rows').to.be.above(0);
  });

  it('labels a voice other than the narrator’s', async () => {
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    const captions = player.querySelector<StoryCaptions>('story-captions')!;
    player.seek(s.scenes[0]!.sentences[1]!.start + 0.2);
    await player.updateComplete;
    await captions.updateComplete;
    expect(captions.shadowRoot!.querySelector('[part="voice"]')!.textContent).to.equal('Audio description: ');
  });

  it('is hidden when captions are off, and is never a live region', async () => {
    const player = await miniStory();
    await tracksLoaded(player);
    const captions = player.querySelector<StoryCaptions>('story-captions')!;
    player.captions = 'off';
    await player.updateComplete;
    await captions.updateComplete;
    expect(captions.shadowRoot!.querySelector('.caption')!.hasAttribute('hidden')).to.be.true;
    const tree = (await a11ySnapshot({})) as unknown as AXNode;
    expect(findAX(tree, (n) => n.role === 'group' && n.name === 'Caption')).to.have.length(0);
    player.captions = 'on';
    await player.updateComplete;
    await captions.updateComplete;
    expect(captions.shadowRoot!.querySelector('[aria-live]')).to.equal(null);
    expect(captions.shadowRoot!.querySelector('[role="status"], [role="log"], [role="alert"]')).to.equal(null);
  });

  it('stops its frame loop when paused', async () => {
    const player = await miniStory();
    await tracksLoaded(player);
    const captions = player.querySelector<StoryCaptions>('story-captions')!;
    await playing(player);
    player.pause();
    await until(() => player.paused, 'paused');
    // A frame asked for before the pause may still come: start counting once it has.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    let frames = 0;
    const original = window.requestAnimationFrame;
    window.requestAnimationFrame = (cb) => {
      frames++;
      return original(cb);
    };
    try {
      // A loop still running asks for a frame every ~17 ms.
      await holds(() => frames === 0, 'no requestAnimationFrame calls while paused', 300);
    } finally {
      window.requestAnimationFrame = original;
    }
    expect(captions.isConnected).to.be.true;
  });

  /**
   * Plays until the audio has crossed the start of the next cue while `hide()` holds, and says
   * whether the line did any work meanwhile (frames asked for, the cue shown changed); then
   * `show()`, and waits for the line to catch up with the audio.
   */
  async function workWhile(player: StoryPlayer, captions: StoryCaptions, hide: () => void, show: () => void) {
    const s = await timing();
    const starts = [s.intro, ...s.scenes, s.close].flatMap((c) => c.sentences).map((x) => x.start);
    await playing(player);
    hide();
    // A frame already asked for may still come: start counting once it has.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    let frames = 0;
    const original = window.requestAnimationFrame;
    window.requestAnimationFrame = (cb) => {
      frames++;
      return original(cb);
    };
    const shown = lineOf(captions).dataset['cue'];
    const next = starts.find((start) => start > player.currentTime + 0.1)!;
    try {
      await until(() => player.currentTime > next + 0.3, `the audio passes the next cue start (${next} s)`, 10000);
    } finally {
      window.requestAnimationFrame = original;
    }
    const changed = lineOf(captions).dataset['cue'] !== shown;
    show();
    const cueNow = () => (player.cues.find((cue) => player.currentTime >= cue.start && player.currentTime < cue.end)?.id ?? '');
    await until(() => lineOf(captions).dataset['cue'] === cueNow(), 'the line catches up with the audio', 3000);
    const stillPlaying = !player.paused;
    player.pause();
    return { frames, changed, stillPlaying };
  }

  it('does no work off screen, and catches up when scrolled back into view', async () => {
    const player = await miniStory({ followers: false });
    player.id = `player-${Date.now()}`;
    await tracksLoaded(player);
    const captions = document.createElement('story-captions') as StoryCaptions;
    captions.setAttribute('player', player.id);
    captions.style.cssText = 'position: absolute; left: 0; top: 0; width: 20rem';
    document.body.append(captions);
    try {
      await captions.updateComplete;
      const result = await workWhile(
        player,
        captions,
        () => (captions.style.top = `${window.innerHeight + document.documentElement.scrollHeight + 2000}px`),
        () => (captions.style.top = '0'),
      );
      expect(result).to.deep.equal({ frames: 0, changed: false, stillPlaying: true });
    } finally {
      captions.remove();
    }
  });

  it('does no work in a hidden tab, while the story plays on, and catches up when the tab is shown', async () => {
    const player = await miniStory();
    await tracksLoaded(player);
    const captions = player.querySelector<StoryCaptions>('story-captions')!;
    const setVisibility = (state: DocumentVisibilityState | null) => {
      if (state) Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
      else delete (document as { visibilityState?: DocumentVisibilityState }).visibilityState;
      document.dispatchEvent(new Event('visibilitychange'));
    };
    try {
      const result = await workWhile(player, captions, () => setVisibility('hidden'), () => setVisibility(null));
      expect(result).to.deep.equal({ frames: 0, changed: false, stillPlaying: true });
    } finally {
      if (Object.getOwnPropertyDescriptor(document, 'visibilityState')) setVisibility(null);
    }
  });

  it('passes axe while playing', async () => {
    const player = await miniStory();
    await tracksLoaded(player);
    await playing(player);
    await expect(player.querySelector('story-captions')!).to.be.accessible();
    player.pause();
  });
});
