// Part of `npm run bench` (scripts/bench.ts): what starting the app costs before anyone signs in.
// The renderer's initial JavaScript is read from the build; the launch is the web bridge started
// and a running Chromium sent to it, until the welcome screen is painted (the browser itself
// stands for Electron's window, so its own start is not counted). Needs `npm run build` and Chromium.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { CHROMIUM, launchChromium, newPage, startWebBridge } from '../tests/e2e/harness';

export interface StartupBenchResult {
  name: string;
  value: number;
  unit: string;
  target: number;
}

const RENDERER = 'dist/renderer';
const LAUNCHES = 3;

/** Every script a module statically imports (`import … from "./x.js"`, `import "./x.js"`), not the `import()` ones. */
const staticImports = (code: string) => [...code.matchAll(/import\s*(?:[^"'()]*?from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)].map((m) => m[1]);

/**
 * The scripts the page loads before anything is shown: those index.html names (module script and
 * modulepreload links) and, through them, everything they import statically. Sizes gzipped.
 */
export function initialScripts(dir = RENDERER): { files: string[]; gzipBytes: number } {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const named = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\.?\/?([^"]+\.js)"/g)].map((m) => join(dir, m[1]));
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const path of staticImports(readFileSync(file, 'utf8'))) visit(join(dirname(file), path));
  };
  named.forEach(visit);
  const files = [...seen];
  return { files, gzipBytes: files.reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0) };
}

async function launchOnce(browser: Browser): Promise<number> {
  const start = performance.now();
  const bridge = await startWebBridge();
  try {
    const page = await newPage(browser, bridge);
    await page.getByRole('button', { name: "Essayer l'association de démonstration" }).waitFor();
    await page.evaluate(() => new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0))));
    const ms = performance.now() - start;
    await page.context().close();
    return ms;
  } finally {
    await bridge.stop();
  }
}

export async function benchStartup(): Promise<StartupBenchResult[]> {
  if (!existsSync(join(RENDERER, 'index.html'))) {
    console.log('startup: skipped (needs `npm run build`)');
    return [];
  }
  const initial = initialScripts();
  console.log(`initial renderer JS: ${initial.files.length} file(s), ${(initial.gzipBytes / 1024).toFixed(0)} KiB gzip`);
  const results: StartupBenchResult[] = [{ name: 'initial renderer JS (gzip)', value: initial.gzipBytes / 1024, unit: 'KiB', target: 350 }];
  if (!existsSync('dist/web/server.mjs') || !existsSync(CHROMIUM)) {
    console.log('launch → sign-in screen painted: skipped (needs Chromium)');
    return results;
  }
  const browser = await launchChromium();
  const launches: number[] = [];
  try {
    for (let i = 0; i < LAUNCHES; i++) launches.push(await launchOnce(browser));
  } finally {
    await browser.close();
  }
  launches.sort((a, b) => a - b);
  console.log(`launch → welcome screen painted: ${launches.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  results.push({ name: `launch → sign-in screen painted (web bridge + Chromium), median of ${LAUNCHES}`, value: launches[1], unit: 'ms', target: 1000 });
  return results;
}
