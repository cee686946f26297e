import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoPage } from './demo-session';
import { eventually } from './poll';

let page: Page;
useDemoPage((p) => (page = p));

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Accueil');
  sheet.addRow(['Association Amal — accueil de novembre']);
  sheet.mergeCells('A1:F1');
  sheet.addRow([]);
  sheet.addRow(['N°', 'Nom et prénom', 'Sexe', 'Date de naissance', 'Nationalité', 'Téléphone']);
  sheet.addRow([1, 'ZOLA Prudence', 'Fém', new Date(Date.UTC(1996, 3, 14)), 'Congolais', '0611220011']);
  sheet.addRow([2, 'MAKOSSO Divine', 'Fém', '29/02/2001', 'Congo Brazzaville', '0611220012']);
  sheet.addRow([3, 'NGOMA Christ', 'H', '1990', 'Congolais', '0611220013']);
  sheet.addRow(['Total', null, null, null, null, 3]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const form = (name: string) => page.getByRole('form', { name });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The values for the whole batch and the paper consent, up to "Continuer". */
async function mapWithBatch() {
  const mapping = form('Correspondance des colonnes');
  await mapping.waitFor();
  await mapping.getByLabel('Toutes ces personnes — Catégorie').selectOption({ label: 'Migrant subsaharien' });
  await mapping.getByLabel('Toutes ces personnes ont signé le formulaire de consentement papier').check({ force: true });
  await mapping.getByRole('textbox', { name: /Date de signature du consentement/ }).fill('20/11/2026');
  await mapping.getByRole('button', { name: 'Continuer' }).click();
}

describe('importing an association’s own Excel list, in Chromium', () => {
  it('imports an XLSX with a title line through batch values and value matching, then the fixed rejected rows', async () => {
    await page.evaluate(() => (window.location.hash = '#/beneficiaries/import'));
    await page.getByLabel('Fichier à importer').setInputFiles({ name: 'accueil novembre.xlsx', mimeType: XLSX, buffer: await workbook() });
    const mapping = form('Correspondance des colonnes');
    await mapping.waitFor();
    const headerRow = page.getByLabel(/Ligne des titres de colonnes/);
    expect(await headerRow.locator('option:checked').innerText()).toContain('Ligne 3 : N° | Nom et prénom');
    const split = page.getByRole('table', { name: 'Découpage des noms complets (premières lignes)' });
    expect(await split.getByRole('row').nth(1).innerText()).toMatch(/ZOLA Prudence\s+ZOLA\s+Prudence/);

    await mapWithBatch();
    const values = form('Valeurs à faire correspondre');
    await values.waitFor();
    expect(await values.getByLabel('Nationalité « Congolais » correspond à').inputValue()).toBe('CD');
    await values.getByLabel('Sexe « Fém » correspond à').selectOption({ label: 'Femme' });
    await values.getByRole('button', { name: 'Importer' }).click();

    await eventually(() => page.getByText('Import terminé').isVisible()).toBe(true);
    const imported = page.locator('dt', { hasText: 'Personnes importées' }).locator('xpath=following-sibling::dd');
    expect(await imported.innerText()).toBe('2');
    const rejected = page.getByRole('table', { name: 'Lignes rejetées' });
    expect(await rejected.innerText()).toContain("29/02/2001 : cette date n'existe pas (2001 n'est pas une année bissextile).");
    expect(await page.getByRole('table', { name: 'Lignes ignorées (totaux, notes)' }).innerText()).toContain('Total');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger les lignes rejetées (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('lignes-rejetees-accueil novembre.csv');
    const path = join(mkdtempSync(join(tmpdir(), 'tadamon-import-')), 'rejected.csv');
    await download.saveAs(path);
    const text = readFileSync(path, 'utf8');
    expect(text.split('\r\n').slice(0, 2)).toEqual([
      '\uFEFFN°;Nom et prénom;Sexe;Date de naissance;Nationalité;Téléphone;Motif du rejet',
      "2;MAKOSSO Divine;Fém;29/02/2001;Congo Brazzaville;0611220012;Date de naissance : 29/02/2001 : cette date n'existe pas (2001 n'est pas une année bissextile).",
    ]);

    // Fixed in the spreadsheet and imported again as it is: "Fém" is remembered, no question asked.
    await page.getByRole('button', { name: 'Importer un autre fichier' }).click();
    const fixed = Buffer.from(text.replace('29/02/2001', '28/02/2001'));
    await page.getByLabel('Fichier à importer').setInputFiles({ name: 'corrige.csv', mimeType: 'text/csv', buffer: fixed });
    await mapWithBatch();
    await eventually(() => page.getByText('Import terminé').isVisible()).toBe(true);
    expect(await imported.innerText()).toBe('1');
    expect(await page.getByRole('table', { name: 'Lignes rejetées' }).count()).toBe(0);

    await page.evaluate(() => (window.location.hash = '#/beneficiaries'));
    await page.getByRole('searchbox', { name: 'Rechercher' }).fill('Makosso');
    const list = page.getByRole('table', { name: 'Liste des bénéficiaires' });
    await eventually(async () => (await list.innerText()).includes('Divine MAKOSSO')).toBe(true);
  });
});
