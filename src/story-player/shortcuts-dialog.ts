import { html, nothing } from 'lit';
import type { LocalizeController } from '../i18n/localize-controller.js';
import type { PictureNoun } from '../i18n/translation.js';
import { shortcutRows, sliderRows, type HelpRow } from './keyboard-shortcuts.js';

/** What the shortcuts dialog shows, and what it does. */
export interface ShortcutsDialogView {
  shortcutsOn: boolean;
  noun: PictureNoun;
  sceneCount: number;
  /** Whether the dialog has been opened: only then are its intro, switch and tables made. */
  made: boolean;
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
  // Close first and at the top, where it is in view however long the dialog (it scrolls below).
  // The rest is made when the dialog first opens: hidden until then, it is in no one's way.
  return html`<dialog part="help-dialog" aria-labelledby="help-title" @close=${view.onClose}>
    <form method="dialog" class="dialog-head">
      <h2 id="help-title">${t.term('shortcuts')}</h2>
      <button class="close">${t.term('close')}</button>
    </form>
    ${view.made ? renderShortcutsBody(t, view) : nothing}
  </dialog>`;
}

/** A table of keys and what each does; `off` greys the rows of shortcuts turned off. */
function keyTable(t: LocalizeController, rows: HelpRow[], off: boolean) {
  return html`<table>
    <thead><tr><th scope="col">${t.term('keyColumn')}</th><th scope="col">${t.term('actionColumn')}</th></tr></thead>
    <tbody>
      ${rows.map((row) => html`<tr class=${off ? 'off' : ''}><td><kbd>${row.label}</kbd></td><td>${row.description}</td></tr>`)}
    </tbody>
  </table>`;
}

/** What the dialog holds under its title: the intro, the switch, the two tables. */
function renderShortcutsBody(t: LocalizeController, view: ShortcutsDialogView) {
  return html`<p>${t.term('shortcutsIntro')}</p>
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
    ${keyTable(t, shortcutRows(t, view.noun, view.sceneCount), !view.shortcutsOn)}
    <h3>${t.term('sliderKeys')}</h3>
    ${keyTable(t, sliderRows(t), false)}`;
}
