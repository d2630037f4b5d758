import { html } from 'lit';
import type { LocalizeController } from '../i18n/localize-controller.js';
import type { PictureNoun } from '../i18n/translation.js';
import { CaptionsMode, DescriptionMode, PlaybackRates, SkipSeconds } from '../player-state/vocabulary.js';
import { icons } from '../shared/icons.js';

/** What the row of secondary controls shows. */
export interface ControlsView {
  noun: PictureNoun;
  atLastChapter: boolean;
  rate: number;
  /** The descriptions' own speed; 0: the story's. */
  descriptionRate: number;
  descriptions: DescriptionMode;
  captions: CaptionsMode;
  pauseAfterPicture: boolean;
  /** "Follow along": the page keeps the picture being narrated in view. */
  follow: boolean;
  settingsOpen: boolean;
}

/** What the controls ask the player to do. */
export interface ControlsActions {
  skip(seconds: number): void;
  previousChapter(): void;
  nextChapter(): void;
  setRate(rate: number): void;
  setDescriptionRate(rate: number): void;
  setDescriptions(on: boolean): void;
  setCaptions(on: boolean): void;
  setPauseAfterPicture(on: boolean): void;
  setFollow(on: boolean): void;
  toggleSettings(): void;
  openShortcuts(): void;
}

/**
 * The row under Play: skip back, previous and next picture, skip forward, and the settings (speed,
 * descriptions, captions, pause after each picture, follow along, shortcuts), which fold behind a "Settings"
 * button on narrow bars. Toggles are buttons with `aria-pressed`.
 */
export function renderControls(t: LocalizeController, view: ControlsView, act: ControlsActions) {
  // 0 is "the story's speed", for the descriptions' own.
  const speed = (label: string, value: number, rates: readonly number[], set: (rate: number) => void) => html`<label class="speed">
    <span>${label}</span>
    <select .value=${String(value)} @change=${(e: Event) => set(Number((e.target as HTMLSelectElement).value))}>
      ${rates.map((r) => html`<option value=${r} ?selected=${r === value}>${r ? t.term('rate', r) : t.term('sameSpeed')}</option>`)}
    </select>
  </label>`;
  const toggle = (pressed: boolean, label: string, set: (on: boolean) => void) =>
    html`<button type="button" class="toggle" aria-pressed=${pressed ? 'true' : 'false'} @click=${() => set(!pressed)}>${label}</button>`;
  return html`
    <button type="button" class="skip" aria-label=${t.term('back', SkipSeconds.back)} @click=${() => act.skip(-SkipSeconds.back)}>
      ${icons.back}<span aria-hidden="true">${t.formats.number(SkipSeconds.back)}</span>
    </button>
    <button type="button" aria-label=${t.term('previousPicture', view.noun)} @click=${act.previousChapter}>${icons.previous}</button>
    <button
      type="button"
      aria-label=${t.term('nextPicture', view.noun)}
      aria-disabled=${view.atLastChapter ? 'true' : 'false'}
      @click=${act.nextChapter}
    >${icons.next}</button>
    <button type="button" class="skip" aria-label=${t.term('forward', SkipSeconds.forward)} @click=${() => act.skip(SkipSeconds.forward)}>
      ${icons.forward}<span aria-hidden="true">${t.formats.number(SkipSeconds.forward)}</span>
    </button>
    <button
      type="button"
      class="more-toggle"
      aria-expanded=${view.settingsOpen ? 'true' : 'false'}
      aria-controls="settings"
      @click=${act.toggleSettings}
    >${icons.settings}<span>${t.term('settings')}</span></button>
    <div id="settings" class=${view.settingsOpen ? 'settings open' : 'settings'} part="settings">
      ${speed(t.term('speed'), view.rate, PlaybackRates, act.setRate)}
      ${speed(t.term('descriptionSpeed'), view.descriptionRate, [0, ...PlaybackRates], act.setDescriptionRate)}
      ${toggle(view.descriptions === DescriptionMode.on, t.term('descriptions'), act.setDescriptions)}
      ${toggle(view.captions === CaptionsMode.on, t.term('captions'), act.setCaptions)}
      ${toggle(view.pauseAfterPicture, t.term('pauseAfterPicture', view.noun), act.setPauseAfterPicture)}
      ${toggle(view.follow, t.term('followAlong'), act.setFollow)}
      <button type="button" class="help-button" aria-haspopup="dialog" @click=${act.openShortcuts}>
        ${icons.keyboard}<span>${t.term('shortcuts')}</span>
      </button>
    </div>
  `;
}
