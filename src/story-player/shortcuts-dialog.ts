import { html } from 'lit';
import type { LocalizeController } from '../i18n/localize-controller.js';
import type { PictureNoun } from '../i18n/translation.js';
import { shortcutRows, sliderRows, type HelpRow } from './keyboard-shortcuts.js';

/** What the shortcuts dialog shows, and what it does. */
export interface ShortcutsDialogView {
  shortcutsOn: boolean;
  noun: PictureNoun;
  sceneCount: number;
  /** The listener turned the single-key shortcuts on or off. */
  onSwitch(on: boolean): void;
  /** The dialog closed. */
  onClose(): void;
}

/**
 * The keyboard shortcuts dialog (a modal `<dialog>`): Close at the top, what each key does, a switch
 * that turns the single-key shortcuts off (WCAG 2.1.4), and the slider's keys, which always work.
 */
export function renderShortcutsDialog(t: LocalizeController, view: ShortcutsDialogView) {
  const table = (rows: HelpRow[], off: boolean) => html`<table>
    <thead><tr><th scope="col">${t.term('keyColumn')}</th><th scope="col">${t.term('actionColumn')}</th></tr></thead>
    <tbody>
      ${rows.map((row) => html`<tr class=${off ? 'off' : ''}><td><kbd>${row.label}</kbd></td><td>${row.description}</td></tr>`)}
    </tbody>
  </table>`;
  // Close first and at the top, where it is in view however long the dialog (it scrolls below).
  return html`<dialog part="help-dialog" aria-labelledby="help-title" @close=${view.onClose}>
    <form method="dialog" class="dialog-head">
      <h2 id="help-title">${t.term('shortcuts')}</h2>
      <button class="close">${t.term('close')}</button>
    </form>
    <p>${t.term('shortcutsIntro')}</p>
    <label class="switch">
      <input
        type="checkbox"
        role="switch"
        aria-checked=${view.shortcutsOn ? 'true' : 'false'}
        .checked=${view.shortcutsOn}
        @change=${(event: Event) => view.onSwitch((event.target as HTMLInputElement).checked)}
      />
      <span>${t.term('shortcutsSwitch')}</span>
    </label>
    ${table(shortcutRows(t, view.noun, view.sceneCount), !view.shortcutsOn)}
    <h3>${t.term('sliderKeys')}</h3>
    ${table(sliderRows(t), false)}
  </dialog>`;
}
