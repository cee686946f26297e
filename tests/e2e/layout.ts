import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const TEXT_HOLDERS = 'button .mantine-Button-label, .mantine-Badge-label, h1, h2, p, a, label';

/** The screen fits its window: no sideways scroll of the page, and no visible text holder whose text is cut. */
export async function expectFits(page: Page, holders = TEXT_HOLDERS): Promise<void> {
  const overflow = await page.evaluate((selector) => {
    const root = document.scrollingElement ?? document.documentElement;
    const clipped = Array.from(document.querySelectorAll(selector))
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${location.hash}: ${el.textContent}`);
    return { page: root.scrollWidth - root.clientWidth, clipped };
  }, holders);
  expect(overflow).toEqual({ page: 0, clipped: [] });
}

/** Goes to a page by its address and waits for its heading and its data. */
export async function visit(page: Page, hash: string, heading: string | RegExp): Promise<void> {
  await page.evaluate((target) => (window.location.hash = target), hash);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');
}

/** No part of the page scrolls sideways inside itself either (a board whose last columns hide off screen). */
export async function expectNoInnerSidewaysScroll(page: Page): Promise<void> {
  const scrolling = await page.evaluate(() =>
    Array.from(document.querySelectorAll('main *'))
      .filter((el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${location.hash}: ${el.className}`),
  );
  expect(scrolling).toEqual([]);
}
