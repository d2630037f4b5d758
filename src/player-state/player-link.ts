import { ContextEvent, type Context } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  playbackContext,
  playerClockContext,
  storyContext,
  type PlaybackState,
  type PlayerClock,
  type StoryInfo,
} from './context.js';

type Host = ReactiveControllerHost & HTMLElement;

/** What changed when a follower hears from its player. */
export type LinkChange = 'story' | 'playback' | 'clock';

/**
 * A follower's line to its `<story-player>`: the story, the playback state and the clock, and a
 * way to send requests. The player is the nearest one around the follower, or — when the follower
 * names one in `player="<id>"`, as media-chrome's controls do — that element, wherever it is on
 * the page (found when it appears, and asked again once `story-player` is defined).
 *
 * The host decides what to do with each change (`onChange`): it re-renders only when what it
 * shows has changed, so followers do no work on changes that are not theirs.
 */
export class PlayerLink implements ReactiveController {
  story: StoryInfo | undefined;
  playback: PlaybackState | undefined;
  clock: PlayerClock | undefined;

  readonly #host: Host;
  readonly #onChange: (change: LinkChange) => void;
  #unsubscribe: (() => void)[] = [];
  #linked: Element | null = null;
  #waiting: MutationObserver | undefined;

  constructor(host: Host, onChange: (change: LinkChange) => void) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
  }

  /** The id in the host's `player` attribute, or '' for the nearest player around it. */
  get #playerId(): string {
    return this.#host.getAttribute('player')?.trim() ?? '';
  }

  hostConnected(): void {
    this.#link();
  }

  hostDisconnected(): void {
    this.#unlink();
  }

  /** Call when the host's `player` attribute changes. */
  relink(): void {
    if (!this.#host.isConnected) return;
    this.#unlink();
    this.#link();
  }

  /** Sends a request event to the player: from the host (it bubbles up), or straight to the named player. */
  send(event: Event): void {
    (this.#playerId ? this.#linked : this.#host)?.dispatchEvent(event);
  }

  /** The player element this follower hears from, once linked. */
  get player(): Element | null {
    return this.#linked;
  }

  #link(): void {
    const id = this.#playerId;
    if (!id) {
      this.#ask(this.#host);
      return;
    }
    const player = document.getElementById(id);
    if (player) {
      this.#ask(player);
      return;
    }
    // Not on the page yet (a follower before its player in the markup): wait for it.
    this.#waiting = new MutationObserver(() => {
      const found = document.getElementById(id);
      if (!found) return;
      this.#stopWaiting();
      this.#ask(found);
    });
    this.#waiting.observe(document, { childList: true, subtree: true });
  }

  /** Asks `target` (the host itself, so that the request bubbles, or a named player) for all three. */
  #ask(target: Element): void {
    const ask = (): boolean => {
      const heard = [
        this.#request(target, storyContext, (v) => (this.story = v), 'story'),
        this.#request(target, playbackContext, (v) => (this.playback = v), 'playback'),
        this.#request(target, playerClockContext, (v) => (this.clock = v), 'clock'),
      ];
      return heard.some(Boolean);
    };
    if (ask()) return;
    // No player answered: it is not defined yet. Ask again once it is.
    if (!customElements.get('story-player')) {
      void customElements.whenDefined('story-player').then(() => {
        if (this.#host.isConnected && this.#unsubscribe.length === 0) ask();
      });
    }
  }

  /** One subscribing context request; whether a provider answered. */
  #request<T>(target: Element, context: Context<unknown, T | undefined>, set: (value: T | undefined) => void, change: LinkChange): boolean {
    let answered = false;
    const receive = (value: T | undefined, unsubscribe?: () => void): void => {
      if (!answered && unsubscribe) this.#unsubscribe.push(unsubscribe);
      answered = true;
      this.#linked = this.#playerId ? target : target === this.#host ? this.#host.closest('story-player') : target;
      set(value);
      this.#onChange(change);
    };
    target.dispatchEvent(new ContextEvent(context, this.#host, receive, true));
    return answered;
  }

  #unlink(): void {
    this.#stopWaiting();
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.#unsubscribe = [];
    this.#linked = null;
    this.story = undefined;
    this.playback = undefined;
    this.clock = undefined;
  }

  #stopWaiting(): void {
    this.#waiting?.disconnect();
    this.#waiting = undefined;
  }
}
