import { expect } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import type { StoryPlayer } from '../../src/story-player/story-player.js';
import { usePageStyle } from './helpers/page-style.js';
import { miniStory, part, tracksLoaded } from './helpers/mini-story.js';

/**
 * WCAG 1.4.11: every boundary that identifies a control, and every state of one, at least 3:1
 * against what is next to it, in light and dark, measured on the page's own stylesheet.
 */

type RGBA = [number, number, number, number];

/** Any CSS colour as the browser paints it (rgb, color(srgb …), oklab, color-mix results). */
function rgba(color: string): RGBA {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.clearRect(0, 0, 1, 1);
  context.fillStyle = color;
  context.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = context.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!, a! / 255];
}

/** `top` painted over the opaque `under`. */
const over = ([r, g, b, a]: RGBA, [R, G, B]: RGBA): RGBA => [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a), 1];

function luminance([r, g, b]: RGBA): number {
  const channel = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: RGBA, b: RGBA): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Each boundary's contrast against the ground beside it. */
function boundaries(player: StoryPlayer): Record<string, number> {
  const style = (el: Element, pseudo?: string) => getComputedStyle(el, pseudo);
  const bar = rgba(style(part(player, '.dock')).backgroundColor);
  const page = rgba(getComputedStyle(document.documentElement).backgroundColor);
  const toggles = Array.from(player.shadowRoot!.querySelectorAll<HTMLElement>('.settings .toggle'));
  const off = toggles.find((t) => t.getAttribute('aria-pressed') === 'false')!;
  const on = toggles.find((t) => t.getAttribute('aria-pressed') === 'true')!;
  const scene = player.querySelector('story-scene')!.shadowRoot!;
  return {
    'the unplayed track': contrast(over(rgba(style(part(player, '.rail')).backgroundColor), bar), bar),
    'the played track': contrast(over(rgba(style(part(player, '.fill')).backgroundColor), bar), bar),
    // A mark crosses the track: against the unplayed track, its opacity counted.
    'a chapter mark': (() => {
      const rail = over(rgba(style(part(player, '.rail')).backgroundColor), bar);
      const [r, g, b, a] = rgba(style(part(player, '.mark')).backgroundColor);
      return contrast(over([r, g, b, a * Number(style(part(player, '.mark')).opacity)], rail), rail);
    })(),
    'Play': contrast(rgba(style(part(player, '.play')).backgroundColor), bar),
    'a toggle switched off': contrast(rgba(style(off).borderTopColor), bar),
    'a toggle switched on': contrast(rgba(style(on).borderTopColor), bar),
    'a speed list': contrast(rgba(style(part(player, 'select')).borderTopColor), bar),
    'a picture\'s Describe': contrast(rgba(style(scene.querySelector('.describe')!).borderTopColor), page),
    'a picture\'s Copy link': contrast(rgba(style(scene.querySelector('.copy-link')!).borderTopColor), page),
  };
}

describe('<story-player> contrast of its controls', () => {
  before(() => usePageStyle());
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  for (const scheme of ['light', 'dark'] as const) {
    it(`gives every control's boundary at least 3:1 against the bar or the page, in ${scheme}`, async () => {
      await setViewport({ width: 1280, height: 800 });
      await emulateMedia({ colorScheme: scheme });
      const player = await miniStory();
      await tracksLoaded(player);
      part<HTMLButtonElement>(player, '.more-toggle').click();
      await player.updateComplete;
      const measured = boundaries(player);
      const low = Object.entries(measured).filter(([, ratio]) => ratio < 3).map(([what, ratio]) => `${what} ${ratio.toFixed(2)}:1`);
      console.log(`${scheme}: ${Object.entries(measured).map(([what, ratio]) => `${what} ${ratio.toFixed(2)}`).join(', ')}`);
      expect(low, 'under 3:1').to.deep.equal([]);
    });
  }
});
