import { expect } from '@open-wc/testing';
import { a11ySnapshot } from '@web/test-runner-commands';
import type { StoryCaptions } from '../../src/story-captions/story-captions.js';
import type { StoryPlayer } from '../../src/story-player/story-player.js';
import type { StoryScene } from '../../src/story-scene/story-scene.js';
import type { StoryTranscript } from '../../src/story-transcript/story-transcript.js';
import { findAX, part, statusText, storyPage, until, type AXNode } from './helpers/mini-story.js';

// A page written by hand in the shape of docs/page-markup.md, in Spanish (<html lang="es">), with
// its own espeak-ng audio and its own WebVTT (sentence cues, no word timestamps): three
// illustrations, the third without a recorded description. See tests/fixtures/hand-written-es/.
const base = '/tests/fixtures/hand-written-es/';
const title = 'La panadería de la esquina';
/** The sentences' places in the episode, as make.ts measured them (and index.html says). */
const sentence = {
  firstNarration: { id: 'scene-1-narration-1', start: 14.685, text: 'Don Ramón enciende el horno antes del amanecer.' },
  secondNarration: { id: 'scene-1-narration-2', start: 17.76, text: 'A las cinco ya huele a pan en toda la calle.' },
};

const snapshot = async (): Promise<AXNode> => (await a11ySnapshot({})) as unknown as AXNode;

async function spanishStory(): Promise<StoryPlayer> {
  const player = await storyPage(base);
  await until(() => player.cues.length === 12 && player.storyChapters[1]?.title === 'Imagen 1 de 3: El horno', 'the tracks have loaded');
  await player.updateComplete;
  return player;
}

const captionLine = (player: StoryPlayer) => player.querySelector<StoryCaptions>('story-captions')!.shadowRoot!.querySelector<HTMLElement>('[part="line"]')!;
const transcriptOf = (player: StoryPlayer) => player.querySelector<StoryTranscript>('story-transcript')!;
const currentSentence = (player: StoryPlayer) =>
  transcriptOf(player).shadowRoot!.querySelector<HTMLButtonElement>('[part~="sentence"][aria-current="true"]')?.dataset.cue;
const describeButton = (player: StoryPlayer, id: string) =>
  player.querySelector<StoryScene>(`#${id}`)!.shadowRoot!.querySelector('[part="describe-button"]');

describe('A hand-written page in Spanish', () => {
  // What the author would see in the console; a picture without a description is not a problem.
  const warned: unknown[] = [];
  const warn = console.warn;
  beforeEach(() => {
    localStorage.clear();
    warned.length = 0;
    console.warn = (...args: unknown[]) => warned.push(args[0]);
  });
  afterEach(() => {
    console.warn = warn;
  });

  it('plays from its Play button, and says so in Spanish', async () => {
    const player = await spanishStory();
    part<HTMLButtonElement>(player, '.play').click();
    await until(() => !player.paused && player.currentTime > 0.5, 'the audio advances');
    await until(() => statusText(player) === 'Reproduciendo.', 'playing is announced');
    player.pause();
    await until(() => statusText(player) === 'En pausa.', 'the pause is announced');
  });

  it('shows the caption being spoken and marks it in the transcript, sentence after sentence', async () => {
    const player = await spanishStory();
    const transcript = transcriptOf(player);
    transcript.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
    player.seek(sentence.firstNarration.start - 0.3);
    player.play();
    await until(() => player.currentTime > sentence.firstNarration.start + 0.2, 'the first narration sentence plays', 10000);
    await until(() => captionLine(player).dataset.cue === sentence.firstNarration.id, 'the caption line shows it');
    expect(captionLine(player).textContent!.trim()).to.equal(sentence.firstNarration.text);
    await until(() => currentSentence(player) === sentence.firstNarration.id, 'the transcript marks it');

    await until(() => player.currentTime > sentence.secondNarration.start + 0.2, 'the next sentence plays', 10000);
    await until(() => captionLine(player).dataset.cue === sentence.secondNarration.id, 'the caption line follows');
    expect(captionLine(player).textContent!.trim()).to.equal(sentence.secondNarration.text);
    await until(() => currentSentence(player) === sentence.secondNarration.id, 'the transcript follows');
    player.pause();
  });

  it('names every control in Spanish in the accessibility tree', async () => {
    const player = await spanishStory();
    // The settings fold behind "Ajustes" on every bar narrower than 75rem: unfolded, they are in the tree too.
    player.shadowRoot!.querySelector<HTMLButtonElement>('.more-toggle')!.click();
    await player.updateComplete;
    const tree = await snapshot();
    const named = (role: string) => findAX(tree, (n) => n.role === role).map((n) => n.name);
    expect(named('region')).to.include(`Reproductor de la historia: ${title}`);
    expect(named('slider')).to.deep.equal(['Posición']);
    expect(named('combobox')).to.deep.equal(['Velocidad', 'Velocidad de las descripciones']);
    expect(named('status')).to.deep.equal(['']);
    // Every button of the player, the scenes and the transcript, in the order they are read.
    expect(named('button')).to.deep.equal([
      `Reproducir ${title}, 45 segundos`,
      'Retroceder 15 segundos',
      'Imagen anterior',
      'Imagen siguiente',
      'Avanzar 30 segundos',
      'Ajustes',
      'Audiodescripciones',
      'Subtítulos',
      'Pausar después de cada imagen',
      'Seguir la lectura',
      'Atajos de teclado',
      'Capítulos',
      'Describir esta imagen, imagen 1, 6 segundos',
      'Copiar enlace a la imagen 1',
      'Describir esta imagen, imagen 2, 6 segundos',
      'Copiar enlace a la imagen 2',
      'Copiar enlace a la imagen 3',
      'Transcripción',
    ]);
    // Chromium leaves `valuetext` empty in its tree (PLATFORM.md): the words are read from the attribute.
    expect(part(player, '[role="slider"]').getAttribute('aria-valuetext')).to.equal('0 segundos de 45 segundos');
    const english = /\b(Play|Pause|Back|Forward|Next|Previous|Describe|Speed|Captions|Chapters|Transcript|photo|picture)\b/;
    const all = findAX(tree, (n) => ['button', 'slider', 'combobox', 'region', 'switch'].includes(n.role)).map((n) => n.name);
    expect(all.filter((name) => english.test(name)), 'no English name').to.deep.equal([]);
  });

  it('lists its keyboard shortcuts in Spanish, numbers 1 to 3 for its three pictures', async () => {
    const player = await spanishStory();
    part<HTMLButtonElement>(player, '.help-button').click();
    await player.updateComplete;
    const dialog = findAX(await snapshot(), (n) => n.role === 'dialog')[0]!;
    expect(dialog.name).to.equal('Atajos de teclado');
    expect(findAX(dialog, (n) => n.role === 'switch')[0]?.name).to.equal('Atajos de una sola tecla');
    const rows = Array.from(part(player, 'dialog').querySelectorAll('tbody tr'), (tr) =>
      Array.from(tr.querySelectorAll('td'), (td) => td.textContent!.trim()),
    );
    expect(rows).to.deep.include.members([
      ['K', 'Reproducir o pausar'],
      ['1 … 3', 'Ir a una imagen, de la 1 a la 3'],
      ['Re Pág / Av Pág', 'Retroceder o avanzar 30 segundos'],
    ]);
    await expect(player).to.be.accessible();
  });

  it('offers no Describe button for the picture without a description, and never speaks of it', async () => {
    const player = await spanishStory();
    expect(describeButton(player, 'scene-1'), 'picture 1 has a description').not.to.equal(null);
    expect(describeButton(player, 'scene-2'), 'picture 2 has a description').not.to.equal(null);
    expect(describeButton(player, 'scene-3'), 'picture 3 has none').to.equal(null);
    expect(player.storyChapters.find((c) => c.id === 'scene-3')?.description).to.equal(undefined);

    // Everything the status region says while the listener goes to picture 3, with descriptions
    // off, and plays it.
    const said: string[] = [];
    const region = part(player, '[role="status"]');
    const observer = new MutationObserver(() => said.push(region.textContent!.trim()));
    observer.observe(region, { childList: true, characterData: true, subtree: true });
    player.descriptions = 'off';
    player.goToChapter(player.storyChapters.findIndex((c) => c.id === 'scene-3'));
    player.play();
    await until(() => player.currentTime > 36, 'picture 3 plays', 10000);
    player.pause();
    await until(() => player.paused, 'paused');
    // The last thing said is the pause: wait for it rather than for a fixed time.
    await until(() => said.includes('En pausa.'), '"En pausa." is said');
    observer.disconnect();
    expect(said.filter(Boolean)).to.include.members(['Imagen 3 de 3: La persiana.', 'En pausa.']);
    expect(said.filter((text) => /descrip/i.test(text)), 'nothing about a description').to.deep.equal([]);
    expect(warned, 'nothing for the author either: a picture may have no description').to.deep.equal([]);
  });

  it('passes axe, with the transcript open', async () => {
    const player = await spanishStory();
    transcriptOf(player).shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
    await transcriptOf(player).updateComplete;
    await expect(player).to.be.accessible();
  });
});
