import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextConsumer } from '@lit/context';
import { playerClockContext, playbackContext, type PlayerClock } from '../player-state/context.js';
import { StoryPauseRequestEvent } from '../player-state/events.js';
import { StoryNotice } from '../player-state/vocabulary.js';
import { announces } from '../shared/announcer.js';

/** How long a pause request may take before it counts as refused. */
const PAUSE_WAIT_MS = 3000;

export interface PlayerLinkOptions {
  onPlay?(): void;
  onPause?(): void;
}

/**
 * What `<story-offline>` needs from the `<story-player>` around it, and the one place that knows
 * how the player publishes it: whether audio plays, which file it loaded, and asking it to pause.
 * Outside a player every answer is "nothing plays".
 */
export class PlayerLink implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: PlayerLinkOptions;
  #player: HTMLElement | null = null;
  #clock: PlayerClock | undefined;
  #statePlaying = false;
  #consuming = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: PlayerLinkOptions = {}) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get playing(): boolean {
    return this.#clock?.playing() ?? this.#statePlaying;
  }

  /** The audio URL the player loaded (its `currentSrc`); empty before it has loaded one. */
  get loadedSrc(): string {
    const src = (this.#player as { currentSrc?: unknown } | null)?.currentSrc;
    return typeof src === 'string' ? src : '';
  }

  /** The player's `<audio>` sources, in the order it tries them. */
  get sources(): HTMLSourceElement[] {
    return Array.from(this.#player?.querySelectorAll<HTMLSourceElement>(':scope > audio source[src]') ?? []);
  }

  /** Says `message` through the player's status region; false when there is no player to say it. */
  announce(message: string): boolean {
    if (!announces(this.#player)) return false;
    this.#player.announce(message);
    return true;
  }

  get announces(): boolean {
    return announces(this.#player);
  }

  /** Asks the player to pause and resolves once it has, or after PAUSE_WAIT_MS; then check `playing`. */
  pause(): Promise<void> {
    const paused = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, PAUSE_WAIT_MS);
      this.#player?.addEventListener(StoryNotice.pause, () => (clearTimeout(timer), resolve()), { once: true });
    });
    this.#host.dispatchEvent(new StoryPauseRequestEvent());
    return paused;
  }

  hostConnected(): void {
    this.#player = this.#host.closest('story-player');
    if (!this.#player) return;
    this.#player.addEventListener(StoryNotice.play, this.#onPlay);
    this.#player.addEventListener(StoryNotice.pause, this.#onPause);
    if (this.#consuming) return;
    this.#consuming = true;
    // A request made before `<story-player>` is defined would reach no provider; and a consumer
    // added while the host connects its controllers would be connected twice.
    void customElements.whenDefined('story-player').then(() => this.#consume());
  }

  hostDisconnected(): void {
    this.#player?.removeEventListener(StoryNotice.play, this.#onPlay);
    this.#player?.removeEventListener(StoryNotice.pause, this.#onPause);
    this.#player = null;
  }

  #consume(): void {
    new ContextConsumer(this.#host, {
      context: playbackContext,
      subscribe: true,
      callback: (state) => {
        // The state changes four times a second while playing; only "playing" matters here.
        if (!!state?.playing === this.#statePlaying) return;
        this.#statePlaying = !!state?.playing;
        this.#host.requestUpdate();
      },
    });
    new ContextConsumer(this.#host, { context: playerClockContext, subscribe: true, callback: (clock) => (this.#clock = clock) });
  }

  #onPlay = (): void => {
    this.#options.onPlay?.();
    this.#host.requestUpdate();
  };

  #onPause = (): void => {
    this.#options.onPause?.();
    this.#host.requestUpdate();
  };
}
