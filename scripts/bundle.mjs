// Builds the command into one file, dist/fos/fos.js (with its helper thread's script beside
// it, dist/fos/helperWorker.js), after tsc has checked the sources and written dist/ for the
// library entry: at start-up node then resolves and links one module of fos instead of some
// sixty (bench/NOTES.md). Dependencies stay outside the bundle and load when used.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await build({
  entryPoints: { fos: join(root, 'src/cli/bin.ts'), helperWorker: join(root, 'src/parallel/helperWorker.ts') },
  outdir: join(root, 'dist/fos'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
