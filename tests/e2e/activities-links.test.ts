import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoPage } from './demo-session';
import { callOp } from './harness';

let page: Page;
useDemoPage((p) => (page = p));

const go = (hash: string) =>
  page.evaluate((h) => {
    window.location.hash = h;
  }, hash);

describe('activities linked to grants and members, in Chromium', () => {
  it('shows the demo agreement on a funded activity and prints its funder on the sheet', async () => {
    await go('#/activities');
    await page.getByRole('searchbox', { name: 'Rechercher' }).fill('Vivre ensemble');
    await page.getByRole('link', { name: 'Vivre ensemble au quartier' }).click();
    await page.getByText(/^Convention ENABEL-MOR-2025-014 — Inclusion socio-économique/).waitFor();

    await page.getByRole('button', { name: /^Autres actions pour la séance du/ }).first().click();
    await page.getByRole('menuitem', { name: /^Feuille à imprimer du/ }).click();
    await page.getByRole('heading', { name: 'Feuille de présence à imprimer' }).waitFor();
    const dir = mkdtempSync(join(tmpdir(), 'tadamon-sheet-'));
    try {
      writeFileSync(join(dir, 'sheet.pdf'), await page.pdf({ format: 'A4' }));
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'sheet.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('ENABEL-MOR-2025-014');
      // Beside the funder logos, in a narrow column: the name may wrap.
      expect(text.replace(/\s+/g, ' ')).toMatch(/Enabel — Agence belge de (.* )?développement/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('registers a member who has no beneficiary record: the record is made, linked, and says "also a member"', async () => {
    const member = await callOp(page, 'members.save', { firstName: 'Zineb', lastName: 'Tahiri', sex: 'female', birthDate: '1979-02-14', joinDate: '2025-01-15', phones: ['0661998877'] });
    const activity = await callOp(page, 'activities.save', { title: 'Atelier des membres', type: 'workshop', theme: 'employability' });
    await go(`#/activities/${activity.id}`);
    await page.getByRole('tab', { name: /Participants/ }).click();
    await page.getByRole('searchbox', { name: /Rechercher une personne/ }).fill('Tahiri');
    await page.getByRole('button', { name: 'Inscrire le membre Zineb Tahiri' }).click();
    const form = page.getByRole('form', { name: `Inscrire Zineb Tahiri, membre n° ${member.number}` });
    await form.getByRole('combobox', { name: /Catégorie/ }).click();
    await page.getByRole('option').first().click();
    await form.getByRole('combobox', { name: /Nationalité/ }).fill('Maroc');
    await page.getByRole('option', { name: 'Maroc' }).click();
    await form.getByRole('checkbox', { name: /consent aujourd'hui/ }).check();
    await form.getByRole('button', { name: 'Créer la fiche et inscrire' }).click();
    const table = page.getByRole('table', { name: 'Participants inscrits' });
    await table.getByText('Zineb Tahiri').waitFor();

    const { member: linked } = await callOp(page, 'members.get', { id: member.id });
    expect(linked.beneficiaryId).not.toBeNull();
    await go(`#/beneficiaries/${linked.beneficiaryId}`);
    await page.getByText('Aussi membre de l’association :').waitFor();
    await page.getByRole('link', { name: `Zineb Tahiri (n° ${member.number})` }).click();
    await page.waitForURL(new RegExp(`#/members/${member.id}$`));
  });
});
