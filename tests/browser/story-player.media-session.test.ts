import { expect } from '@open-wc/testing';
import { CHAPTER_ARTWORK_LIMIT, MediaSessionController } from '../../src/story-player/media-session-controller.js';
import type { StoryChapter } from '../../src/player-state/context.js';
import { miniStory, playing, statusText, timing, tracksLoaded, until, recordActionHandlers } from './helpers/mini-story.js';

describe('<story-player> on the lock screen and headphones (Media Session)', () => {
  beforeEach(() => localStorage.clear());

  it('gives Media Session the chapter title, the photo as artwork and a valid position', async () => {
    const s = await timing();
    const positions: MediaPositionState[] = [];
    const session = navigator.mediaSession;
    const original = session.setPositionState.bind(session);
    session.setPositionState = (state?: MediaPositionState) => {
      if (state) positions.push(state);
      original(state);
    };
    try {
      const player = await miniStory();
      await tracksLoaded(player);
      player.seek(s.scenes[0]!.start + 0.2);
      await playing(player);
      const artwork = (id: string) => player.querySelector(`story-scene#${id}`)!.getAttribute('artwork');
      expect(session.metadata?.title).to.equal(s.scenes[0]!.title);
      expect(session.metadata?.album).to.equal(s.title);
      expect(session.metadata?.artwork[0]?.src).to.equal(artwork('scene-1'));
      expect(session.playbackState).to.equal('playing');
      player.seek(s.scenes[1]!.start + 0.2);
      await until(() => session.metadata?.title === s.scenes[1]!.title, 'the metadata follows the chapter');
      expect(session.metadata?.artwork[0]?.src).to.equal(artwork('scene-2'));
      player.pause();
      await until(() => session.playbackState === 'paused', 'the session is paused');
      expect(positions.length).to.be.greaterThan(0);
      for (const p of positions) {
        expect(Number.isFinite(p.duration) && p.duration! > 0, 'finite duration').to.be.true;
        expect(p.position).to.be.within(0, p.duration!);
        expect(p.playbackRate).to.be.greaterThan(0);
      }
    } finally {
      session.setPositionState = original;
    }
  });

  it('lists every chapter with its start and picture for the lock screen (chapterInfo, Chromium 127+)', async () => {
    expect('chapterInfo' in MediaMetadata.prototype, 'this Chromium lists chapters').to.be.true;
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    player.seek(s.scenes[0]!.start + 0.2);
    await playing(player);
    player.pause();
    const metadata = navigator.mediaSession.metadata as MediaMetadata & { chapterInfo: readonly { title: string; startTime: number; artwork: readonly MediaImage[] }[] };
    const chapters = [s.intro, ...s.scenes, s.close];
    expect(metadata.chapterInfo.map((c) => [c.title, c.startTime])).to.deep.equal(chapters.map((c) => [c.title, c.start]));
    s.scenes.forEach((scene, index) => {
      const artwork = new URL(player.querySelector(`story-scene#${scene.id}`)!.getAttribute('artwork')!, document.baseURI).href;
      expect(metadata.chapterInfo[index + 1]!.artwork[0]?.src, scene.id).to.equal(artwork);
    });
  });

  it('lists a long story\'s chapters without their pictures, which the browser would fetch and decode again at every chapter', async () => {
    const host = { addController() {}, removeController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) };
    const session = new MediaSessionController(host, { play() {}, pause() {}, seekBy() {}, seekTo() {}, previous() {}, next() {} });
    session.claim();
    const chapters = (count: number): StoryChapter[] =>
      Array.from({ length: count }, (_, i) => ({ id: `scene-${i + 1}`, title: `Picture ${i + 1}`, start: i * 30, end: (i + 1) * 30, artwork: new URL(`art-${i}.jpg`, document.baseURI).href }));
    const listed = () => (navigator.mediaSession.metadata as MediaMetadata & { chapterInfo: readonly { artwork: readonly MediaImage[] }[] }).chapterInfo;
    try {
      session.showChapter(chapters(CHAPTER_ARTWORK_LIMIT), 3, { title: 'A story', artwork: '' });
      expect(listed().every((chapter) => chapter.artwork.length === 1), 'up to the limit, every chapter has its picture').to.be.true;
      session.showChapter(chapters(CHAPTER_ARTWORK_LIMIT + 1), 3, { title: 'A story', artwork: '' });
      expect(listed()).to.have.length(CHAPTER_ARTWORK_LIMIT + 1);
      expect(listed().every((chapter) => chapter.artwork.length === 0), 'past it, none has').to.be.true;
      expect(navigator.mediaSession.metadata?.artwork[0]?.src, 'the current picture is still shown').to.equal(new URL('art-3.jpg', document.baseURI).href);
    } finally {
      session.hostDisconnected();
    }
  });

  it('answers play, pause, seek backward and forward, seek to, and previous and next photo', async () => {
    const s = await timing();
    const recorded = recordActionHandlers();
    try {
      const player = await miniStory();
      await tracksLoaded(player);
      expect(recorded.handlers.size, 'an idle player leaves the session to others').to.equal(0);
      /** What the browser does when the listener presses a button on the lock screen. */
      const press = (action: MediaSessionAction, details: Omit<MediaSessionActionDetails, 'action'> = {}) => {
        const handler = recorded.handlers.get(action);
        if (!handler) throw new Error(`No ${action} handler`);
        handler({ action, ...details });
      };

      await playing(player);
      press('pause');
      await until(() => player.paused && navigator.mediaSession.playbackState === 'paused', 'pause pauses');
      // "Playing." said just before stays until it has been heard (half a second), then only "Paused.".
      await until(() => statusText(player) === 'Paused.', 'the pause is said');
      const at = player.currentTime;
      press('play');
      await until(() => !player.paused && player.currentTime > at + 0.1, 'play plays on from where it was');
      press('pause');
      await until(() => player.paused, 'paused again');

      player.seek(20);
      press('seekbackward');
      expect(player.currentTime, 'back 15 s when the browser gives no offset').to.be.closeTo(5, 0.001);
      press('seekbackward', { seekOffset: 2 });
      expect(player.currentTime).to.be.closeTo(3, 0.001);
      press('seekforward', { seekOffset: 4 });
      expect(player.currentTime).to.be.closeTo(7, 0.001);
      press('seekforward');
      expect(player.currentTime, 'forward 30 s when no offset, stopping at the end').to.be.closeTo(s.duration, 0.1);
      press('seekto', { seekTime: 12.5 });
      expect(player.currentTime).to.be.closeTo(12.5, 0.001);

      player.seek(0);
      press('nexttrack');
      expect([player.currentChapter?.id, player.currentTime]).to.deep.equal(['scene-1', s.scenes[0]!.start]);
      press('nexttrack');
      expect([player.currentChapter?.id, player.currentTime]).to.deep.equal(['scene-2', s.scenes[1]!.start]);
      press('previoustrack');
      expect([player.currentChapter?.id, player.currentTime]).to.deep.equal(['scene-1', s.scenes[0]!.start]);
      await until(() => statusText(player) === `${s.scenes[0]!.title}.`, 'the photo is announced');

      player.remove();
      const released = ['play', 'pause', 'seekbackward', 'seekforward', 'seekto', 'previoustrack', 'nexttrack'].map((a) => [a, null]);
      expect(Object.fromEntries(recorded.handlers), 'a removed player gives the buttons back').to.deep.equal(Object.fromEntries(released));
    } finally {
      recorded.restore();
    }
  });
});
