import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPage, signInToDemo, startWebBridge, type RunningBridge } from './harness';
import { eventually } from './poll';

let bridge: RunningBridge;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  bridge = await startWebBridge();
  browser = await launchChromium();
  page = await newPage(browser, bridge.url);
  await signInToDemo(page);
  await page.getByRole('heading', { name: 'Bénéficiaires' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await bridge?.stop();
});

describe('activities and attendance, in Chromium', () => {
  it('opens a demo activity and marks a past session from the keyboard', async () => {
    await page.evaluate(() => {
      window.location.hash = '#/activities';
    });
    await page.getByRole('heading', { name: 'Activités' }).waitFor();
    await page.getByRole('searchbox', { name: 'Rechercher' }).fill('cycle 1');
    const link = page.getByRole('link', { name: /Prévention de la radicalisation — cycle 1/ });
    await link.click();
    await page.getByRole('tab', { name: /Séances/ }).waitFor();

    // The first session, 26 weeks ago in the demo.
    await page.getByRole('link', { name: /^Saisir les présences du/ }).first().click();
    await page.getByRole('heading', { name: 'Feuille de présence' }).waitFor();

    const rows = () => page.getByRole('table', { name: 'Présences de la séance' }).getByRole('radiogroup');
    const groups = rows();
    await eventually(() => groups.count()).toBeGreaterThan(2);
    const first = groups.nth(0);
    const second = groups.nth(1);
    await first.locator('[tabindex="0"]').focus();
    await page.keyboard.press('a');
    await eventually(() => first.getByRole('radio', { name: 'Absent' }).getAttribute('aria-checked')).toBe('true');
    // A moved the focus to the next row; E marks it excused.
    await page.keyboard.press('e');
    await eventually(() => second.getByRole('radio', { name: 'Excusé' }).getAttribute('aria-checked')).toBe('true');
    // Back up with the arrow and cycle with Space: absent → excused.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Space');
    await eventually(() => first.getByRole('radio', { name: 'Excusé' }).getAttribute('aria-checked')).toBe('true');

    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Présences enregistrées.').waitFor();

    // Read back from the core.
    await page.reload();
    await page.getByRole('heading', { name: 'Feuille de présence' }).waitFor();
    await eventually(() => rows().nth(0).getByRole('radio', { name: 'Excusé' }).getAttribute('aria-checked')).toBe('true');
    await eventually(() => rows().nth(1).getByRole('radio', { name: 'Excusé' }).getAttribute('aria-checked')).toBe('true');
  });

  it('prints the sheet of that session to PDF with French and Arabic headers', async () => {
    await page.getByRole('link', { name: /^Retour à l'activité/ }).click();
    await page.getByRole('link', { name: /^Feuille à imprimer du/ }).first().click();
    await page.getByRole('heading', { name: 'Feuille de présence à imprimer' }).waitFor();
    const pdf = await page.pdf({ format: 'A4' });
    // To look at it (or render it for the README): KEEP_SHEET_PDF=/tmp/sheet.pdf
    if (process.env.KEEP_SHEET_PDF) writeFileSync(process.env.KEEP_SHEET_PDF, pdf);
    const dir = mkdtempSync(join(tmpdir(), 'tadamon-sheet-'));
    try {
      writeFileSync(join(dir, 'sheet.pdf'), pdf);
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'sheet.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('Prévention de la radicalisation');
      expect(text).toContain('Signature');
      expect(text).toContain('Nom et prénom');
      // The app around the sheet is not printed.
      expect(text).not.toContain('Lignes vides');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
