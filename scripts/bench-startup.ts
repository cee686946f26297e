// Part of `npm run bench` (scripts/bench.ts): what starting the app costs before anyone signs in.
// The renderer's initial JavaScript is read from the build; the launch is the web bridge started
// and a running Chromium sent to it, until the welcome screen is painted (the browser itself
// stands for Electron's window, so its own start is not counted). Needs `npm run build` and Chromium.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../electron/web/chromium-args';
import { CHROMIUM, launchChromium, startWebBridge, type RunningBridge } from '../tests/e2e/harness';
import { median } from './bench-stats';

export interface StartupBenchResult {
  name: string;
  value: number;
  unit: string;
  target: number;
}

const RENDERER = 'dist/renderer';
const LAUNCHES = 3;
const VIEWPORT = { width: 1280, height: 800 };

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

/** One launch: the bridge started, a page opened on it by `open`, until the welcome screen is painted. */
async function launchOnce(open: (bridge: RunningBridge) => Promise<Page>, port = 0): Promise<number> {
  const start = performance.now();
  const bridge = await startWebBridge(port);
  try {
    const page = await open(bridge);
    await page.getByRole('button', { name: "Essayer l'association de démonstration" }).waitFor();
    await page.evaluate(() => new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0))));
    const ms = performance.now() - start;
    await page.close();
    return ms;
  } finally {
    await bridge.stop();
  }
}

/** A port nobody listens on now: the bridge is started on it launch after launch, so the page's origin (and its cache) stays the same, as app:// does in Electron. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  await new Promise((closed) => server.close(closed));
  return port;
}

/**
 * The first launch after installing: a browser profile with nothing in it, so every script is
 * compiled. Printed, not a target: it happens once.
 */
async function firstLaunches(): Promise<number[]> {
  const browser = await launchChromium();
  try {
    const launches: number[] = [];
    for (let i = 0; i < LAUNCHES; i++) {
      const context = await browser.newContext({ locale: 'fr-FR', viewport: VIEWPORT });
      launches.push(await launchOnce((bridge) => bridge.openPage(context)));
      await context.close();
    }
    return launches;
  } finally {
    await browser.close();
  }
}

/**
 * Every other launch: the same profile as the launch before, as Electron keeps it, with the code
 * V8 compiled then (the app:// scheme has the code cache privilege). Chromium keeps a script's code
 * from its second load on, so two launches come first, unmeasured.
 */
async function everydayLaunches(): Promise<number[]> {
  const profile = mkdtempSync(join(tmpdir(), 'tadamon-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, locale: 'fr-FR', viewport: VIEWPORT });
  try {
    const port = await freePort();
    const launches: number[] = [];
    for (let i = 0; i < 2 + LAUNCHES; i++) {
      const ms = await launchOnce((bridge) => bridge.openPage(context), port);
      if (i >= 2) launches.push(ms);
    }
    return launches;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
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
  const first = await firstLaunches();
  console.log(`first launch after install (nothing cached) → welcome screen painted: ${first.map((ms) => ms.toFixed(0)).join(', ')} ms, median ${median(first).toFixed(0)} ms`);
  const everyday = await everydayLaunches();
  console.log(`everyday launch → welcome screen painted: ${everyday.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  results.push({
    name: `launch → sign-in screen painted (web bridge + Chromium, the profile kept from the last launch), median of ${LAUNCHES}`,
    value: median(everyday),
    unit: 'ms',
    target: 1000,
  });
  return results;
}
