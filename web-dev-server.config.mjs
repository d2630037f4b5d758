// `npx wds --config web-dev-server.config.mjs`: serves the sources (a fixture page) with TypeScript, howler through the CommonJS plugin and Range
// requests answered with 206 so that the audio can seek (see ../shared/PLATFORM.md).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import range from 'koa-range';
import { fileURLToPath } from 'node:url';

const commonjs = fromRollup(rollupCommonjs);

export default {
  nodeResolve: true,
  open: false,
  watch: false,
  middleware: [range],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    commonjs({ include: /node_modules\/howler\//, strictRequires: false }),
  ],
};
