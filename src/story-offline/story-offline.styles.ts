import { css } from 'lit';
import { visuallyHidden } from '../styles/visually-hidden.js';

export const styles = css`
  :host {
    --_fg: var(--story-offline-color, var(--story-player-color, light-dark(#1d1c1a, #f1eee8)));
    --_muted: var(--story-offline-muted, var(--story-player-muted, light-dark(#5b5750, #b9b3a8)));
    --_accent: var(--story-offline-accent, var(--story-player-accent, light-dark(#8a3b12, #f0a36b)));
    --_border: var(--story-offline-border, var(--story-player-border, light-dark(#d9d4ca, #3b3833)));
    --_focus: var(--story-offline-focus, var(--story-player-focus, light-dark(#1a5fb4, #99c1f1)));
    --_error: var(--story-offline-error-color, light-dark(#a0141e, #ff9c9c));
    --_radius: var(--story-offline-radius, var(--story-player-radius, 0.5rem));
    display: block;
    color: var(--_fg);
    font: inherit;
    color-scheme: light dark;
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  .base {
    display: grid;
    gap: 0.5rem;
    padding: 0.75rem 0;
    font-size: var(--story-offline-font-size, 0.9375rem);
    line-height: 1.45;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.75rem;
  }
  p {
    margin: 0;
    max-width: 60ch;
  }
  .summary {
    display: flex;
    align-items: flex-start;
    gap: 0.4rem;
  }
  .summary .icon {
    margin-top: 0.1em;
    color: var(--_accent);
  }
  .detail,
  .storage {
    color: var(--_muted);
    font-size: 0.95em;
  }
  button {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    min-height: 2.75rem;
    padding: 0 0.6rem;
    font: inherit;
    color: inherit;
    background: transparent;
    /* The player's family: the text's colour 55 % over the page (3.5:1 and more), one hover. */
    border: 1px solid color-mix(in srgb, currentColor 55%, transparent);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  button.primary {
    border-color: var(--_accent);
    color: var(--_accent);
    font-weight: 600;
  }
  button:hover {
    background: color-mix(in srgb, currentColor 8%, transparent);
  }
  button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  button[aria-disabled='true'] {
    cursor: default;
    opacity: 0.7;
  }
  .icon {
    width: 1.25em;
    height: 1.25em;
    flex: none;
  }
  progress {
    inline-size: min(16rem, 100%);
    block-size: 0.75rem;
    accent-color: var(--_accent);
  }
  .error {
    color: var(--_error);
    border-inline-start: 3px solid currentColor;
    padding-inline-start: 0.6rem;
  }
  .update {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem 0.75rem;
  }
  .visually-hidden {
    ${visuallyHidden}
  }
  @media (forced-colors: active) {
    button,
    .update {
      border-color: ButtonText;
    }
    .error {
      color: CanvasText;
    }
    progress {
      accent-color: Highlight;
    }
  }
`;
