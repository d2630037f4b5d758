import { css } from 'lit';
import { visuallyHidden } from '../styles/visually-hidden.js';

/** The bar at each width and height: settings folded, buttons by their icons, two rows, the slim row of a short window. */
export const narrowStyles = css`
  /* Below the widest bars the settings fold behind a "Settings" button, so that the buttons take
     one row (beside the slider when there is room) and the dock leaves the picture room. */
  @container (max-width: 75rem) {
    .more-toggle {
      display: inline-flex;
    }
    .settings {
      display: none;
    }
    .settings.open {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_gap);
      width: 100%;
      order: 1;
      padding-top: 0.25rem;
    }
  }

  /* Middle-sized bars (a small laptop, a tablet): Settings and Chapters by their icons, so that Play,
     the slider and the buttons share one row and the paused first view leaves the page room. */
  @container (max-width: 56rem) {
    .bar > .transport {
      flex-basis: 20rem;
    }
    .chapters-toggle span,
    .more-toggle span {
      ${visuallyHidden}
    }
  }

  /* Narrow bars (phones): one row to play and seek, one of buttons. */
  @container (max-width: 40rem) {
    .bar {
      padding-inline: var(--_gap);
    }
    .play:not(.resume-button) {
      padding-inline: 0;
    }
    .bar > .controls {
      flex-basis: 100%;
      justify-content: space-between;
      gap: 0;
    }
    .controls > button {
      padding-inline: 0.3rem;
    }
    .play:not(.resume-button) .play-text {
      display: none;
    }
  }

  /* A short window (200 % and 400 % zoom, a phone on its side): one slim row that stays at the
     bottom while the listener reads any picture — Play, the time, the caption line on demand and
     "More controls", which shows the slider and the rest (the dock then scrolls within the window). */
  .slim {
    display: none;
  }
  @media (max-height: 30rem) {
    .dock {
      max-height: 100svh;
      overflow-y: auto;
    }
    .slim {
      display: inline-flex;
      flex: none;
    }
    .bar {
      padding-block: 0.15rem;
    }
    .bar:not(.more) > :is(.controls, .chapter-list),
    .bar:not(.more) .track {
      display: none;
    }
    .bar:not(.more) .seek {
      flex: 1;
    }
    .bar:not(.more) .play-text,
    .more-controls span {
      ${visuallyHidden}
    }
    /* The length too (heard, not shown), so that the row fits a 320 px window (400 % zoom). */
    @container (max-width: 30rem) {
      .bar:not(.more) .length {
        ${visuallyHidden}
      }
    }
    .bar:not(.more) .play {
      padding-inline: 0;
    }
    .dock:not(:has(.slim-caption[aria-pressed='true'])) ::slotted([slot='captions']) {
      display: none;
    }
  }

  @media (forced-colors: active) {
    .dock,
    dialog {
      border: 1px solid CanvasText;
    }
    .play,
    [aria-pressed='true'],
    [aria-expanded='true'],
    .chapter-list [aria-current='true'] {
      border-color: ButtonText;
      background: Highlight;
      color: HighlightText;
      forced-color-adjust: none;
    }
    .rail {
      border: 1px solid CanvasText;
    }
    .fill,
    .thumb {
      background: CanvasText;
      forced-color-adjust: none;
    }
    .mark {
      background: CanvasText;
      opacity: 1;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    button {
      transition: background-color 120ms ease;
    }
  }
`;
