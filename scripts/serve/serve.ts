/**
 * Serve a built site on localhost with @web/dev-server, answering Range requests (206) so the
 * browser can seek in the episode audio. Used by `npm start` and by the end-to-end tests.
 *
 * npm start  →  http://localhost:8000 (or PORT)
 */
import { startDevServer } from '@web/dev-server';
import range from 'koa-range';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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

export async function serveSite(rootDir: string, port?: number): Promise<SiteServer> {
  const chosen = port ?? (await freePort());
  const server = await startDevServer({
    config: { rootDir: resolve(rootDir), port: chosen, hostname: '127.0.0.1', middleware: [range], watch: false },
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

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? 'dist';
  serveSite(root, Number(process.env['PORT'] ?? 8000))
    .then((server) => console.log(`Serving ${root} at ${server.url} (Ctrl+C stops)`))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
