import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Something that says words in a polite status region: `<story-player>`, or an `Announcer`'s host. */
export interface Announces {
  announce(message: string): void;
}

/** Whether `element` can announce for others (a `<story-player>` does, for what sits inside it). */
export function announces(element: Element | null): element is Element & Announces {
  return !!element && typeof (element as Partial<Announces>).announce === 'function';
}

/** How long the region stays empty before the same words are said again. */
const REPEAT_GAP_MS = 100;

/**
 * The words of one polite status region (`role="status"`), kept by the element that renders it.
 * Saying the same words twice clears the region first, so that screen readers hear them again.
 */
export class Announcer implements ReactiveController {
  #text = '';
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** What the region says now. */
  get text(): string {
    return this.#text;
  }

  say(message: string): void {
    clearTimeout(this.#timer);
    if (message === this.#text && message) {
      this.#set('');
      this.#timer = setTimeout(() => this.#set(message), REPEAT_GAP_MS);
    } else {
      this.#set(message);
    }
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  #set(text: string): void {
    this.#text = text;
    this.#host.requestUpdate();
  }
}
