/** What every command-line script does the same way. */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Run `main` when the module at `moduleUrl` is the script Node was started with (not when a test
 * imports it); print only the message of an error, and exit 1.
 */
export function runAsScript(moduleUrl: string, main: () => Promise<unknown>): void {
  if (!process.argv[1] || resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
