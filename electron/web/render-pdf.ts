import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { isPrintRoute, PRINT_READY_ATTRIBUTE } from '../contract/print-routes';
import { CHROMIUM_ARGS } from './chromium-args';

/**
 * The web bridge's `renderPdf`: where Chromium is installed (development, CI), a headless one
 * opens the bridge's own page and prints it, as the hidden window does in Electron. Each page gets
 * the bridge's session cookie, so it shares the signed-in session and nothing else.
 * playwright-core is a development package: without it, or without Chromium, there is no renderer.
 */
export function createBrowserPdfRenderer(opts: {
  executablePath: string;
  baseUrl: () => string;
  sessionCookie: () => { name: string; value: string };
  timeoutMs?: number;
}) {
  if (!existsSync(opts.executablePath)) return null;
  let browser: Promise<Browser> | null = null;
  const launch = async () => {
    const { chromium } = await import('playwright-core');
    return chromium.launch({
      executablePath: opts.executablePath,
      args: CHROMIUM_ARGS,
    });
  };
  return {
    async render(route: string): Promise<Uint8Array> {
      if (!isPrintRoute(route)) throw new Error('not a printable route');
      browser ??= launch();
      const context = await (await browser).newContext();
      try {
        await context.addCookies([{ ...opts.sessionCookie(), url: opts.baseUrl(), httpOnly: true, sameSite: 'Strict' }]);
        const page = await context.newPage();
        await page.goto(`${opts.baseUrl()}#${route}`);
        // A selector and a function, not PRINT_READY_CHECK's text: the page's CSP forbids eval.
        await page.waitForSelector(`[${PRINT_READY_ATTRIBUTE}]`, { state: 'attached', timeout: opts.timeoutMs ?? 30_000 });
        // Runs in the page; this side is typed without the DOM.
        await page.evaluate(() => (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready.then(() => undefined));
        return await page.pdf({ printBackground: true, preferCSSPageSize: true });
      } finally {
        await context.close();
      }
    },
    async close(): Promise<void> {
      if (browser) await (await browser.catch(() => null))?.close();
    },
  };
}
