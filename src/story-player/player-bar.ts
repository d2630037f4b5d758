import { css, html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { LocalizeController } from '../i18n/localize-controller.js';
import type { PictureNoun } from '../i18n/translation.js';
import { icons } from '../shared/icons.js';
import { visuallyHidden } from '../styles/visually-hidden.js';

/** What the player bar shows. */
export interface BarView {
  title: string;
  length: number;
  /** Pause is shown only while sound is heard; while the audio is awaited, "Loading" (pressing it stops waiting). */
  shown: 'playing' | 'waiting' | 'paused';
  noun: PictureNoun;
  /** Where a returning listener resumes (Play then says "Resume at …", with "Start over" beside it): the place and the picture number there, or null. */
  resume: { at: number; number: number | undefined } | null;
  /** Whether the status line shows an error, which the listener can dismiss. */
  errors: boolean;
  seek: TemplateResult;
  /** The caption toggle of the slim bar is offered only while captions are on. */
  captions: boolean;
  slim: SlimBar;
  controls: TemplateResult;
  chapterList: TemplateResult;
}

/** What the bar's own buttons do. */
export interface BarActions {
  togglePlay(): void;
  resume(): void;
  startOver(): void;
  dismiss(): void;
}

/**
 * In a window under 30rem tall (200 % and 400 % zoom, a phone on its side) the bar is one slim row
 * that stays at the bottom of the window: Play, the time, the caption line on demand and "More
 * controls" (the slider and every other control). What the listener opened there, kept here.
 */
export class SlimBar {
  #caption = false;
  #more = false;
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  get caption(): boolean {
    return this.#caption;
  }

  get more(): boolean {
    return this.#more;
  }

  toggle(which: 'caption' | 'more'): void {
    if (which === 'caption') this.#caption = !this.#caption;
    else this.#more = !this.#more;
    this.#host.requestUpdate();
  }
}

/** The status line's messages (an `Announcer` fills it): routine state is heard, not shown; errors are shown. */
export const statusStyles = css`
  .status .routine {
    ${visuallyHidden}
  }
  .status p {
    margin: 0;
  }
`;

/**
 * The player bar, a region named after the story: Play (or, for a returning listener, "Resume at …"
 * with "Start over" beside it) with the position slider,
 * the row of controls, the chapter list and the polite status line.
 */
export function renderBar(t: LocalizeController, view: BarView, act: BarActions) {
  const { title, shown, resume } = view;
  const playing = shown === 'playing';
  // A returning listener gets one decision: Play itself says where it resumes, "Start over" beside it.
  const resumeText = resume && t.term('resume', view.noun, resume.number, resume.at);
  const { slim } = view;
  return html`<section class=${slim.more ? 'bar more' : 'bar'} part="bar" aria-label=${t.term('player', title)}>
    <div class="transport">
      <button
        type="button"
        class=${resumeText ? 'play resume-button' : 'play'}
        part="play-button"
        aria-label=${resumeText || (playing ? t.term('pause', title) : shown === 'waiting' ? t.term('stopLoading', title) : t.term('play', title, view.length))}
        @click=${resumeText ? act.resume : act.togglePlay}
      >
        ${playing ? icons.pause : icons.play}<span class="play-text">${resumeText || t.term(playing ? 'pauseShort' : shown === 'waiting' ? 'loadingShort' : 'playShort')}</span>
      </button>
      ${resumeText ? html`<button type="button" class="start-over" part="start-over" @click=${act.startOver}>${t.term('startOver')}</button>` : nothing}
      ${view.seek}
      ${view.captions
        ? html`<button type="button" class="slim toggle slim-caption" aria-pressed=${slim.caption ? 'true' : 'false'} @click=${() => slim.toggle('caption')}>
            ${t.term('captionLine')}
          </button>`
        : nothing}
      <button type="button" class="slim more-controls" aria-expanded=${slim.more ? 'true' : 'false'} @click=${() => slim.toggle('more')}>
        ${icons.more}<span>${t.term('moreControls')}</span>
      </button>
    </div>
    <div class="controls" part="controls">${view.controls}</div>
    ${view.chapterList}
    <div class="status" part="status" role="status"></div>
    ${view.errors ? html`<button type="button" class="dismiss" part="dismiss-button" @click=${act.dismiss}>${t.term('dismiss')}</button>` : nothing}
  </section>`;
}
