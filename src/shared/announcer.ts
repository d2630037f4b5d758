import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * How a message is said: routine state (`"Playing."`) replaces the routine message before it; an
 * error (with a key saying what failed: `'audio'`, `'captions'`, …) stays until it is resolved or
 * dismissed, and a newer message of any kind is said beside it, never over it.
 */
export interface AnnounceOptions {
  error?: string;
}

/** Something that says words in a polite status region: `<story-player>`, or an `Announcer`'s host. */
export interface Announces {
  announce(message: string, options?: AnnounceOptions): void;
}

/** Whether `element` can announce for others (a `<story-player>` does, for what sits inside it). */
export function announces(element: Element | null): element is Element & Announces {
  return !!element && typeof (element as Partial<Announces>).announce === 'function';
}

/** A routine message this young is not taken away by the next one: both stay until it has been heard. */
const HEARD_MS = 500;

interface Said {
  node: HTMLElement;
  /** The error's key; undefined for routine state. */
  error: string | undefined;
}

/**
 * The messages of one polite status region (`role="status"`), which the host renders empty and
 * this controller fills. Each message is its own node, added to the region: a screen reader hears
 * each addition once, and a removal not at all. So a routine message replaces the one before (the
 * same words again are a new node, heard again), an error stays (shown, with class `error`) until
 * `resolve()`, and the same error said again while it shows is not said twice.
 *
 * @example
 * status = new Announcer(this, () => this.renderRoot.querySelector('[role="status"]'));
 * status.say(t.term('statusPaused'));
 * status.say(t.term('errorAudioNetwork'), { error: 'audio' });
 */
export class Announcer implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #region: () => Element | null | undefined;
  #said: Said[] = [];
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(host: ReactiveControllerHost, region: () => Element | null | undefined) {
    this.#host = host;
    this.#region = region;
    host.addController(this);
  }

  /** What the region says now, oldest first. */
  get text(): string {
    return this.#said.map((s) => s.node.textContent).join(' ');
  }

  /** The keys of the errors shown now, oldest first. */
  get errors(): string[] {
    return this.#said.flatMap((s) => (s.error === undefined ? [] : [s.error]));
  }

  say(message: string, options: AnnounceOptions = {}): void {
    if (!message) return;
    const { error } = options;
    if (error !== undefined && this.#said.some((s) => s.error === error && s.node.textContent === message)) return;
    // A message replaces the one of its kind before it; an error also ends the routine state that
    // was (no "Playing." beside the failure that stopped it). A routine message not heard yet stays
    // until it has been.
    for (const s of this.#said.filter((s) => s.error === error || (error !== undefined && s.error === undefined))) {
      if (s.error !== undefined || !s.node.dataset['young']) this.#remove(s);
      else s.node.dataset['old'] = '1';
    }
    const node = document.createElement('p');
    node.textContent = message;
    node.className = error === undefined ? 'routine' : 'error';
    if (error === undefined) {
      node.dataset['young'] = '1';
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        delete node.dataset['young'];
        const said = this.#said.find((s) => s.node === node);
        if (said && node.dataset['old']) this.#remove(said);
      }, HEARD_MS);
      this.#timers.add(timer);
    }
    this.#said.push({ node, error });
    this.#place();
    this.#host.requestUpdate();
  }

  /** The error said under `key` is over (or dismissed): it is no longer shown. Without a key: every error. */
  resolve(key?: string): void {
    for (const s of this.#said.filter((s) => s.error !== undefined && (key === undefined || s.error === key))) this.#remove(s);
  }

  hostUpdated(): void {
    // The host may have rendered the region afresh: put the messages in it.
    this.#place();
  }

  hostDisconnected(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  #remove(said: Said): void {
    this.#said = this.#said.filter((s) => s !== said);
    said.node.remove();
    this.#host.requestUpdate();
  }

  #place(): void {
    const region = this.#region();
    // Only nodes not in place yet are added: a node moved would be heard again.
    if (region) for (const { node } of this.#said) if (node.parentNode !== region) region.append(node);
  }
}
