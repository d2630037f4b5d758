import { css } from 'lit';

export const styles = css`
  :host {
    --_accent: var(--story-transcript-accent, light-dark(#8a3b12, #f0a36b));
    --_focus: var(--story-transcript-focus, light-dark(#1a5fb4, #99c1f1));
    display: block;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  .heading {
    margin: 0;
    font-size: 1.25rem;
    font-weight: 700;
  }
  button {
    font: inherit;
    color: inherit;
    background: transparent;
    border: 0;
    cursor: pointer;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .toggle {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.75rem;
    padding: 0.25rem 0.5rem 0.25rem 0;
    font-weight: inherit;
  }
  .chevron {
    width: 0.6em;
    height: 0.6em;
    border-right: 2px solid currentColor;
    border-bottom: 2px solid currentColor;
    transform: rotate(-45deg);
  }
  :host([open]) .chevron {
    transform: rotate(45deg);
  }
  .follow {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.75rem;
  }
  .follow input {
    width: 1.15rem;
    height: 1.15rem;
    accent-color: var(--_accent);
  }
  .list {
    max-height: var(--story-transcript-max-height, 24rem);
    overflow: auto;
    overscroll-behavior: contain;
    border-block: 1px solid color-mix(in srgb, currentColor 20%, transparent);
    padding-block: 0.25rem;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  /* A chapter out of the list's view is neither laid out nor painted (a long story has hundreds). */
  .chapters > li {
    content-visibility: auto;
    contain-intrinsic-size: auto 30rem;
  }
  .chapter-title {
    margin: 0.75rem 0 0.25rem;
    font-weight: 700;
    font-size: 0.95rem;
  }
  .sentence {
    display: flex;
    gap: 0.75rem;
    width: 100%;
    min-height: 2.75rem;
    padding: 0.4rem 0.5rem;
    text-align: start;
    line-height: 1.5;
    border-radius: 0.3rem;
    border-inline-start: 4px solid transparent;
  }
  .sentence:hover {
    background: color-mix(in srgb, currentColor 7%, transparent);
  }
  .sentence[aria-current='true'] {
    border-inline-start-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 12%, transparent);
    font-weight: 600;
  }
  .time {
    flex: none;
    min-width: 3ch;
    font-variant-numeric: tabular-nums;
    opacity: 0.75;
  }
  .description .text {
    font-style: italic;
  }
  .voice {
    font-style: normal;
    font-weight: 600;
  }
  .empty {
    opacity: 0.8;
  }
  @media (forced-colors: active) {
    .sentence[aria-current='true'] {
      border-inline-start-color: Highlight;
    }
  }
`;
