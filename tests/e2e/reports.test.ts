import ExcelJS from 'exceljs';
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

const dir = mkdtempSync(join(tmpdir(), 'tadamon-reports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pdfText = async (name: string) => {
  writeFileSync(join(dir, name), await page.pdf({ format: 'A4' }));
  return execFileSync('pdftotext', ['-layout', join(dir, name), '-'], { encoding: 'utf8' });
};

/** Clicks, waits for the download the click starts, and returns the saved file's bytes. */
async function download(click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

let reached = 0;

describe('indicator report of the demo association, in Chromium', () => {
  it('shows the report for a period with the people reached, disaggregated', async () => {
    await page.evaluate(() => {
      window.location.hash = '#/reports?from=2020-01-01&to=2030-12-31';
    });
    await page.getByRole('heading', { name: 'Rapports', level: 1 }).waitFor();
    const summary = page.getByRole('table', { name: 'Personnes touchées' }).first();
    await summary.waitFor();
    const cell = summary.getByRole('row').nth(1).getByRole('cell').nth(1);
    reached = Number((await cell.textContent())?.replace(/\D/g, ''));
    expect(reached).toBeGreaterThan(10);
    await expect(page.getByRole('table', { name: 'Participants et achèvements par thème' }).first().getByRole('row').count()).resolves.toBeGreaterThan(2);
    await expect(page.getByRole('img', { name: 'Par tranche d’âge et sexe' }).first().isVisible()).resolves.toBe(true);
  });

  it('downloads the report as XLSX: a cover sheet, one sheet per table, numbers as numbers', async () => {
    const file = await download(() => page.getByRole('button', { name: 'Télécharger en XLSX' }).click());
    expect(file.name).toBe('rapport-indicateurs-2020-01-01-2030-12-31.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets[0].name).toBe('Rapport d’indicateurs');
    expect(workbook.worksheets.map((w) => w.name)).toContain('1. Personnes touchées');
    const cover = workbook.worksheets[0].getSheetValues().flat();
    expect(cover).toEqual(expect.arrayContaining([new Date('2020-01-01T00:00:00.000Z'), new Date('2030-12-31T00:00:00.000Z'), 'Personne touchée', 'Africa/Casablanca']));
    const people = workbook.getWorksheet('1. Personnes touchées')!;
    expect(people.getRow(3).values).toEqual([undefined, 'Personnes touchées', reached]);
    expect(people.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    // The detail by sex, age, category, nationality and city has groups of fewer than 5 people:
    // the file shows them as "< 5", never their number, and keeps the true total.
    const detail = workbook.worksheets.find((w) => String(w.getCell('A1').value).startsWith('Détail'))!;
    const people5 = detail.getColumn(6).values.slice(3);
    expect(people5).toContain('< 5');
    expect(people5.filter((v) => typeof v === 'number' && v > 0 && v < 5)).toEqual([]);
    expect(people5.at(-1)).toBe(reached);
  });

  it('prints the report alone to PDF, in French, in English, then in Arabic', async () => {
    const fr = await pdfText('report-fr.pdf');
    expect(fr).toContain('Rapport d’indicateurs');
    expect(fr).toContain('Personnes touchées');
    expect(fr).toContain('Définitions');
    expect(fr).toMatch(new RegExp(`Personnes touchées\\s+${reached.toLocaleString('fr-MA').replace(/\s/g, '\\s')}`));
    // The app around the report is not printed.
    expect(fr).not.toContain('Télécharger en XLSX');

    await page.getByRole('radiogroup', { name: 'Langue du rapport' }).getByText('English').click();
    await eventually(() => page.getByRole('table', { name: 'People reached' }).count()).toBeGreaterThan(0);
    const en = await pdfText('report-en.pdf');
    expect(en).toContain('Indicator report');
    expect(en).toContain('Participants and completions by theme');
    expect(en).toContain('Members by current status');
    expect(en).toContain('Cooperatives by step reached');

    await page.getByRole('radiogroup', { name: 'Langue du rapport' }).getByText('العربية').click();
    await eventually(() => page.getByRole('table', { name: 'الأشخاص المستفيدون' }).count()).toBeGreaterThan(0);
    const ar = await pdfText('report-ar.pdf');
    // pdftotext wraps right-to-left runs in direction marks and splits shaped words at glyph gaps:
    // compared without them, the Arabic headings are there in reading order.
    const letters = (text: string) => text.replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
    for (const heading of ['تقرير المؤشرات', 'الأشخاص المستفيدون', 'المنخرطون حسب الوضعية الحالية', 'التعاريف']) {
      expect(letters(ar), heading).toContain(letters(heading));
    }
    expect(ar).not.toContain('Indicator report');
  });

  it('reports on the demo agreement: targets against what was achieved, on screen, in the PDF and in the XLSX', async () => {
    await page.evaluate(() => {
      window.location.hash = '#/reports';
    });
    const select = page.getByLabel('Convention de financement');
    await eventually(() => select.locator('option').count()).toBeGreaterThan(1);
    const value = await select.locator('option', { hasText: 'ENABEL-MOR-2025-014' }).getAttribute('value');
    await select.selectOption(value!);
    const targets = page.getByRole('table', { name: 'Cibles et réalisations' }).first();
    await targets.waitFor();
    const rows = targets.getByRole('row');
    await eventually(() => rows.count()).toBe(4);
    // Micro-projets financés: a target of 12, and a number achieved.
    const first = (await rows.nth(1).getByRole('cell').allTextContents()).map((c) => c.trim());
    expect(first[0]).toBe('Micro-projets financés');
    expect(first[1]).toBe('12');
    expect(first[2]).toMatch(/^\d+$/);
    await expect(page.getByRole('img', { name: 'Cibles et réalisations' }).first().isVisible()).resolves.toBe(true);

    const pdf = await pdfText('agreement.pdf');
    // The README picture, only when asked: REPORT_PNG=docs/screenshots/indicator-report.png
    const png = process.env.REPORT_PNG;
    if (png) execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', join(dir, 'agreement.pdf'), png.replace(/\.png$/, '')]);
    expect(pdf).toContain('ENABEL-MOR-2025-014');
    expect(pdf).toContain('Cibles et réalisations');
    expect(pdf).toMatch(/Micro-projets financés\s+12\s+\d+/);

    const file = await download(() => page.getByRole('button', { name: 'Télécharger en XLSX' }).click());
    expect(file.name).toMatch(/^rapport-indicateurs-ENABEL-MOR-2025-014-/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets[0].getSheetValues().flat()).toContain('ENABEL-MOR-2025-014 — Inclusion socio-économique des personnes migrantes dans l’Oriental (Enabel — Agence belge de développement)');
    const sheet = workbook.worksheets.find((w) => w.name.includes('Cibles et réalisations'))!;
    const row = sheet.getRow(3).values as unknown[];
    expect(row.slice(1, 3)).toEqual(['Micro-projets financés', 12]);
    expect(typeof row[3]).toBe('number');
    expect(String(row[3])).toBe(first[2]);
  });

  it('exports the beneficiaries list pseudonymised: no name from the screen in the file', async () => {
    await page.evaluate(() => {
      window.location.hash = '#/beneficiaries';
    });
    await page.getByRole('heading', { name: 'Bénéficiaires', level: 1 }).waitFor();
    const nameCell = (await page.getByRole('table').first().getByRole('row').nth(1).getByRole('cell').nth(1).textContent()) ?? '';
    // The Latin name, without the Arabic one shown beside it.
    const name = nameCell.match(/^[^\u0600-\u06FF]+/)?.[0].trim() ?? '';
    expect(name).toMatch(/\S+ \S+/);
    await page.getByRole('button', { name: 'Exporter' }).click();
    const file = await download(() => page.getByRole('menuitem', { name: 'CSV (points-virgules, Excel en français)', exact: true }).click());
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFFRéférence;Sexe;Tranche d’âge;Catégorie;Nationalité;Ville');
    expect(text).not.toContain(name);
    for (const part of name.split(' ').filter((w) => w.length >= 6)) expect(text).not.toContain(part);
    expect(text.split('\r\n').length).toBeGreaterThan(20);
  });
});
