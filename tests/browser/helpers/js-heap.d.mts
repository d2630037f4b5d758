import type { CDPSession } from 'puppeteer-core';

/** The JS heap in use after a forced garbage collection, in bytes. */
export function jsHeapUsed(cdp: CDPSession): Promise<number>;
/** The heap in use, and split into V8's compiled code and the rest (what the page keeps), in bytes; and the fetch loaders alive. */
export function jsHeapKept(cdp: CDPSession): Promise<{ used: number; code: number; kept: number; loaders: number }>;
