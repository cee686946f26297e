// `npm run screenshots`: the README's pictures of the app, taken in Debian Chromium through the
// web bridge with the demo association (needs `npm run build` first, which the npm script does).
import { mkdirSync } from 'node:fs';
import { launchChromium, newPage, signInToDemo, startWebBridge } from '../tests/e2e/harness';

const OUT = 'docs/screenshots';
mkdirSync(OUT, { recursive: true });

const bridge = await startWebBridge();
const browser = await launchChromium();
try {
  const page = await newPage(browser, bridge);
  await signInToDemo(page);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${OUT}/shell-fr.png` });

  await page.locator('label', { hasText: 'العربية' }).first().click();
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${OUT}/shell-ar.png` });
  // Leave the demo user in French for the next run.
  await page.locator('label', { hasText: 'Français' }).first().click();
  console.log(`Screenshots written to ${OUT}/shell-fr.png and ${OUT}/shell-ar.png`);
} finally {
  await browser.close();
  await bridge.stop();
}
