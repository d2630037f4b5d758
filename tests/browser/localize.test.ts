import { expect, fixture, html } from '@open-wc/testing';
import { en } from '../../src/i18n/en.js';
import { registerTranslation, termIn } from '../../src/i18n/translations.js';
import type { StoryScene } from '../../src/story-scene/story-scene.js';
import type { StoryTranscript } from '../../src/story-transcript/story-transcript.js';
import type { StoryPlayer } from '../../src/story-player/story-player.js';
import { base, miniStory, part, timing, tracksLoaded, until } from './helpers/mini-story.js';
import '../../src/main.js';

const playName = (player: StoryPlayer) => part(player, '.play').getAttribute('aria-label') ?? '';
const transcriptToggle = (player: StoryPlayer) =>
  player.querySelector<StoryTranscript>('story-transcript')!.shadowRoot!.querySelector('[part="toggle"]')!.textContent!.trim();
const speeds = (player: StoryPlayer) => Array.from(part(player, 'select').querySelectorAll('option'), (o) => o.textContent);
const describeText = (scene: StoryScene) => scene.shadowRoot!.querySelector('[part="describe-button"]')?.textContent?.trim();

/** The mini-story (in English) moved into a page whose language is `lang`. */
async function storyInLanguage(lang: string): Promise<StoryPlayer> {
  const player = await miniStory();
  await tracksLoaded(player);
  player.parentElement!.lang = lang;
  await player.updateComplete;
  return player;
}

describe('Every word in the language of the page', () => {
  beforeEach(() => localStorage.clear());

  it('speaks Spanish inside a lang="es" ancestor, and follows a change of lang at once', async () => {
    const s = await timing();
    const player = await miniStory();
    await tracksLoaded(player);
    expect(playName(player)).to.equal(`Play ${s.title}, 35 seconds`);
    player.parentElement!.lang = 'es';
    await until(() => playName(player) === `Reproducir ${s.title}, 35 segundos`, 'the player speaks Spanish');
    await player.updateComplete;
    expect(part(player, '[role="slider"]').getAttribute('aria-label')).to.equal('Posición');
    expect(part(player, '[role="slider"]').getAttribute('aria-valuetext')).to.equal('0 segundos de 35 segundos');
    expect(transcriptToggle(player)).to.equal('Transcripción');
    expect(describeText(player.querySelector<StoryScene>('#scene-1')!)).to.equal('Describir esta imagen');
    await expect(player).to.be.accessible();
  });

  it('chooses per element: the nearest lang wins', async () => {
    const player = await storyInLanguage('es');
    const transcript = player.querySelector<StoryTranscript>('story-transcript')!;
    transcript.lang = 'en';
    await until(() => transcriptToggle(player) === 'Transcript', 'the transcript speaks English');
    expect(playName(player)).to.match(/^Reproducir /);
  });

  it('falls back from a region to its language, formatting numbers for the region', async () => {
    const player = await storyInLanguage('es-MX');
    expect(playName(player)).to.match(/^Reproducir /);
    expect(speeds(player)).to.include('1.25×');
    player.parentElement!.lang = 'es';
    await until(() => speeds(player).includes('1,25×'), 'Spanish from Spain writes a decimal comma');
  });

  it('falls back to English for a language it has no words for', async () => {
    const player = await storyInLanguage('sv');
    expect(playName(player)).to.match(/^Play /);
    expect(speeds(player), 'numbers agree with the English words').to.include('1.25×');
  });

  it('finds the lang of an ancestor across shadow roots, and follows it there too', async () => {
    const host = await fixture<HTMLElement>(html`<div lang="es"></div>`);
    const root = host.attachShadow({ mode: 'open' });
    // A scene alone with its own audio (without it, it offers no button to name).
    root.innerHTML = `<section><story-scene id="alone" number="4" start="0" end="20" description-start="2" description-end="9"
      picture-kind="photograph" src="${base}audio/episode.webm"><h2>Una foto</h2></story-scene></section>`;
    const scene = root.querySelector<StoryScene>('story-scene')!;
    await scene.updateComplete;
    expect(describeText(scene)).to.equal('Describir esta foto');
    expect(scene.shadowRoot!.querySelector('[part="describe-button"]')!.getAttribute('aria-label')).to.equal(
      'Describir esta foto, foto 4, 7 segundos',
    );
    root.querySelector('section')!.lang = 'en';
    await until(() => describeText(scene) === 'Describe this photo', 'a lang inside the shadow root is followed');
    await expect(scene).to.be.accessible();
  });

  it('lets an embedder add a language: its terms, English for the rest', async () => {
    registerTranslation({
      $code: 'fr',
      $name: 'Français',
      describe: (noun) => (noun === 'photo' ? 'Décrire cette photo' : 'Décrire cette image'),
      play: (title, duration, f) => `Écouter ${title}, ${f.duration(duration)}`,
    });
    const s = await timing();
    const player = await storyInLanguage('fr-CA');
    expect(playName(player)).to.equal(`Écouter ${s.title}, 35 secondes`);
    expect(describeText(player.querySelector<StoryScene>('#scene-1')!)).to.equal('Décrire cette image');
    expect(transcriptToggle(player), 'a term French leaves out').to.equal('Transcript');
  });

  it('lets an embedder change one term of a language, and the elements render again', async () => {
    const player = await storyInLanguage('en');
    try {
      registerTranslation({ $code: 'en', transcript: 'Read along' });
      await until(() => transcriptToggle(player) === 'Read along', 'the new word is shown');
      expect(playName(player), 'the other terms stay').to.match(/^Play /);
      registerTranslation({ $code: 'es-MX', transcript: 'Transcripción del relato' });
      player.parentElement!.lang = 'es-MX';
      await until(() => transcriptToggle(player) === 'Transcripción del relato', 'the regional term');
      player.parentElement!.lang = 'es';
      await until(() => transcriptToggle(player) === 'Transcripción', 'Spanish keeps its own');
    } finally {
      registerTranslation({ $code: 'en', transcript: en.transcript });
    }
  });

  it('writes sizes, percentages and plurals through Intl in the element’s language', () => {
    expect(termIn('en', 'progress', 1_056_645, 2_113_290, 50)).to.equal('1.1 MB of 2.1 MB (50%)');
    expect(termIn('es', 'progress', 1_056_645, 2_113_290, 50), 'a no-break space before %').to.equal('1,1 MB de 2,1 MB (50\u00a0%)');
    expect(termIn('es-MX', 'progress', 1_056_645, 2_113_290, 50)).to.equal('1.1 MB de 2.1 MB (50%)');
    expect(termIn('es', 'errorIncomplete', 1)).to.match(/^No se pudo guardar: falta 1 archivo en la copia/);
    expect(termIn('es', 'errorIncomplete', 3)).to.match(/^No se pudo guardar: faltan 3 archivos en la copia/);
    expect(termIn('en', 'errorIncomplete', 1)).to.match(/^Saving failed: 1 file is missing/);
    expect(termIn('es', 'positionText', 125, 523)).to.equal('2 minutos 5 segundos de 8 minutos 43 segundos');
    expect(termIn('es', 'play', 'En la frontera', 3661)).to.equal('Reproducir En la frontera, 1 hora 1 minuto 1 segundo');
  });
});
