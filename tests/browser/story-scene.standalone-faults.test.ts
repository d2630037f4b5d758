import { expect, fixture } from '@open-wc/testing';
import type { StoryScene } from '../../src/story-scene/story-scene.js';
import { base, described, timing, until } from './helpers/mini-story.js';

// The README's promise for a <story-scene> alone in an article: when its description cannot play,
// its status line says why "at the latest 10 seconds after the press", and an `error` event carries
// the same words. Against the test server's faults (tests/browser/fault-injection.mjs): a server
// that accepts the request and never answers (the case only the 10-second limit catches), and one
// whose connection is reset at once.

/** The README's limit, and what a loaded two-core machine may add to a timer's 10 s. */
const LIMIT_MS = 10_000;
const LATE_MS = 2_000;

const FAILED_EN =
  'The description could not be played: its audio stopped loading, or the browser did not let it start. Check the connection and press “Describe this picture” again.';
const FAILED_ES =
  'No se pudo reproducir la descripción: su audio dejó de cargarse o el navegador no permitió iniciarla. Comprueba la conexión y vuelve a presionar «Describir esta imagen».';

/** Picture 1 of the mini-story alone in an article of `lang`, its description's audio at `src` (a path on the test server). */
async function sceneAlone(src: string, lang = 'en'): Promise<StoryScene> {
  const range = described((await timing()).scenes[0]);
  const article = document.createElement('article');
  article.lang = lang;
  const scene = document.createElement('story-scene');
  scene.id = 'alone-1';
  scene.setAttribute('number', '1');
  scene.setAttribute('picture-kind', 'illustration');
  scene.setAttribute('src', src);
  scene.setAttribute('description-start', String(range.start));
  scene.setAttribute('description-end', String(range.end));
  scene.innerHTML = `<h2>The kite</h2>
    <figure><img src="${base}images/the-kite.svg" alt="Illustration: a red kite above a green hill." width="300" height="200"></figure>
    <div class="description"><p>A red kite above a green hill.</p></div>`;
  article.append(scene);
  await fixture(article);
  await scene.updateComplete;
  return scene;
}

const button = (scene: StoryScene) => scene.shadowRoot!.querySelector<HTMLButtonElement>('[part="describe-button"]')!;
const status = (scene: StoryScene) => scene.shadowRoot!.querySelector('[role="status"]')?.textContent?.trim() ?? '';

/** Presses Describe and waits for `words` in the status line; answers how long after the press they came. */
async function pressAndWaitFor(scene: StoryScene, words: string): Promise<{ ms: number; errors: string[] }> {
  const errors: string[] = [];
  scene.addEventListener('error', (e) => errors.push((e as ErrorEvent).message));
  const pressed = performance.now();
  button(scene).click();
  await until(() => status(scene) === words, `the status says "${words}"`, LIMIT_MS + LATE_MS + 2_000);
  return { ms: performance.now() - pressed, errors };
}

describe('<story-scene> alone, when its audio cannot play', () => {
  it('says so at the latest 10 seconds after the press when the server accepts the request and never answers', async () => {
    const scene = await sceneAlone(`/fault/hung${base}audio/episode.webm?run=${Math.random()}`);
    const { ms, errors } = await pressAndWaitFor(scene, FAILED_EN);
    expect(ms, 'within the 10 seconds (and what a loaded machine adds to a timer)').to.be.at.most(LIMIT_MS + LATE_MS);
    expect(errors, 'one error event, with the same words').to.deep.equal([FAILED_EN]);
    await scene.updateComplete;
    expect(scene.describing, 'no longer describing').to.be.false;
    expect(button(scene).textContent!.trim(), 'the button offers to try again').to.equal('Describe this picture');
  });

  it('says so well within 10 seconds when the server resets the connection', async () => {
    const scene = await sceneAlone(`/fault/dead${base}audio/episode.webm?run=${Math.random()}`);
    const { ms, errors } = await pressAndWaitFor(scene, FAILED_EN);
    expect(ms).to.be.at.most(LIMIT_MS);
    expect(errors).to.deep.equal([FAILED_EN]);
    await scene.updateComplete;
    expect(button(scene).textContent!.trim()).to.equal('Describe this picture');
  });

  it('says it in Spanish on a Spanish page', async () => {
    const scene = await sceneAlone(`/fault/dead${base}audio/episode.webm?run=${Math.random()}`, 'es');
    const { ms, errors } = await pressAndWaitFor(scene, FAILED_ES);
    expect(ms).to.be.at.most(LIMIT_MS);
    expect(errors).to.deep.equal([FAILED_ES]);
    await scene.updateComplete;
    expect(button(scene).textContent!.trim()).to.equal('Describir esta imagen');
  });
});
