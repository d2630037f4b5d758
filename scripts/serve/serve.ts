/**
 * Serve a built site on localhost with @web/dev-server, answering Range requests (206) so the
 * browser can seek in the episode audio, under the site's strict Content Security Policy (the one
 * the README gives embedders), with text compressed as any production host sends it (brotli or
 * gzip, as the browser accepts). Used by `npm start`, the benchmark and the end-to-end tests.
 *
 * npm start  →  http://localhost:8000 (or PORT)
 */
import { startDevServer } from '@web/dev-server';
import type { Middleware } from 'koa';
import compress from 'koa-compress';
import range from 'koa-range';
import { constants } from 'node:zlib';
import { runAsScript } from '../cli.js';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/**
 * The policy the built site runs under, sent with every response (the service worker's script
 * included, so the worker runs under it too): nothing inline, nothing from another origin, and
 * Trusted Types for every script sink (lit-html's policy `lit-html`, the toolkit's
 * `listen-photo-story`, see src/shared/trusted-types.ts).
 */
export const SITE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
].join('; ');

export interface SiteServer {
  url: string;
  stop(): Promise<void>;
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

export interface ServeOptions {
  /** Port to listen on; a free one when not given. */
  port?: number;
  /** Koa middleware to run before the Range support (tests add their faults here). */
  middleware?: Middleware[];
  /** The Content-Security-Policy header of every response: SITE_CSP unless given; false sends none (pages with inline script, like the no-build example). */
  csp?: string | false;
}

/**
 * Text (pages, scripts, styles, captions, feeds, SVG) compressed; audio and raster pictures, already
 * compressed, left alone (koa-compress asks the `compressible` list). Each chunk is flushed as it
 * comes, so a slow response stays slow rather than arriving at once at its end. Outside the tests'
 * faults, so that a fault cuts or slows the file itself, not its compressed bytes.
 */
const compressText = compress({ threshold: 1024, gzip: { flush: constants.Z_SYNC_FLUSH }, br: { flush: constants.BROTLI_OPERATION_FLUSH } });

export async function serveSite(rootDir: string, options: ServeOptions = {}): Promise<SiteServer> {
  const chosen = options.port ?? (await freePort());
  const csp = options.csp ?? SITE_CSP;
  const policy: Middleware = async (ctx, next) => {
    if (csp) ctx.set('Content-Security-Policy', csp);
    await next();
  };
  const server = await startDevServer({
    config: { rootDir: resolve(rootDir), port: chosen, hostname: '127.0.0.1', middleware: [policy, compressText, ...(options.middleware ?? []), range], watch: false },
    readCliArgs: false,
    readFileConfig: false,
    autoExitProcess: false,
    logStartMessage: false,
  });
  return {
    url: `http://localhost:${chosen}/`,
    stop: async () => {
      await server.stop();
    },
  };
}

runAsScript(import.meta.url, async () => {
  const root = process.argv[2] ?? 'dist';
  const server = await serveSite(root, { port: Number(process.env['PORT'] ?? 8000) });
  console.log(`Serving ${root} at ${server.url} (Ctrl+C stops)`);
});
