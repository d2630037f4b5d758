import { svg, type SVGTemplateResult } from 'lit';

/** 24×24 icons, drawn in `currentColor` so that forced colors and themes reach them. */
const icon = (path: SVGTemplateResult): SVGTemplateResult =>
  svg`<svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">${path}</svg>`;

export const icons = {
  play: icon(svg`<path fill="currentColor" d="M8 5.5v13a1 1 0 0 0 1.5.86l10.5-6.5a1 1 0 0 0 0-1.72L9.5 4.64A1 1 0 0 0 8 5.5z"/>`),
  pause: icon(svg`<path fill="currentColor" d="M7 5h3.5v14H7zM13.5 5H17v14h-3.5z"/>`),
  /* Skip back and forward: a wide circle, so that the seconds fit inside it. */
  back: icon(svg`<path fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" d="M2.9 12a9.1 9.1 0 1 0 2.7-6.5"/><path fill="currentColor" d="M2 2.8v6.4h6.4z"/>`),
  forward: icon(svg`<path fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" d="M21.1 12a9.1 9.1 0 1 1-2.7-6.5"/><path fill="currentColor" d="M22 2.8v6.4h-6.4z"/>`),
  previous: icon(svg`<path fill="currentColor" d="M6 5h2.5v14H6zM19 5.8v12.4a1 1 0 0 1-1.55.83L9.5 13.66a2 2 0 0 1 0-3.32l7.95-5.37A1 1 0 0 1 19 5.8z"/>`),
  next: icon(svg`<path fill="currentColor" d="M15.5 5H18v14h-2.5zM5 5.8v12.4a1 1 0 0 0 1.55.83l7.95-5.37a2 2 0 0 0 0-3.32L6.55 4.97A1 1 0 0 0 5 5.8z"/>`),
  chapters: icon(svg`<path fill="currentColor" d="M4 6h2v2H4zm4 0h12v2H8zM4 11h2v2H4zm4 0h12v2H8zm-4 5h2v2H4zm4 0h12v2H8z"/>`),
  keyboard: icon(svg`<path fill="none" stroke="currentColor" stroke-width="1.8" d="M3 6.5h18v11H3z"/><path fill="currentColor" d="M6 9h2v2H6zm3.5 0h2v2h-2zM13 9h2v2h-2zm3.5 0h2v2h-2zM7 13.5h10v1.8H7z"/>`),
  settings: icon(svg`<path fill="currentColor" d="M4 7h9.2a2.5 2.5 0 0 1 4.6 0H20v2h-2.2a2.5 2.5 0 0 1-4.6 0H4zm0 8h2.2a2.5 2.5 0 0 1 4.6 0H20v2h-9.2a2.5 2.5 0 0 1-4.6 0H4z"/>`),
  /** "More controls": three dots, not the Settings sliders. */
  more: icon(svg`<path fill="currentColor" d="M3.5 12a2 2 0 1 0 4 0 2 2 0 1 0-4 0m6.5 0a2 2 0 1 0 4 0 2 2 0 1 0-4 0m6.5 0a2 2 0 1 0 4 0 2 2 0 1 0-4 0"/>`),
  describe: icon(svg`<path fill="currentColor" d="M4 9v6h4l5 4V5L8 9zm12.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4z"/>`),
  stop: icon(svg`<path fill="currentColor" d="M6 6h12v12H6z"/>`),
};
