import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../electron/contract';
import { demoStaff } from '../../electron/core/demo/generator';
import { callOp, labelled, launchChromium, newPage, startWebBridge, type RunningBridge } from './harness';
import { expectFits } from './layout';
import { eventually } from './poll';

let bridge: RunningBridge | undefined;
let browser: Browser | undefined;
let page: Page;

const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  bridge = await startWebBridge();
  browser = await launchChromium();
  page = await newPage(browser, bridge, 'fr-FR');
  await page.getByRole('button', { name: "Essayer l'association de démonstration" }).click();
  await page.getByRole('heading', { name: 'Connexion' }).waitFor();
  const treasurer = demoStaff().find((person) => person.role === 'treasurer');
  await page.getByRole('radio', { name: treasurer?.displayName ?? '' }).check({ force: true });
  await labelled(page, 'Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await bridge?.stop();
});

async function choose(label: RegExp, option: string | RegExp) {
  await page.getByRole('dialog').getByLabel(label).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

describe('the treasurer in Chromium', () => {
  it("records a scholarship on a demo person's page: it shows in the person's log and once in the treasury journal", async () => {
    const people = await callOp(page, 'beneficiaries.search', { query: '' });
    // The demo gave services to the first people registered: this one has none yet.
    const person = [...people.rows].sort((a, b) => b.reference.localeCompare(a.reference))[0];
    await page.evaluate((id) => {
      window.location.hash = `#/beneficiaries/${id}`;
    }, person.id);
    const section = page.getByRole('region', { name: 'Services et aides reçus' });
    await section.getByRole('button', { name: 'Enregistrer un service' }).click();
    const dialog = page.getByRole('dialog');
    await choose(/^Service/, 'Bourse de formation');
    await dialog.getByLabel(/^Date/).first().fill(today);
    await dialog.getByLabel(/^Montant/).fill('1 250');
    await choose(/^Payé depuis le compte/, /^Banque Populaire/);
    await dialog.getByLabel(/^Note/).fill('Bourse e2e formation cuisine');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = section.getByRole('row', { name: /Bourse e2e formation cuisine/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Bourse de formation.*1[\s\u202f\u00a0]250,00/);
    expect(await row.textContent()).toContain('Payé depuis : Banque Populaire');

    await page.evaluate(() => {
      window.location.hash = '#/treasury';
    });
    const journal = page.getByRole('table', { name: 'Journal' });
    const entry = journal.getByRole('row', { name: new RegExp(person.reference) });
    await entry.first().waitFor();
    expect(await entry.count()).toBe(1);
    expect(await entry.textContent()).toMatch(/Service à une personne/);
    expect(await entry.textContent()).toMatch(/1[\s\u202f\u00a0]250,00/);
  });

  it("fits a person's services and the service form on an office laptop, in French and in Arabic", async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    // Someone the demo gave a scholarship, found as the journal names them: by reference.
    const paid = await callOp(page, 'treasury.entries.list', { categoryId: 'services_to_people', limit: 500 });
    const reference = paid.rows.find((e) => e.reversesId)?.counterpartName ?? '';
    const [person] = (await callOp(page, 'beneficiaries.search', { query: reference })).rows;
    await page.evaluate((id) => {
      window.location.hash = `#/beneficiaries/${id}`;
    }, person.id);
    for (const [section, record] of [
      ['Services et aides reçus', 'Enregistrer un service'],
      ['الخدمات والمساعدات المتوصل بها', 'تسجيل خدمة'],
    ]) {
      const region = page.getByRole('region', { name: section });
      await region.getByRole('row').nth(1).waitFor();
      await region.scrollIntoViewIfNeeded();
      await expectFits(page);
      await region.getByRole('button', { name: record }).click();
      await page.getByRole('dialog').waitFor();
      await expectFits(page);
      // The first Escape may only close the type's list, open with the focus.
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      if (record === 'Enregistrer un service') {
        await page.locator('label', { hasText: 'العربية' }).first().click();
        await eventually(() => page.evaluate(() => document.documentElement.getAttribute('dir'))).toBe('rtl');
      }
    }
  });
});
