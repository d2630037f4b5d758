import { expect } from '@open-wc/testing';
import { StoryErrorEvent } from '../../src/player-state/events.js';
import { chaptersOf, type TimedScene } from '../../src/story/timed-story.js';
import { described, miniStory, playing, statusText, timing, tracksLoaded, until } from './helpers/mini-story.js';

/** A message's first sentence: what is wrong (the rest says what to write instead). */
const beginning = (message: string): string => message.slice(0, message.indexOf('. ') + 1);

describe('<story-player> errors in words', () => {
  // Caught at the window, in the capture phase: a listener added to the player after it connects
  // could not hear what it finds while connecting (it should wait for one, and this proves it).
  const reported: StoryErrorEvent[] = [];
  const record = (event: Event) => {
    if (event instanceof StoryErrorEvent) reported.push(event);
  };
  // What the author sees in the console: each message with the element it is about.
  const warned: { message: string; element: unknown }[] = [];
  const warn = console.warn;
  beforeEach(() => {
    localStorage.clear();
    reported.length = 0;
    warned.length = 0;
    window.addEventListener('error', record, true);
    console.warn = (message: unknown, element?: unknown) => warned.push({ message: String(message), element });
  });
  afterEach(() => {
    window.removeEventListener('error', record, true);
    console.warn = warn;
  });

  it('says the audio could not be loaded when the file is missing', async () => {
    const player = await miniStory({ audio: ['audio/missing.webm', 'audio/missing.mp3'] });
    const errors: string[] = [];
    player.addEventListener('error', (e) => errors.push((e as Event & { message: string }).message));
    player.play();
    await until(() => statusText(player).startsWith('The story’s audio could not be loaded'), 'the error is announced');
    expect(statusText(player)).to.contain('The text of the story is all on this page.');
    expect(errors).to.have.length(1);
    expect(player.paused).to.be.true;
    expect(player.currentSrc, 'no source loaded').to.equal('');
  });

  it('says so when the browser refuses to start playback', async () => {
    const player = await miniStory({ preload: 'auto' });
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = () => Promise.reject(new DOMException('Refused', 'NotAllowedError'));
    try {
      player.play();
      await until(() => statusText(player) === 'The browser did not let playback start. Press Play to try again.', 'the refusal is announced');
      expect(player.paused).to.be.true;
    } finally {
      HTMLMediaElement.prototype.play = play;
    }
    await playing(player);
    player.pause();
  });

  it('falls back to the next source when the first one is missing, and reports it in currentSrc', async () => {
    const player = await miniStory({ audio: ['audio/missing.webm', 'audio/episode.mp3'] });
    const [missing, second] = Array.from(player.querySelectorAll<HTMLSourceElement>(':scope > audio source'), (s) => s.src);
    expect(missing).to.match(/\/audio\/missing\.webm$/);
    expect(player.currentSrc, 'nothing loaded yet').to.equal('');
    await playing(player);
    player.pause();
    expect(statusText(player)).not.to.contain('could not');
    expect(player.currentSrc).to.equal(second);
  });

  it('tells the listener the captions could not be read, and the author which line of which file', async () => {
    const s = await timing();
    const player = await miniStory({ captions: 'malformed.vtt' });
    await until(() => statusText(player) !== '', 'a status message');
    expect(statusText(player)).to.equal('The captions could not be read; the story plays without them.');
    expect(warned.map((w) => w.message)).to.have.length(1);
    expect(warned[0]!.message).to.match(/^The captions track malformed\.vtt could not be read \(line 1: .+\)/);
    expect(warned[0]!.element).to.equal(player.querySelector('track[kind="captions"]'));
    expect(player.cues).to.have.length(0);
    await until(() => player.storyChapters[1]?.title === s.scenes[0]!.title, 'the chapters load');
    await playing(player);
    player.pause();
  });

  it('says which text file is missing, and keeps the others', async () => {
    const s = await timing();
    const player = await miniStory({ descriptions: 'captions/nope.vtt' });
    await until(() => statusText(player) !== '', 'a status message');
    expect(statusText(player)).to.equal(
      'The audio description text could not be loaded (nope.vtt: 404 Not Found); the story plays without it, and the descriptions are still heard.',
    );
    await tracksLoaded(player);
    await player.updateComplete;
    expect(player.shadowRoot!.querySelectorAll('#chapter-list li').length).to.equal(chaptersOf(s).length);
  });

  it('tells the author, not the listener, that a scene’s start is not a time, and the rest of the story plays', async () => {
    const s = await timing();
    const player = await miniStory({ sceneAttributes: { 'scene-1': { start: 'soon' } } });
    const scene = player.querySelector('#scene-1');
    await tracksLoaded(player);
    await until(() => reported.length > 0, 'the error event');
    expect(warned.map((w) => w.element)).to.deep.equal([scene]);
    const message = warned[0]!.message;
    expect(beginning(message)).to.equal(`<story-scene id="scene-1"> “${s.scenes[0]!.title}” has start="soon", which is not a time in seconds.`);
    expect(reported.map((e) => [e.source, e.message, e.element]), 'one error event, for embedders').to.deep.equal([['scene', message, scene]]);
    expect(statusText(player), 'nothing said to the listener').to.equal('');
    expect(player.shadowRoot!.textContent, 'nothing shown to the listener').not.to.contain('soon');
    const road = player.storyChapters.findIndex((c) => c.id === 'scene-2');
    expect(player.storyChapters[road]).to.include({ number: 2, start: s.scenes[1]!.start, end: s.scenes[1]!.end });
    player.goToChapter(road);
    expect(player.currentTime).to.equal(s.scenes[1]!.start);
    await playing(player);
    player.pause();
  });

  it('tells the author of each scene with a missing or backwards time, and still skips descriptions', async () => {
    const s = await timing();
    const [one, two] = s.scenes as [TimedScene, TimedScene];
    const twoDescription = described(two);
    const backwards = String(Math.floor(twoDescription.start));
    const player = await miniStory({ sceneAttributes: { 'scene-1': { end: null }, 'scene-2': { 'description-end': backwards } } });
    await tracksLoaded(player);
    await until(() => reported.length === 2, 'both error events');
    const messages = warned.map((w) => w.message);
    expect(messages).to.have.length(2);
    expect(beginning(messages[0]!)).to.equal(`<story-scene id="scene-1"> “${one.title}” has no end attribute.`);
    expect(beginning(messages[1]!)).to.equal(
      `<story-scene id="scene-2"> “${two.title}” has description-end="${backwards}", which is not after description-start="${twoDescription.start}".`,
    );
    expect(reported.map((e) => e.message)).to.deep.equal(messages);
    expect(statusText(player), 'nothing said to the listener').to.equal('');
    // Without a usable range on the page, picture 2's description is found from its cue in the
    // descriptions track, which spans the description range.
    player.descriptions = 'off';
    player.seek(twoDescription.start + 0.5);
    expect(player.currentTime).to.equal(twoDescription.end);
  });

  it('says the browser cannot play any of the audio formats when no source is playable, asking the server nothing', async () => {
    const player = await miniStory({
      audio: [
        { src: 'audio/episode.webm', type: 'audio/x-no-such-format' },
        { src: 'audio/episode.mp3', type: 'video/x-nor-this' },
      ],
    });
    const asked = () => performance.getEntriesByType('resource').filter((entry) => /\/audio\/episode\.(webm|mp3)/.test(entry.name)).length;
    const before = asked();
    player.play();
    await until(() => reported.some((e) => e.source === 'audio'), 'the error event');
    expect(statusText(player)).to.equal('This browser cannot play any of the story’s audio formats. The text of the story is all on this page.');
    expect(reported.filter((e) => e.source === 'audio').map((e) => e.message)).to.deep.equal([
      'This browser cannot play any of the story’s audio formats. The text of the story is all on this page.',
    ]);
    expect(player.paused).to.be.true;
    expect(asked(), 'no audio file asked for').to.equal(before);
  });

  it('tells the author, not the listener, about a captions file that is only partly valid, and uses the rest', async () => {
    const s = await timing();
    const text = await (await fetch('/tests/fixtures/mini-story/captions/captions.vtt')).text();
    // The second cue's timing line broken: that cue is dropped, every other one is read.
    const second = chaptersOf(s)[0]!.sentences[1]!;
    const timingLine = /\n(\d\d:\d\d:\d\d\.\d{3}) --> /g;
    timingLine.exec(text);
    const broken = timingLine.exec(text)!;
    const partly = `${text.slice(0, broken.index)}\n${broken[1]} -> ${text.slice(broken.index + broken[0].length)}`;
    const url = URL.createObjectURL(new Blob([partly], { type: 'text/vtt' }));
    try {
      const player = await miniStory({ captions: url });
      await until(() => reported.some((e) => e.source === 'captions'), 'the error event');
      const sentences = chaptersOf(s).flatMap((c) => c.sentences).length;
      await until(() => player.cues.length === sentences - 1, 'every other cue read');
      expect(player.cues.map((cue) => cue.id)).not.to.include(second.id);
      expect(warned.map((w) => w.message)).to.have.length(1);
      expect(warned[0]!.message).to.match(/^The captions track .+: 1 part could not be read \(first at line \d+: .+\); the rest of the file is used\.$/);
      expect(warned[0]!.element).to.equal(player.querySelector('track[kind="captions"]'));
      expect(reported.filter((e) => e.source === 'captions').map((e) => e.message)).to.deep.equal([warned[0]!.message]);
      expect(statusText(player), 'nothing said to the listener').to.equal('');
      expect(player.shadowRoot!.textContent, 'nothing shown to the listener').not.to.contain('could not be read');
      await playing(player);
      player.pause();
      await until(() => statusText(player) === 'Paused.', 'only the pause is said');
    } finally {
      URL.revokeObjectURL(url);
    }
  });
});
