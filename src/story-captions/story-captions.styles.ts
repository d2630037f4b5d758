import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  :host([hidden]),
  :host([blank]),
  [hidden] {
    display: none !important;
  }
  .caption {
    font-size: var(--story-captions-font-size, clamp(1.05rem, 0.95rem + 0.6vw, 1.35rem));
    line-height: 1.45;
    color: var(--story-captions-color, inherit);
  }
  /* Two lines high for any cue: a longer one scrolls inside (from script), the dock never grows. */
  .line {
    box-sizing: content-box;
    height: calc(2 * 1.45em);
    overflow: hidden;
    margin: 0;
    padding: 0.3rem 0.5rem;
    max-width: 44em;
    margin-inline: auto;
    text-align: center;
  }
  .word {
    border-radius: 0.2em;
    padding-inline: 0.06em;
  }
  .word.current {
    background: var(--story-captions-highlight, light-dark(#f6dfb8, #5a3a18));
    color: inherit;
    /* Underline too, so that the current word does not rest on colour alone. */
    text-decoration: underline 2px;
    text-underline-offset: 0.18em;
  }
  .voice {
    font-weight: 600;
    font-size: 0.85em;
  }
  @media (forced-colors: active) {
    .word.current {
      background: Highlight;
      color: HighlightText;
      forced-color-adjust: none;
    }
  }
`;
