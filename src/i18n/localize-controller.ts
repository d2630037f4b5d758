import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formats, type Formats } from './formats.js';
import type { TermArgs, TermKey } from './translation.js';
import { loadTranslation, onTranslationChange, termIn, translationReady } from './translations.js';

type Host = ReactiveControllerHost & HTMLElement;

/** The language when no ancestor says one. */
const DEFAULT_LANG = 'en';

/** How long a first render waits for its language's words before it shows English instead. */
const WAIT_FOR_WORDS_MS = 2000;

/** What every Lit element has, though `ReactiveControllerHost` does not say it. */
interface LitHost {
  hasUpdated?: boolean;
  scheduleUpdate?: () => unknown;
}

/**
 * Holds the host's first render until `words` arrive (at most `WAIT_FOR_WORDS_MS`), so that a
 * page in Spanish never flashes English while its dictionary loads. Lit lets an element defer an
 * update from `scheduleUpdate`; the controller does it for its host, once, then steps aside.
 */
function holdFirstRender(host: Host, words: Promise<void>): void {
  const element = host as unknown as LitHost;
  const schedule = element.scheduleUpdate;
  if (element.hasUpdated !== false || typeof schedule !== 'function' || Object.hasOwn(element, 'scheduleUpdate')) return;
  element.scheduleUpdate = async () => {
    await Promise.race([words, new Promise((resolve) => setTimeout(resolve, WAIT_FOR_WORDS_MS))]);
    delete element.scheduleUpdate;
    return schedule.call(element);
  };
}

const connected = new Set<LocalizeController>();
let observer: MutationObserver | undefined;
let stopListening: (() => void) | undefined;

/** Watches `lang` and `dir` on `target` and everything under it (the document, or a shadow root on the way). */
function watch(target: Node): void {
  observer ??= new MutationObserver(() => {
    for (const controller of connected) controller.refresh();
  });
  observer.observe(target, { attributes: true, attributeFilter: ['lang', 'dir'], subtree: true });
}

/**
 * The element carrying `attribute` nearest to `el`, crossing shadow roots up to the document
 * element; every shadow root crossed is watched for changes too.
 */
function nearestWith(el: Element, attribute: 'lang' | 'dir'): Element | null {
  let node: Element = el;
  for (;;) {
    const root = node.getRootNode();
    if (root instanceof ShadowRoot) watch(root);
    const found = node.closest(`[${attribute}]`);
    if (found) return found;
    if (!(root instanceof ShadowRoot)) return null;
    node = root.host;
  }
}

function directionOf(el: Element): 'ltr' | 'rtl' {
  const found = nearestWith(el, 'dir');
  const value = found?.getAttribute('dir')?.toLowerCase();
  if (value === 'rtl') return 'rtl';
  if (value === 'auto') return el.matches(':dir(rtl)') ? 'rtl' : 'ltr';
  return 'ltr';
}

/**
 * Gives an element its words in the language of the page around it: the nearest `lang`
 * attribute, on the element or an ancestor, crossing shadow roots. It follows changes of any
 * `lang` or `dir` attribute on the way (and new translations) by rendering the element again.
 *
 * ```ts
 * readonly #localize = new LocalizeController(this);
 * render() { return html`<button>${this.#localize.term('describe', 'photo')}</button>`; }
 * ```
 */
export class LocalizeController implements ReactiveController {
  readonly #host: Host;
  #lang = DEFAULT_LANG;
  #dir: 'ltr' | 'rtl' = 'ltr';

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  /** The BCP 47 tag of the nearest `lang` (`en` when none says), as written: `es-MX`. */
  get lang(): string {
    return this.#lang;
  }

  /** The element's direction, from the nearest `dir` attribute. */
  get dir(): 'ltr' | 'rtl' {
    return this.#dir;
  }

  /** Numbers, times and sizes in the element's language. */
  get formats(): Formats {
    return formats(this.#lang);
  }

  /** A term in the element's language: `term('play', title, duration)`. */
  term<K extends TermKey>(key: K, ...args: TermArgs<K>): string {
    return termIn(this.#lang, key, ...args);
  }

  hostConnected(): void {
    connected.add(this);
    watch(document.documentElement);
    stopListening ??= onTranslationChange(() => {
      for (const controller of connected) controller.#host.requestUpdate();
    });
    this.refresh();
    if (!translationReady(this.#lang)) holdFirstRender(this.#host, loadTranslation(this.#lang));
  }

  hostDisconnected(): void {
    connected.delete(this);
  }

  /** Before each render: the words are always those of where the element is now. */
  hostUpdate(): void {
    this.#read();
  }

  /** Reads the language and direction again, and renders the element again if either changed. */
  refresh(): void {
    if (this.#read()) this.#host.requestUpdate();
  }

  /** Whether the language or the direction changed. */
  #read(): boolean {
    const lang = nearestWith(this.#host, 'lang')?.getAttribute('lang')?.trim() || DEFAULT_LANG;
    const dir = directionOf(this.#host);
    if (lang === this.#lang && dir === this.#dir) return false;
    this.#lang = lang;
    this.#dir = dir;
    return true;
  }
}
