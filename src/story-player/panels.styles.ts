import { css } from 'lit';
import { visuallyHidden } from '../styles/visually-hidden.js';

/** What the bar opens and says: the settings, the speed lists and toggles, the chapter list, the status line and the dialog. */
export const panelStyles = css`
  .settings {
    display: contents;
  }
  .more-toggle {
    display: none;
  }
  /* A list keeps its whole width (its value never cut), under its label when the row is short. */
  .speed {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem;
  }
  .speed select {
    flex: none;
  }
  /* A toggle shows its state in a box (checked when on), so that "on" does not rest on colour alone. */
  .toggle::before {
    content: '';
    width: 1rem;
    height: 1rem;
    border: 2px solid;
    border-radius: 0.2rem;
  }
  .toggle[aria-pressed='true']::before {
    content: '✓' / '';
    display: grid;
    place-items: center;
    font-size: 0.8rem;
    line-height: 1;
    font-weight: 700;
  }

  .chapter-list {
    display: grid;
    gap: 0.25rem;
    list-style: none;
    margin: 0.25rem 0 0;
    padding: 0.5rem 0 0.25rem;
    max-height: min(40vh, 18rem);
    overflow: auto;
    border-top: 1px solid var(--_border);
  }
  .chapter-list[hidden] {
    display: none;
  }
  .chapter-list button {
    width: 100%;
    justify-content: space-between;
    text-align: start;
    gap: 1rem;
  }
  .chapter-list [aria-current='true'] {
    font-weight: 700;
  }
  .chapter-time {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  /* A returning listener's Play says where it resumes; the slider wraps under it when the row is short. */
  .bar > .transport:has(.start-over) {
    flex-wrap: wrap;
    flex-basis: 100%;
  }
  .transport:has(.start-over) .seek {
    min-width: 9rem;
  }

  /* Routine state ("Playing.") is for screen readers only: the button already shows it. An error
     (a node with class error) stays in view until it is resolved. */
  .status:not(:has(.error)) {
    ${visuallyHidden}
  }
  .status {
    margin: 0.15rem 0 0;
    font-size: 0.875rem;
    color: var(--_fg);
  }

  dialog {
    max-width: min(34rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    padding: 1.25rem 1.5rem;
    font: 1rem/1.5 var(--story-player-font, system-ui, sans-serif);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  dialog h2 {
    margin: 0 0 0.5rem;
    font-size: 1.25rem;
  }
  dialog h3 {
    margin: 1rem 0 0.25rem;
    font-size: 1rem;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 0.3rem 0.5rem 0.3rem 0;
    border-bottom: 1px solid var(--_border);
  }
  tr.off {
    color: var(--_muted);
  }
  kbd {
    font: 0.9rem ui-monospace, monospace;
    padding: 0.1rem 0.4rem;
    border: 1px solid var(--_border);
    border-radius: 0.25rem;
    white-space: nowrap;
  }
  .switch {
    display: flex;
    align-items: center;
    gap: 0.6rem;
    min-height: var(--_control);
    font-weight: 600;
  }
  .switch input {
    width: 1.25rem;
    height: 1.25rem;
    accent-color: var(--_accent);
  }
  /* The title and Close stay at the top of the dialog while the rest scrolls. */
  .dialog-head {
    position: sticky;
    top: -1.25rem;
    z-index: 1;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
    margin: -1.25rem -1.5rem 0.5rem;
    padding: 0.75rem 1.5rem 0.5rem;
    background: var(--_bg);
    border-bottom: 1px solid var(--_border);
  }
  .dialog-head h2 {
    margin: 0;
  }
  dialog {
    overflow: auto;
  }
`;
