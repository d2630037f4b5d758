/**
 * Serve a built site on localhost with @web/dev-server, answering Range requests (206) so the
 * browser can seek in the episode audio. Used by `npm start` and by the end-to-end tests.
 *
 * npm start  →  http://localhost:8000 (or PORT)
 */
import { startDevServer } from '@web/dev-server';
import type { Middleware } from 'koa';
import range from 'koa-range';
import { runAsScript } from '../cli.js';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

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
}

export async function serveSite(rootDir: string, options: ServeOptions = {}): Promise<SiteServer> {
  const chosen = options.port ?? (await freePort());
  const server = await startDevServer({
    config: { rootDir: resolve(rootDir), port: chosen, hostname: '127.0.0.1', middleware: [...(options.middleware ?? []), range], watch: false },
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
