import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { StoryPlayer } from '../../src/story-player/story-player.js';
import { usePageStyle } from './helpers/page-style.js';
import { miniStory, part, tracksLoaded } from './helpers/mini-story.js';

/**
 * WCAG 1.4.11: every boundary that identifies a control, and every state of one, at least 3:1
 * against what is next to it, in light and dark, measured on the page's own stylesheet. The
 * controls of the bar and its panels are one family (one height, corner, edge, hover, pressed look,
 * focus ring and icon size), and the stand-in note reads like the story.
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

/** A colour's contrast against the opaque `ground`, its alpha counted. */
const against = (color: string, ground: RGBA): number => contrast(over(rgba(color), ground), ground);

/** Each boundary's contrast against the ground beside it. */
function boundaries(player: StoryPlayer): Record<string, number> {
  const style = (el: Element) => getComputedStyle(el);
  const bar = rgba(style(part(player, '.dock')).backgroundColor);
  const page = rgba(getComputedStyle(document.documentElement).backgroundColor);
  const toggles = Array.from(player.shadowRoot!.querySelectorAll<HTMLElement>('.settings .toggle'));
  const off = toggles.find((t) => t.getAttribute('aria-pressed') === 'false')!;
  const on = toggles.find((t) => t.getAttribute('aria-pressed') === 'true')!;
  const scene = player.querySelector('story-scene')!.shadowRoot!;
  const rail = over(rgba(style(part(player, '.rail')).backgroundColor), bar);
  return {
    'the unplayed track': contrast(rail, bar),
    'the played track': against(style(part(player, '.fill')).backgroundColor, bar),
    // A mark crosses the track: against the unplayed track, its opacity counted.
    'a chapter mark': (() => {
      const [r, g, b, a] = rgba(style(part(player, '.mark')).backgroundColor);
      return contrast(over([r, g, b, a * Number(style(part(player, '.mark')).opacity)], rail), rail);
    })(),
    'Play': against(style(part(player, '.play')).backgroundColor, bar),
    'a button (Next picture)': against(style(part(player, '.skip + button + button')).borderTopColor, bar),
    'a toggle switched off': against(style(off).borderTopColor, bar),
    'a toggle switched on': against(style(on).borderTopColor, bar),
    'a speed list': against(style(part(player, 'select')).borderTopColor, bar),
    'Settings, open': against(style(part(player, '.more-toggle')).borderTopColor, bar),
    'a picture\'s Describe': against(style(scene.querySelector('.describe')!).borderTopColor, page),
    'a picture\'s Copy link': against(style(scene.querySelector('.copy-link')!).borderTopColor, page),
  };
}

/** The player's button-like controls on screen: the bar, its settings and chapter list, and the shortcuts dialog. */
function controlsOf(player: StoryPlayer): HTMLElement[] {
  return Array.from(player.shadowRoot!.querySelectorAll<HTMLElement>('.dock :is(button, select), dialog :is(button, select)')).filter(
    (el) => el.getBoundingClientRect().width > 0,
  );
}

/** What makes a control look like one of the family, at rest. */
function shape(el: Element): string {
  const s = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return `height ${Math.round(box.height)} px, border ${s.borderTopWidth} ${s.borderTopStyle}, corner ${s.borderTopLeftRadius}`;
}

/** The distinct values of `of` over `els`, each with the controls that have it. */
function groups(els: readonly Element[], of: (el: Element) => string): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const el of els) (found[of(el)] ??= []).push(el.getAttribute('aria-label') || el.textContent!.trim().replace(/\s+/g, ' ').slice(0, 30));
  return found;
}

/** The element that has focus, inside shadow roots. */
function deepActive(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** Opens everything the bar can show at once: the settings, the chapter list, and (last) the shortcuts dialog. */
async function allOpen(player: StoryPlayer, dialog: boolean): Promise<void> {
  part<HTMLButtonElement>(player, '.more-toggle').click();
  part<HTMLButtonElement>(player, '.chapters-toggle').click();
  await player.updateComplete;
  if (dialog) {
    part<HTMLButtonElement>(player, '.help-button').click();
    await player.updateComplete;
  }
  // The grounds fade in (120 ms) when motion is not reduced.
  await Promise.all(player.shadowRoot!.getAnimations().map((animation) => animation.finished));
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

    for (const [width, height] of [[1280, 800], [360, 740]] as const) {
      it(`draws every control of the bar and its panels as one family: one height, border, corner, icon size and edge, in ${scheme} at ${width} × ${height}`, async () => {
        await setViewport({ width, height });
        await emulateMedia({ colorScheme: scheme });
        const player = await miniStory();
        await tracksLoaded(player);
        await allOpen(player, true);
        const controls = controlsOf(player);
        // Every kind: Play, icon buttons, text buttons, toggles, the lists, disclosures, chapters, Close.
        expect(controls.length, 'controls on screen').to.be.at.least(18);
        expect(groups(controls, shape), 'one shape').to.have.keys([shape(part(player, '.play'))]);
        const scene = player.querySelector('story-scene')!.shadowRoot!;
        const sceneButtons = Array.from(scene.querySelectorAll('button'));
        expect(groups(sceneButtons, shape), 'a picture\'s buttons are of the same family').to.have.keys([shape(part(player, '.play'))]);

        const icons = Array.from(player.shadowRoot!.querySelectorAll('.dock .icon, dialog .icon'))
          .concat(Array.from(scene.querySelectorAll('.icon')))
          .filter((icon) => icon.getBoundingClientRect().width > 0);
        expect(Object.keys(groups(icons, (icon) => `${icon.getBoundingClientRect().width}×${icon.getBoundingClientRect().height}`)), 'one icon size').to.have.length(1);

        // At rest every control has one edge; pressed toggles, open disclosures and the current chapter one other; Play is filled.
        const pressed = (el: Element) => ['aria-pressed', 'aria-expanded', 'aria-current'].some((name) => el.getAttribute(name) === 'true');
        const resting = controls.filter((el) => !pressed(el) && !el.classList.contains('play'));
        const edge = (el: Element) => getComputedStyle(el).borderTopColor;
        expect(Object.keys(groups(resting, edge)), `one edge at rest: ${JSON.stringify(groups(resting, edge))}`).to.have.length(1);
        const on = controls.filter(pressed);
        const look = (el: Element) => `${getComputedStyle(el).borderTopColor} on ${getComputedStyle(el).backgroundColor}`;
        expect(on.length, 'pressed or open controls').to.be.at.least(4);
        expect(Object.keys(groups(on, look)), `one pressed look: ${JSON.stringify(groups(on, look))}`).to.have.length(1);
      });
    }

    it(`gives every control of the bar one hover and one focus ring, in ${scheme}`, async function () {
      this.timeout(20000);
      await setViewport({ width: 1280, height: 800 });
      await emulateMedia({ colorScheme: scheme });
      const player = await miniStory();
      await tracksLoaded(player);
      await allOpen(player, false);
      const pressed = (el: Element) => ['aria-pressed', 'aria-expanded', 'aria-current'].some((name) => el.getAttribute(name) === 'true');
      const resting = controlsOf(player).filter((el) => !pressed(el) && !el.classList.contains('play'));
      const hovers: Record<string, string[]> = {};
      for (const el of resting) {
        el.scrollIntoView({ block: 'nearest', behavior: 'instant' });
        const box = el.getBoundingClientRect();
        await sendMouse({ type: 'move', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
        await Promise.all(player.shadowRoot!.getAnimations().map((animation) => animation.finished));
        (hovers[getComputedStyle(el).backgroundColor] ??= []).push(el.getAttribute('aria-label') || el.textContent!.trim().slice(0, 30));
      }
      await sendMouse({ type: 'move', position: [0, 0] });
      expect(Object.keys(hovers), `one hover: ${JSON.stringify(hovers)}`).to.have.length(1);
      const [hover] = Object.keys(hovers) as [string];
      expect(rgba(hover)[3], 'hover shows').to.be.greaterThan(0);

      // Tab through the bar and its panels: the same ring on every control.
      part(player, '.play').focus();
      const rings: Record<string, string[]> = {};
      for (let i = 0; i < 40; i++) {
        const el = deepActive();
        if (!el || !player.shadowRoot!.contains(el)) break;
        const s = getComputedStyle(el);
        (rings[`${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} offset ${s.outlineOffset}`] ??= []).push(el.getAttribute('aria-label') || el.textContent!.trim().slice(0, 30));
        await sendKeys({ press: 'Tab' });
      }
      expect(Object.values(rings).flat().length, 'controls reached by Tab').to.be.at.least(15);
      expect(Object.keys(rings), `one focus ring: ${JSON.stringify(rings)}`).to.have.length(1);
      expect(Object.keys(rings)[0]).to.match(/^solid 3px/);
    });

    it(`sets the stand-in note like the story's text, at 4.5:1 and more, in ${scheme}`, async () => {
      await setViewport({ width: 1280, height: 800 });
      await emulateMedia({ colorScheme: scheme });
      const player = await miniStory();
      const note = player.querySelector('.stand-in-note')!;
      const story = player.querySelector('story-scene .narration p')!;
      const set = (el: Element) => {
        const s = getComputedStyle(el);
        return `${s.fontFamily}, ${s.fontSize}/${s.lineHeight}`;
      };
      expect(set(note), 'face, size and line height').to.equal(set(story));
      const page = rgba(getComputedStyle(document.documentElement).backgroundColor);
      const ground = over(rgba(getComputedStyle(note).backgroundColor), page);
      const ratio = against(getComputedStyle(note).color, ground);
      console.log(`${scheme}: the stand-in note ${ratio.toFixed(2)}:1, ${set(note)}`);
      expect(ratio).to.be.at.least(4.5);
    });
  }
});
