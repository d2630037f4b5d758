import { css } from 'lit';

/** The player's layout and its bar: the dock, Play, the slider with its marks, the time and the skips. */
export const styles = css`
  :host {
    --_bg: var(--story-player-background, light-dark(#fbfaf7, #1b1a18));
    --_fg: var(--story-player-color, light-dark(#1d1c1a, #f1eee8));
    --_muted: var(--story-player-muted, light-dark(#5b5750, #b9b3a8));
    --_accent: var(--story-player-accent, light-dark(#8a3b12, #f0a36b));
    --_on-accent: var(--story-player-accent-contrast, light-dark(#fff, #1b1a18));
    --_border: var(--story-player-border, light-dark(#d9d4ca, #3b3833));
    --_focus: var(--story-player-focus, light-dark(#1a5fb4, #99c1f1));
    --_radius: var(--story-player-radius, 0.5rem);
    /* The one edge of every control: the text's colour 55 % into the bar's, 3.8:1 (light) and
       5.4:1 (dark) against the bar (story-player.contrast test). */
    --_edge: color-mix(in srgb, var(--_fg) 55%, var(--_bg));
    /* The one height (and least width) of every control, and the space between them. */
    --_control: 2.75rem;
    --_gap: 0.5rem;
    display: flex;
    flex-direction: column;
    color-scheme: light dark;
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  .story {
    order: 1;
  }
  /* Visually after the story, so that it can stick to the bottom of the viewport, but first in
     reading and Tab order after the header: the controls come before the story they play. The
     caption line and the bar are one dock: one width, one ground, no gap for the page to show
     through. */
  .dock {
    order: 2;
    position: var(--story-player-dock-position, sticky);
    bottom: 0;
    z-index: 2;
    container-type: inline-size;
    width: 100%;
    max-width: var(--story-player-max-width, 60rem);
    margin-inline: auto;
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--_border);
    border-bottom: 0;
    border-radius: var(--_radius) var(--_radius) 0 0;
    box-shadow: 0 -0.25rem 1.25rem rgb(0 0 0 / 0.08);
  }
  ::slotted([slot='captions']:not([blank], [hidden])) {
    display: block;
    margin: 0;
    border-bottom: 1px solid var(--_border);
  }
  /* Play, the slider and the controls share one row when the bar is wide enough, else two. */
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_gap);
    width: 100%;
    padding: var(--_gap) 0.75rem max(var(--_gap), env(safe-area-inset-bottom));
    font: 1rem/1.4 var(--story-player-font, system-ui, sans-serif);
  }
  .bar > * {
    flex: 1 1 100%;
  }
  /* One family of controls: every button and list in the bar and its panels has one height, one
     corner, one edge (3:1 and more against the bar), one hover, one pressed look (a pressed toggle,
     an open disclosure, the current chapter) and one focus ring; only Play is filled
     (story-player.contrast test). Transparent grounds keep forced colours drawing every edge. */
  button,
  select {
    min-width: var(--_control);
    min-height: var(--_control);
    padding: 0 0.6rem;
    border: 1px solid var(--_edge);
    border-radius: var(--_radius);
    background: transparent;
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4rem;
  }
  :is(button, select):hover {
    background: color-mix(in srgb, var(--_fg) 8%, transparent);
  }
  [aria-pressed='true'],
  [aria-expanded='true'],
  .chapter-list [aria-current='true'] {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 14%, transparent);
  }
  button[aria-disabled='true'] {
    opacity: 0.45;
    cursor: default;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .icon {
    width: 1.5rem;
    height: 1.5rem;
    flex: none;
  }

  .bar > .transport {
    display: flex;
    align-items: center;
    gap: var(--_gap);
    flex: 1 1 26rem;
  }
  .play {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
    padding-inline: 0.75rem 1rem;
  }
  .play:hover {
    background: color-mix(in srgb, var(--_accent) 85%, var(--_fg));
  }
  .seek {
    flex: 1;
    display: flex;
    align-items: center;
    gap: var(--_gap);
    min-width: 0;
  }
  .track {
    position: relative;
    flex: 1;
    display: flex;
    align-items: center;
    min-height: var(--_control);
    padding-inline: 0.6rem;
    touch-action: none;
    cursor: pointer;
  }
  .rail {
    position: relative;
    width: 100%;
    height: 0.375rem;
    border-radius: 999px;
    /* Half the text into the bar: 3.3:1 (light) and 4.7:1 (dark) against the bar, and the chapter
       marks (the text's colour) 5:1 and 3.2:1 against it. */
    background: color-mix(in srgb, var(--_fg) 50%, var(--_bg));
    overflow: hidden;
  }
  /* --_position (0–1) and each mark's --_at are set from script. Logical properties: in a
     right-to-left page the slider fills and moves from the right. */
  .fill {
    height: 100%;
    inline-size: calc(var(--_position, 0) * 100%);
    background: var(--_accent);
  }
  .thumb {
    position: absolute;
    top: 50%;
    inset-inline-start: calc(var(--_position, 0) * 100%);
    width: 1.2rem;
    height: 1.2rem;
    translate: 0 -50%;
    margin-inline-start: -0.6rem;
    border-radius: 50%;
    background: var(--_accent);
    border: 2px solid var(--_bg);
    box-shadow: 0 0 0 1px var(--_accent);
  }
  .thumb-lane,
  .marks {
    position: absolute;
    inset: 0 0.6rem;
  }
  .marks {
    pointer-events: none;
  }
  .mark {
    position: absolute;
    top: calc(50% - 0.45rem);
    width: 2px;
    height: 0.9rem;
    inset-inline-start: calc(var(--_at, 0) * 100%);
    margin-inline-start: -1px;
    background: var(--_fg);
  }
  .time {
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
    white-space: nowrap;
    font-size: 0.875rem;
  }

  .bar > .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_gap);
  }
  .bar > .controls {
    flex: 0 1 auto;
  }
  .bar > .controls:has(.settings.open) {
    flex-basis: 100%;
  }
  /* Skip back and forward: the seconds inside the circling arrow, as podcast players show them, so
     that every button of the row is one square. */
  .skip {
    position: relative;
  }
  .skip span {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    padding-top: 0.05rem;
    font-size: 0.625rem;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
`;
