import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { StoryRequest, type StoryRequestName } from '../player-state/vocabulary.js';

/** One handler per request a follower can send (`StoryRequest`), typed by its event class. */
export type RequestHandlers = { [Name in StoryRequestName]: (event: GlobalEventHandlersEventMap[Name]) => void };

/**
 * Routes the requests that followers send up (media-chrome's request map, in small): one typed
 * handler per request name, listened for on the player while it is connected. A request that a
 * listener between the follower and the player cancelled is left alone; one the player handles
 * goes no further (an outer player must not act on it too).
 */
export class RequestMap implements ReactiveController {
  readonly #host: HTMLElement;
  readonly #listeners: [string, EventListener][];

  constructor(host: ReactiveControllerHost & HTMLElement, handlers: RequestHandlers) {
    this.#host = host;
    this.#listeners = Object.values(StoryRequest).map((name) => {
      const handle = handlers[name] as (event: Event) => void;
      return [
        name,
        (event: Event) => {
          if (event.defaultPrevented) return;
          event.stopPropagation();
          handle(event);
        },
      ];
    });
    host.addController(this);
  }

  hostConnected(): void {
    for (const [name, listener] of this.#listeners) this.#host.addEventListener(name, listener);
  }

  hostDisconnected(): void {
    for (const [name, listener] of this.#listeners) this.#host.removeEventListener(name, listener);
  }
}
