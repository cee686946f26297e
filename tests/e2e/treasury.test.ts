import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { useDemoPage } from './demo-session';
import { labelled } from './harness';
import { eventually } from './poll';

let page: Page;
useDemoPage((p) => (page = p));

const dir = mkdtempSync(join(tmpdir(), 'tadamon-treasury-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const today = new Date().toISOString().slice(0, 10);
/** Amounts as the page shows them, without group separators and currency signs. */
const compact = (text: string | null) => (text ?? '').replace(/[\s\u00a0\u202f.€]|EUR/g, '');
/** "12 345,67" → centimes. */
const centimes = (text: string | null) => Number(compact(text).replace(',', ''));

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function choose(label: RegExp, option: string | RegExp) {
  await page.getByRole('dialog').getByLabel(label).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

async function openReport() {
  await page.evaluate(() => {
    window.location.hash = '#/grants';
  });
  await page.getByRole('link', { name: /^ENABEL-MOR-2025-014/ }).first().click();
  await page.getByRole('tab', { name: 'Tranches du bailleur' }).click();
  await page.getByRole('link', { name: 'Rapport financier' }).click();
  await page.getByRole('heading', { name: /^Rapport financier — ENABEL-MOR-2025-014/ }).waitFor();
  return readFigures();
}

async function readFigures() {
  const figure = async (name: string) => centimes(await page.locator(`[data-figure="${name}"]`).textContent());
  return { received: await figure('received'), spent: await figure('spentDirectly'), passedOn: await figure('passedOn'), remaining: await figure('remaining') };
}

describe('the treasurer in Chromium', () => {
  it('records a funder tranche and a direct expense with its receipt, sees the report change, and prints it', async () => {
    const before = await openReport();

    await page.getByRole('link', { name: /^ENABEL-MOR-2025-014/ }).click();
    await page.getByRole('tab', { name: 'Tranches du bailleur' }).click();
    await page.getByRole('button', { name: 'Enregistrer une réception' }).first().click();
    const receipt = page.getByRole('dialog');
    await labelled(page, 'Date de réception').fill(today);
    await choose(/^Compte crédité/, /^Banque Populaire/);
    await receipt.getByLabel(/^Montant reçu/).fill('10 000');
    await receipt.getByLabel(/^Taux de la banque/).fill('10,95');
    await receipt.getByRole('button', { name: 'Enregistrer' }).click();
    await receipt.waitFor({ state: 'detached' });

    await page.evaluate(() => {
      window.location.hash = '#/treasury';
    });
    await page.getByRole('button', { name: 'Nouveau mouvement' }).click();
    const entry = page.getByRole('dialog');
    await entry.getByLabel(/^Date/).first().fill(today);
    await choose(/^Compte/, /^Banque Populaire/);
    await entry.getByLabel(/^Montant/).fill('2 190');
    await choose(/^Catégorie/, 'Formateurs et animateurs');
    await entry.getByLabel(/^Nom du tiers/).fill('Formatrice en couture');
    await choose(/^Convention/, /^ENABEL-MOR-2025-014/);
    await choose(/^Ligne budgétaire/, /^A2/);
    await entry.locator('input[type="file"]').setInputFiles({ name: 'facture.png', mimeType: 'image/png', buffer: PNG });
    await entry.getByRole('button', { name: 'Enregistrer' }).click();
    await entry.waitFor({ state: 'detached' });
    const row = page.getByRole('table', { name: 'Journal' }).getByRole('row', { name: /Formatrice en couture/ });
    await row.getByRole('button', { name: 'Pièce' }).waitFor();

    await openReport();
    // 10,000 EUR received; 2,190 MAD at the demo's 10.92 MAD per euro = 200.55 EUR (the page reads the figures again).
    await eventually(async () => (await readFigures()).received - before.received).toBe(10_000_00);
    await eventually(async () => (await readFigures()).spent - before.spent).toBe(200_55);
    const after = await readFigures();
    expect(after.passedOn).toBe(before.passedOn);
    expect(after.remaining).toBe(after.received - after.spent - after.passedOn);

    const pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
    const text = compact(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }));
    expect(text).toContain('Rapportfinancier—ENABEL-MOR-2025-014');
    for (const [label, value] of [
      ['Reçudubailleur', after.received],
      ['Dépensédirectement', after.spent],
      ['Reverséauxsous-bénéficiaires', after.passedOn],
      ['Restedisponible', after.remaining],
    ] as const) {
      const printed = `${Math.floor(value / 100)},${String(value % 100).padStart(2, '0')}`;
      expect(text).toContain(`${label}${printed}`);
    }
  });
});

describe('a transfer between the association\'s accounts, in Chromium', () => {
  async function balances() {
    await page.evaluate(() => {
      window.location.hash = '#/treasury/accounts';
    });
    const table = page.getByRole('table', { name: 'Comptes' });
    await table.waitFor();
    // "1 250,00 MAD" → centimes; a balance below zero may be written with a minus sign.
    const balanceOf = async (name: RegExp) =>
      Number(((await table.getByRole('row', { name }).getByRole('cell').nth(5).textContent()) ?? '').replace(/\u2212/g, '-').replace(/[^\d,-]/g, '').replace(',', ''));
    return { cash: await balanceOf(/^Caisse/), bank: await balanceOf(/^Banque Populaire/) };
  }

  it('moves cash into the bank in one operation: both balances change, their sum does not, and the journal shows a transfer', async () => {
    const before = await balances();
    await page.evaluate(() => {
      window.location.hash = '#/treasury';
    });
    await page.getByRole('button', { name: 'Virement interne' }).click();
    const transfer = page.getByRole('dialog');
    // The cash box into the bank is what the dialog offers first.
    expect(await transfer.getByLabel(/^Du compte/).first().inputValue()).toBe('Caisse');
    expect(await transfer.getByLabel(/^Vers le compte/).first().inputValue()).toMatch(/^Banque Populaire/);
    await transfer.getByLabel(/^Date/).first().fill(today);
    await transfer.getByLabel(/^Montant/).fill('123,45');
    await transfer.getByLabel(/^Référence/).fill('Versement caisse');
    await transfer.getByRole('button', { name: 'Enregistrer' }).click();
    await transfer.waitFor({ state: 'detached' });
    const rows = page.getByRole('table', { name: 'Journal' }).getByRole('row', { name: /Versement caisse/ });
    await eventually(() => rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain('Virement interne');

    const after = await balances();
    expect([after.cash - before.cash, after.bank - before.bank]).toEqual([-123_45, 123_45]);
  });
});
