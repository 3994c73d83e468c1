// Builds the command into one file, dist/fos/fos.js (with its helper thread's script beside
// it, dist/fos/helperWorker.js, and the small start that bin/fos.js imports,
// dist/fos/launch.js: src/cli/launch.ts), after tsc has checked the sources and written dist/ for the
// library entry: at start-up node then resolves and links one module of fos instead of some
// sixty (bench/NOTES.md). The small ES-module dependencies some commands use at once
// (chalk, cli-table3, simple-statistics) go into the bundle too, so they are set up only
// when first used, not at every start; the others stay outside and load when used.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await build({
  entryPoints: { launch: join(root, 'src/cli/launch.ts'), fos: join(root, 'src/cli/bin.ts'), helperWorker: join(root, 'src/parallel/helperWorker.ts') },
  outdir: join(root, 'dist/fos'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['commander', 'csv-parse', 'csv-stringify', 'iconv-lite', 'vega', 'vega-lite', 'write-excel-file'],
  logLevel: 'warning',
});
