import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { useDemoPage } from './demo-session';
import { eventually } from './poll';

let page: Page;
useDemoPage((p) => (page = p));

const dir = mkdtempSync(join(tmpdir(), 'tadamon-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pdfText = (name: string, bytes: Buffer) => {
  writeFileSync(join(dir, name), bytes);
  return execFileSync('pdftotext', ['-layout', join(dir, name), '-'], { encoding: 'utf8' });
};

describe('funder pack of the demo agreement, in Chromium', () => {
  it('carries the indicator report, the attendance sheets and the financial report printed by the app, listed in its index', async () => {
    await page.evaluate(() => {
      window.location.hash = '#/reports';
    });
    const select = page.getByLabel('Convention de financement');
    await eventually(() => select.locator('option').count()).toBeGreaterThan(1);
    await select.selectOption((await select.locator('option', { hasText: 'ENABEL-MOR-2025-014' }).getAttribute('value'))!);
    const packs = page.getByRole('table', { name: 'Dossiers pour le bailleur' });
    const first = packs.getByRole('row').nth(1);
    await first.waitFor();
    expect(await first.textContent()).toContain('Rapport intermédiaire');

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      first.getByRole('button', { name: 'Préparer le dossier' }).click(),
    ]);
    const path = join(dir, download.suggestedFilename());
    await download.saveAs(path);
    expect(download.suggestedFilename()).toMatch(/^ENABEL-MOR-2025-014-\d{4}-\d{2}-\d{2}\.zip$/);
    const archive = await JSZip.loadAsync(readFileSync(path));
    const names = Object.keys(archive.files);
    expect(names).toContain('01-rapport-indicateurs.pdf');
    const sheets = names.filter((n) => /^02-feuilles-de-presence\/A-\d{4}-\d{5}\.pdf$/.test(n));
    expect(sheets.length).toBeGreaterThan(0);

    const report = pdfText('report.pdf', await archive.file('01-rapport-indicateurs.pdf')!.async('nodebuffer'));
    expect(report).toContain('ENABEL-MOR-2025-014');
    expect(report).toContain('Cibles et réalisations');
    expect(report).toContain('Personnes touchées');
    const sheet = pdfText('sheet.pdf', await archive.file(sheets[0])!.async('nodebuffer'));
    expect(sheet).toContain('Nom et prénom');
    expect(sheet).toContain('Signature');
    expect(sheet).toMatch(/[\u0600-\u06FF\uFB50-\uFDFF\uFE70-\uFEFF]/);
    const financial = pdfText('financial.pdf', await archive.file('03-rapport-financier.pdf')!.async('nodebuffer'));
    expect(financial).toContain('Rapport financier — ENABEL-MOR-2025-014');
    expect(financial).toContain('Reçu du bailleur');

    const index = await archive.file('00-index.txt')!.async('string');
    for (const name of ['01-rapport-indicateurs.pdf', ...sheets, '03-rapport-financier.pdf']) expect(index).toContain(name);
    expect(index).not.toContain('n’ont pas pu être produits');
    await eventually(() => first.textContent()).toContain('Préparé le');
  });
});
