import { css } from 'lit';

export const styles = css`
  :host {
    --_accent: var(--story-scene-accent, light-dark(#8a3b12, #f0a36b));
    --_focus: var(--story-scene-focus, light-dark(#1a5fb4, #99c1f1));
    display: block;
    position: relative;
  }
  :host([hidden]) {
    display: none;
  }
  :host([current])::before {
    /* A quiet bar beside the current photo; the "Current photo" label says it in words too. */
    content: '';
    position: absolute;
    inset-block: 0;
    inset-inline-start: var(--story-scene-marker-inset, -0.75rem);
    width: 4px;
    border-radius: 2px;
    background: var(--_accent);
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-block: 0.75rem;
  }
  /* The player's family of controls: one height, corner, edge, hover, pressed look and focus ring. */
  .describe,
  .copy-link {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    min-height: 2.75rem;
    padding: 0 0.6rem;
    font: inherit;
    color: inherit;
    background: transparent;
    /* The text's colour 55 % over the page: 3.5:1 and more in light and dark (contrast test). */
    border: 1px solid color-mix(in srgb, currentColor 55%, transparent);
    border-radius: var(--story-player-radius, 0.5rem);
    cursor: pointer;
  }
  .describe {
    border-color: var(--_accent);
  }
  .describe:hover,
  .copy-link:hover {
    background: color-mix(in srgb, currentColor 8%, transparent);
  }
  :host([describing]) .describe {
    background: color-mix(in srgb, var(--_accent) 14%, transparent);
  }
  .describe:focus-visible,
  .copy-link:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .icon {
    width: 1.5rem;
    height: 1.5rem;
    flex: none;
  }
  :host([describing]) ::slotted(.description) {
    /* The words being heard: the description block itself, so that its text is on the page once. */
    outline: 2px solid var(--_accent);
    outline-offset: 0.25rem;
    border-radius: 2px;
  }
  .words {
    margin-block: 0 0.75rem;
    font-size: 1.125rem;
    line-height: 1.5;
  }
  [part~='current-word'] {
    background: var(--story-scene-highlight, light-dark(#f6dfb8, #5a3a18));
    text-decoration: underline;
    text-underline-offset: 0.2em;
    border-radius: 2px;
  }
  .status,
  .copied {
    margin: 0;
    font-size: 0.875rem;
  }
  .status:not(:empty) {
    margin-block-end: 0.75rem;
  }
  .current-label {
    font-size: 0.875rem;
    font-weight: 600;
    letter-spacing: 0.02em;
    color: var(--_accent);
  }
  @media (forced-colors: active) {
    :host([current])::before {
      background: Highlight;
    }
    .current-label {
      color: CanvasText;
    }
    .describe,
    .copy-link {
      border-color: ButtonText;
    }
    :host([describing]) ::slotted(.description) {
      outline-color: Highlight;
    }
    [part~='current-word'] {
      background: Highlight;
      color: HighlightText;
    }
  }
`;
