import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, newPage, signInToDemo, startWebBridge, type RunningBridge } from './harness';

/**
 * For a test file that works in the demo association: starts the web bridge and Chromium before
 * its tests, signs in as the demo president, hands the page over, and cleans up afterwards.
 * `viewport` is the window's size (1366×768 for the layout checks of an office laptop).
 */
export function useDemoPage(receive: (page: Page) => void, viewport?: { width: number; height: number }): void {
  let bridge: RunningBridge | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    bridge = await startWebBridge();
    browser = await launchChromium();
    const page = await newPage(browser, bridge, 'fr-FR', viewport);
    await signInToDemo(page);
    await page.getByRole('heading', { name: /^Bonjour, /, level: 1 }).waitFor();
    // The suites start from the people's list, one step past the home page.
    await page.evaluate(() => {
      window.location.hash = '#/beneficiaries';
    });
    await page.getByRole('heading', { name: 'Bénéficiaires', level: 1 }).waitFor();
    receive(page);
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.stop();
  });
}
