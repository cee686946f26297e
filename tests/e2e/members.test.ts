import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoPage } from './demo-session';
import { labelled } from './harness';
import { eventually } from './poll';

let page: Page;
useDemoPage((p) => (page = p));

const year = new Date().getFullYear();

describe('members and dues, in Chromium', () => {
  it('adds a member, records a dues payment and prints its receipt to PDF', async () => {
    await page.evaluate(() => {
      window.location.hash = '#/members';
    });
    await page.getByRole('heading', { name: 'Membres', level: 1 }).waitFor();
    await eventually(() => page.getByRole('table', { name: 'Liste des membres' }).getByRole('row').count()).toBeGreaterThan(10);

    await page.getByRole('link', { name: 'Nouveau membre' }).click();
    await labelled(page, 'Prénom').fill('Salma');
    await labelled(page, 'Nom').fill('Berrada');
    await labelled(page, 'Nom en arabe').fill('سلمى برادة');
    await labelled(page, 'Téléphones').fill('0661 23 45 67');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByRole('heading', { name: 'Salma Berrada' }).waitFor();
    const number = (await page.getByText(/^Membre n° /).textContent())?.replace('Membre n° ', '') ?? '';
    expect(number).toMatch(/^\d+$/);

    // The demo's fee for this year is 100 MAD: the form offers what is still due.
    await page.getByRole('button', { name: 'Enregistrer un paiement' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paiement de cotisation' });
    await eventually(() => dialog.getByRole('textbox', { name: 'Montant' }).inputValue()).toBe('100 MAD');
    await dialog.getByRole('button', { name: 'Enregistrer et voir le reçu' }).click();
    const title = page.getByRole('heading', { name: new RegExp(`^Reçu R-${year}-\\d{5}$`) });
    await title.waitFor();
    const receiptNumber = ((await title.textContent()) ?? '').replace('Reçu ', '');

    const dir = mkdtempSync(join(tmpdir(), 'tadamon-receipt-'));
    try {
      const pdf = await page.pdf({ format: 'A4' });
      // To look at it: KEEP_RECEIPT_PDF=/tmp/receipt.pdf
      if (process.env.KEEP_RECEIPT_PDF) writeFileSync(process.env.KEEP_RECEIPT_PDF, pdf);
      writeFileSync(join(dir, 'receipt.pdf'), pdf);
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'receipt.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('Reçu de cotisation');
      expect(text).toContain(receiptNumber);
      expect(text).toContain('Salma Berrada');
      expect(text).toContain('Association Tadamon Démo');
      expect(text).toMatch(/100,00\s+MAD/);
      expect(text).toContain(`Cotisation de l’année ${year}`);
      expect(text).toContain(number);
      // The Arabic half of the receipt is there too.
      expect(text).toMatch(/[\u0600-\u06FF]/);
      // The amount in words, the association's address and registration, and the stub it keeps, all on one page.
      expect(text).toContain('cent dirhams');
      expect(text).toContain('14, boulevard Mohammed V');
      expect(text).toContain('118/2016');
      expect(text).toContain('Souche');
      expect(text.split(receiptNumber).length - 1).toBe(2);
      expect(execFileSync('pdfinfo', [join(dir, 'receipt.pdf')], { encoding: 'utf8' })).toMatch(/^Pages:\s+1$/m);
      // The app around the receipt is not printed.
      expect(text).not.toContain('Enregistrer en PDF');
      // The README picture, only when asked: RECEIPT_PNG=docs/screenshots/dues-receipt.png
      const png = process.env.RECEIPT_PNG;
      if (png) execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', join(dir, 'receipt.pdf'), png.replace(/\.png$/, '')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // Back on the member's page: the payment and a zero balance.
    await page.getByRole('link', { name: '← Salma Berrada' }).click();
    const payments = page.getByRole('table', { name: 'Paiements' });
    await payments.getByRole('link', { name: receiptNumber }).waitFor();
    const balances = page.getByRole('table', { name: 'Cotisations par année' });
    await eventually(() => balances.getByRole('row').nth(1).textContent()).toMatch(new RegExp(`^${year}.*100,00\\sMAD.*100,00\\sMAD.*0,00\\sMAD`));
  });

  it('refuses a second payment above what is due until it is confirmed', async () => {
    await page.getByRole('button', { name: 'Enregistrer un paiement' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paiement de cotisation' });
    await dialog.getByRole('textbox', { name: 'Montant' }).fill('50');
    await dialog.getByRole('button', { name: 'Enregistrer et voir le reçu' }).click();
    await dialog.getByRole('checkbox', { name: 'Je confirme ce montant supérieur au reste dû.' }).check();
    await dialog.getByRole('button', { name: 'Enregistrer et voir le reçu' }).click();
    await page.getByRole('heading', { name: new RegExp(`^Reçu R-${year}-\\d{5}$`) }).waitFor();
  });

  it('lists unpaid and partly paid members of the year', async () => {
    await page.evaluate(() => {
      window.location.hash = '#/members/dues';
    });
    await page.getByRole('heading', { name: 'Cotisations impayées' }).waitFor();
    await eventually(() => page.getByRole('table', { name: 'Rien payé' }).getByRole('row').count()).toBeGreaterThan(1);
  });
});
