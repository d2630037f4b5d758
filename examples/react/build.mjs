// The example's one build step: esbuild bundles the app, React, the wrappers and the elements into
// dist/app.js. There is no dev server; any static server that answers Range requests will do.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/app.tsx'],
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  minify: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
