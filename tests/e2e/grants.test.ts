import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoPage } from './demo-session';
import { labelled } from './harness';
import { eventually } from './poll';

let page: Page;
useDemoPage((p) => (page = p));

const iso = (daysFromToday: number) => new Date(Date.now() + daysFromToday * 86_400_000).toISOString().slice(0, 10);
/** Amounts as the page shows them, without the group separators Intl puts (dots in fr-MA, narrow spaces). */
const compact = (text: string | null) => (text ?? '').replace(/[\s\u00a0\u202f.]/g, '');

async function choose(scope: Page | Locator, label: string, option: string | RegExp) {
  await scope.getByLabel(new RegExp(`^${label}\\s*\\*?$`)).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

const REFERENCE = 'E2E-CASCADE-01';
const APPLICANTS = [
  { recipient: 'Association Amal pour la femme migrante', project: 'Jardin partagé', score: '17' },
  { recipient: 'Association Nour Berkane', project: 'Cours de cuisine', score: '14' },
  { recipient: 'Espace Jeunes Sans Frontières', project: 'Radio de quartier', score: '9' },
];

describe('cascade grants, in Chromium', () => {
  it('creates an agreement with a budget line and a call for proposals', async () => {
    await page.evaluate(() => {
      window.location.hash = '#/grants';
    });
    await page.getByRole('heading', { name: 'Subventions — tableau de bord du trésorier' }).waitFor();
    await page.getByRole('link', { name: 'Nouvelle convention de financement' }).click();
    await choose(page, 'Bailleur', /^Enabel/);
    await labelled(page, 'Référence').fill(REFERENCE);
    await labelled(page, 'Intitulé').fill('Cascade de bout en bout');
    await labelled(page, 'Début').fill(iso(-60));
    await labelled(page, 'Fin').fill(iso(365));
    await labelled(page, 'Montant total').fill('50 000');
    await page.getByRole('button', { name: 'Ajouter une ligne' }).click();
    await page.getByRole('textbox', { name: 'Libellé' }).fill('Micro-projets');
    await page.getByRole('textbox', { name: 'Montant', exact: true }).fill('40 000');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('heading', { name: `${REFERENCE} — Cascade de bout en bout` }).waitFor();

    await page.getByRole('tab', { name: 'Appels à projets' }).click();
    await page.getByRole('button', { name: 'Nouvel appel à projets' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Intitulé/).fill('Appel e2e');
    await dialog.getByLabel(/^Ouverture/).fill(iso(-50));
    await dialog.getByLabel(/^Clôture/).fill(iso(-20));
    await dialog.getByLabel(/^Enveloppe/).fill('30 000');
    await dialog.getByLabel(/^Maximum par projet/).fill('12 000');
    await dialog.getByRole('textbox', { name: 'Critère', exact: true }).fill('Pertinence');
    await dialog.getByRole('textbox', { name: 'Poids', exact: true }).fill('2');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: /^AP-\d{4}-\d{5}$/ }).first().click();
    await page.getByRole('heading', { name: /Appel e2e/ }).waitFor();
  });

  it('scores three applications, ranks them and selects two', async () => {
    for (const a of APPLICANTS) {
      await page.getByRole('button', { name: 'Nouvelle candidature' }).click();
      const dialog = page.getByRole('dialog');
      await choose(dialog, 'Porteur', a.recipient);
      await dialog.getByLabel(/^Projet/).fill(a.project);
      await dialog.getByLabel(/^Montant demandé/).fill('9 000');
      await dialog.getByRole('button', { name: 'Enregistrer' }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    for (const a of APPLICANTS) {
      await page.getByTestId(`application-${a.project}`).getByRole('button', { name: 'Noter' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(/^Évaluateur/).fill('Imane Ouazzani');
      await dialog.getByLabel(/^Pertinence/).fill(a.score);
      await dialog.getByRole('button', { name: 'Enregistrer' }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    const ranking = page.getByRole('table', { name: 'Classement des candidatures' });
    await eventually(async () => (await ranking.getByRole('row').allInnerTexts()).slice(1).map((r) => r.split('\t').slice(0, 3).join(' | '))).toEqual([
      '1 | Association Amal pour la femme migrante | Jardin partagé',
      '2 | Association Nour Berkane | Cours de cuisine',
      '3 | Espace Jeunes Sans Frontières | Radio de quartier',
    ]);
    for (const a of APPLICANTS.slice(0, 2)) {
      await page.getByTestId(`application-${a.project}`).getByRole('button', { name: 'Décider' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('Retenue', { exact: true }).click();
      await dialog.getByRole('button', { name: 'Enregistrer' }).click();
      await dialog.waitFor({ state: 'detached' });
    }
    await page.getByTestId('application-Radio de quartier').getByRole('button', { name: 'Décider' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Rejetée', { exact: true }).click();
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    // A rejection needs its reason: the field says so, nothing is saved.
    await dialog.getByText('Indiquez le motif.').waitFor();
    await dialog.getByLabel(/^Motif/).fill('Hors du champ de l’appel');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('signs the two sub-grants, pays the first tranche, justifies an expense with its scan', async () => {
    for (const a of APPLICANTS.slice(0, 2)) {
      await page.getByTestId(`application-${a.project}`).getByRole('link', { name: 'Établir la sous-subvention' }).click();
      await page.getByRole('heading', { name: /^Nouvelle sous-subvention/ }).waitFor();
      await expect.poll(() => labelled(page, 'Projet').inputValue()).toBe(a.project);
      await labelled(page, 'Début').fill(iso(-15));
      await labelled(page, 'Fin').fill(iso(300));
      await page.getByLabel('Échéance', { exact: true }).fill(iso(-10));
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await page.getByRole('heading', { name: new RegExp(`^SG-\\d{4}-\\d{5} — ${a.project}$`) }).waitFor();
      if (a === APPLICANTS[0]) {
        await page.getByRole('button', { name: 'Verser la tranche 1' }).click();
        const pay = page.getByRole('dialog');
        await pay.getByLabel(/^Référence/).fill('VIR-E2E-1');
        await pay.getByRole('button', { name: 'Enregistrer' }).click();
        await pay.waitFor({ state: 'detached' });

        await page.getByRole('button', { name: 'Ajouter une dépense' }).click();
        const expense = page.getByRole('dialog');
        await expense.getByLabel(/^Date/).fill(iso(-5).split('-').reverse().join('/'));
        await choose(expense, 'Ligne budgétaire', /Micro-projets/);
        await expense.getByLabel(/^Fournisseur/).fill('Pépinière Oujda');
        await expense.getByLabel(/^Montant/).fill('2 345,67');
        await expense.getByLabel(/^Description/).fill('Plants et outils');
        // A text file named .pdf is refused by its content.
        await expense.locator('input[type="file"]').setInputFiles({ name: 'facture.pdf', mimeType: 'application/pdf', buffer: Buffer.from('pas un pdf') });
        await expense.getByRole('button', { name: 'Enregistrer' }).click();
        await expense.getByText(/n’est ni un PDF, ni une image JPEG ou PNG/).first().waitFor();
        await expense.locator('input[type="file"]').setInputFiles({ name: 'facture.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
        await expense.getByRole('button', { name: 'Enregistrer' }).click();
        await expense.waitFor({ state: 'detached' });
        await page.getByRole('button', { name: 'Accepter' }).click();
        await eventually(() => page.locator('[data-figure="justified"]').innerText().then(compact)).toBe('2345,67€');
      }
      await page.getByRole('link', { name: /^Retour à la convention/ }).click();
      await page.getByRole('tab', { name: 'Appels à projets' }).click();
      await page.getByRole('link', { name: /^AP-\d{4}-\d{5}$/ }).first().click();
      await page.getByRole('heading', { name: /Appel e2e/ }).waitFor();
    }
  });

  it('shows the dashboard figures of the agreement', async () => {
    await page.evaluate(() => {
      window.location.hash = '#/grants';
    });
    const section = page.getByTestId(`agreement-${REFERENCE}`);
    const figure = (name: string) => section.locator(`[data-figure="${name}"]`).innerText().then(compact);
    await eventually(() => figure('committed')).toBe('18000,00€');
    expect(await figure('total')).toBe('50000,00€');
    expect(await figure('disbursed')).toBe('9000,00€');
    expect(await figure('justified')).toBe('2345,67€');
    expect(await figure('leftToDisburse')).toBe('9000,00€');
    expect(await figure('leftToJustify')).toBe('6654,33€');
  });

  it('prints the statement of the paid sub-grant to PDF, in French and Arabic', async () => {
    await page.getByTestId(`agreement-${REFERENCE}`).getByRole('link', { name: new RegExp(REFERENCE) }).click();
    await page.getByRole('link', { name: /^SG-\d{4}-\d{5}$/ }).first().click();
    await page.getByRole('link', { name: 'Relevé à signer' }).click();
    await page.getByRole('heading', { name: 'Relevé de la sous-subvention' }).waitFor();
    const dir = mkdtempSync(join(tmpdir(), 'tadamon-statement-'));
    try {
      const pdf = await page.pdf({ format: 'A4' });
      // To look at it: KEEP_STATEMENT_PDF=/tmp/statement.pdf
      if (process.env.KEEP_STATEMENT_PDF) writeFileSync(process.env.KEEP_STATEMENT_PDF, pdf);
      writeFileSync(join(dir, 'statement.pdf'), pdf);
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'statement.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('Relevé de sous-subvention');
      expect(text).toContain('Jardin partagé');
      expect(text).toContain('Pépinière Oujda');
      expect(compact(text)).toContain('9000,00EUR');
      expect(compact(text)).toContain('6654,33EUR');
      expect(text).toContain('Pour le bénéficiaire');
      // The Arabic half is there too (shaped glyphs come out as Arabic letters).
      expect(text).toMatch(/[\u0600-\u06FF]/);
      // The app around the statement is not printed.
      expect(text).not.toContain('Imprimer');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('archives the closed agreement: off the dashboard, back with the archived ones shown, then restored', async () => {
    await page.evaluate(() => {
      window.location.hash = '#/grants';
    });
    await page.getByTestId(`agreement-${REFERENCE}`).getByRole('link', { name: new RegExp(REFERENCE) }).click();
    await page.getByRole('button', { name: 'Archiver (convention close)' }).click();
    await page.getByRole('button', { name: 'Restaurer' }).waitFor();
    await page.getByRole('link', { name: 'Retour aux subventions' }).click();
    await page.getByRole('heading', { name: 'Subventions — tableau de bord du trésorier' }).waitFor();
    await eventually(() => page.getByTestId(`agreement-${REFERENCE}`).count()).toBe(0);
    await page.getByRole('switch', { name: 'Afficher les archivés' }).check();
    const section = page.getByTestId(`agreement-${REFERENCE}`);
    await section.getByText('Archivée').waitFor();
    await section.getByRole('link', { name: new RegExp(REFERENCE) }).click();
    await page.getByRole('button', { name: 'Restaurer' }).click();
    await page.getByRole('button', { name: 'Archiver (convention close)' }).waitFor();
  });
});
