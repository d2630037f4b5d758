import { expect, fixture, html } from '@open-wc/testing';
import { OfflineState, type StoryOffline } from '../../src/story-offline/story-offline.js';
import '../../src/story-offline/define.js';
import type { StoryPlayer } from '../../src/story-player/story-player.js';
import { miniStory, statusText, until, type MiniStoryOptions } from './helpers/mini-story.js';

/**
 * What a listener reads and hears in Spanish, word for word: the mini-story's player on a page in
 * Spanish from the start, as on a Spanish page (a track that fails as the player starts is told
 * in Spanish even before the Spanish words have loaded).
 */
async function inSpanish(options: MiniStoryOptions = {}): Promise<StoryPlayer> {
  const player = await miniStory({ ...options, lang: 'es' });
  await until(() => player.shadowRoot!.querySelector('.play')?.getAttribute('aria-label')?.startsWith('Reproducir ') === true, 'the player speaks Spanish');
  return player;
}

describe('the words a listener hears in Spanish', () => {
  beforeEach(() => localStorage.clear());

  it('says "Reproduciendo." and "En pausa." on Play and Pause', async () => {
    const player = await inSpanish();
    player.play();
    await until(() => statusText(player) === 'Reproduciendo.', 'playing, said in Spanish', 10000);
    player.pause();
    await until(() => statusText(player) === 'En pausa.', 'paused, said in Spanish');
  });

  it('says that the audio file is not on the server', async () => {
    const player = await inSpanish({ audio: ['audio/missing.webm', 'audio/missing.mp3'] });
    player.play();
    await until(() => statusText(player) !== '', 'a message');
    await until(
      () => statusText(player).startsWith('No se pudo cargar el audio de la historia: el archivo no está en el servidor.'),
      `the missing file said in Spanish (heard "${statusText(player)}")`,
    );
    expect(statusText(player)).to.contain('El texto completo de la historia está en esta página.');
  });

  it('says that no audio format can be played', async () => {
    const player = await inSpanish({ audio: [{ src: 'audio/episode.webm', type: 'audio/x-no-such-format' }] });
    player.play();
    await until(() => statusText(player) !== '', 'a message');
    expect(statusText(player)).to.equal(
      'Este navegador no puede reproducir ninguno de los formatos de audio de la historia. El texto completo de la historia está en esta página.',
    );
  });

  it('says that the captions could not be loaded, and why', async () => {
    const player = await inSpanish({ captions: 'captions/nope.vtt' });
    await until(() => statusText(player).startsWith('No se pudieron cargar'), 'the missing captions said in Spanish');
    expect(statusText(player)).to.equal('No se pudieron cargar los subtítulos (nope.vtt: 404 Not Found); la historia se reproduce sin ellos.');
  });

  it('says that offline listening is not available when its helper cannot start', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="es"><story-offline src="/tests/browser/no-such-service-worker.js" scope="/tests/browser/"></story-offline></div>`,
    );
    const el = wrapper.querySelector<StoryOffline>('story-offline')!;
    await until(() => el.state === OfflineState.error, 'registration failed');
    expect(el.errorMessage).to.match(/^La escucha sin conexión no está disponible aquí: no se pudo iniciar el servicio que la hace posible \(.+\)\.$/);
  });
});
