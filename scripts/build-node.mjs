// Bundles the Node side: the Electron main process, its sandboxed preload, and the web bridge.
// The native SQLite addon stays external: each runtime loads its own build of it.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * i18n-iso-countries' Node entry registers every language it has (a fifth of the bundle); its
 * plain entry registers none, and the modules that name countries register fr, ar and en themselves.
 */
const countriesWithoutLanguages = {
  name: 'countries-without-languages',
  setup(b) {
    b.onResolve({ filter: /^i18n-iso-countries$/ }, () => ({ path: require.resolve('i18n-iso-countries/index.js') }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  loader: { '.sql': 'text' },
  logLevel: 'warning',
  plugins: [countriesWithoutLanguages],
};

// Chunk names carry a hash: the previous build's would otherwise pile up beside the new ones.
rmSync('dist/web/chunks', { recursive: true, force: true });

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main/main.ts'],
    outfile: 'dist/electron/main.cjs',
    format: 'cjs',
    // CommonJS has no import.meta; the one reader (db/integrity.ts) uses `require` here instead.
    define: { 'import.meta.url': 'undefined' },
    external: ['electron', 'better-sqlite3-multiple-ciphers'],
  }),
  build({
    ...common,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
  build({
    ...common,
    // The core runs in a worker thread of the server (electron/web/core-thread.ts): its own entry.
    entryPoints: { server: 'electron/web/main.ts', 'core-worker': 'electron/web/core-worker.ts' },
    outdir: 'dist/web',
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // Bundled CommonJS packages (exceljs) still call require() for Node built-ins.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    // A development package, loaded only where a Chromium is there to print (render-pdf.ts).
    external: ['better-sqlite3-multiple-ciphers', 'playwright-core'],
  }),
]);
