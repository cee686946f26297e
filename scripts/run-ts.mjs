// Runs a TypeScript script (screenshots, benchmarks) by bundling it with esbuild first, so the
// repo needs no separate TS runtime. Usage: node scripts/run-ts.mjs <file.ts> [args…]
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <file.ts> [args…]');
  process.exit(2);
}
// Inside node_modules so the bundle's external imports resolve against the project's packages.
const cacheDir = resolve('node_modules/.cache');
mkdirSync(cacheDir, { recursive: true });
const outDir = mkdtempSync(join(cacheDir, 'tadamon-run-'));
const outfile = join(outDir, 'script.mjs');
await build({
  entryPoints: [resolve(entry)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Native and tool packages stay outside the bundle; the rest is bundled like the app.
  external: ['better-sqlite3-multiple-ciphers', 'playwright-core', 'esbuild', 'electron'],
  loader: { '.sql': 'text' },
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
process.argv = [process.argv[0], resolve(entry), ...args];
try {
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
