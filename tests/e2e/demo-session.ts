import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, newPage, signInToDemo, startWebBridge, type RunningBridge } from './harness';

/**
 * For a test file that works in the demo association: starts the web bridge and Chromium before
 * its tests, signs in as the demo president, hands the page over, and cleans up afterwards.
 */
export function useDemoPage(receive: (page: Page) => void): void {
  let bridge: RunningBridge | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    bridge = await startWebBridge();
    browser = await launchChromium();
    const page = await newPage(browser, bridge);
    await signInToDemo(page);
    await page.getByRole('heading', { name: 'Bénéficiaires' }).waitFor();
    receive(page);
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.stop();
  });
}
