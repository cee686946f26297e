import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoPage } from './demo-session';
import { callOp, labelled } from './harness';
import { expectFits, visit } from './layout';
import { eventually } from './poll';

let page: Page;
useDemoPage((p) => (page = p), { width: 1366, height: 768 });

const today = new Date().toISOString().slice(0, 10);

async function choose(label: RegExp, option: string) {
  await page.getByRole('dialog').getByLabel(label).first().click();
  await page.getByRole('option', { name: option, exact: true }).first().click();
}

describe('employment in Chromium', () => {
  it("records a job for a demo person through the form and sees it on the person's page", async () => {
    const { rows } = await callOp(page, 'beneficiaries.search', { limit: 1 });
    const person = rows[0];
    await page.evaluate((id) => {
      window.location.hash = `#/beneficiaries/${id}`;
    }, person.id);
    const section = page.getByRole('region', { name: 'Emploi et revenus' });
    await section.getByRole('button', { name: 'Noter la situation' }).click();

    const dialog = page.getByRole('dialog', { name: "Situation d'emploi" });
    await choose(/^Situation/, 'Salarié·e avec contrat');
    // Without an employer nor a start date the contract refuses it, at those fields, and nothing is saved.
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.getByText("Indiquez l'employeur ou l'activité.").waitFor();
    await labelled(page, 'Employeur ou activité').fill('Coopérative Al Baraka');
    await choose(/^Contrat/, 'CDI');
    await labelled(page, 'Début').fill(today);
    await choose(/^Revenu mensuel/, '1 500 à 3 000 MAD');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = section.getByRole('table', { name: 'Emploi et revenus' }).getByRole('row', { name: /Coopérative Al Baraka/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Salarié·e avec contrat');
    expect(await row.textContent()).toContain('CDI');
    expect(await row.textContent()).toContain('1 500 à 3 000 MAD');
    await section.getByText(/^Suivi à 3 mois, le /).first().waitFor();
    const stored = await callOp(page, 'employment.person', { beneficiaryId: person.id });
    expect(stored.records[0]).toMatchObject({ situation: 'employed_contract', employer: 'Coopérative Al Baraka', contractType: 'cdi', startDate: today, date: today });
  });

  it('fits 1366×768 in French and Arabic: a late follow-up on the dashboard, the person it links to, their business and the form', async () => {
    const { late } = (await callOp(page, 'followUp.dashboard', {})).employmentFollowUps;
    const followUp = late.find((f) => f.anchor.kind === 'job') ?? late[0];
    for (const t of [
      { followUp: 'Suivi', late: 'Suivis emploi en retard', section: 'Emploi et revenus', record: 'Noter la situation' },
      { followUp: 'التتبّع', late: 'تتبعات الشغل المتأخرة', section: 'الشغل والدخل', record: 'تسجيل الوضعية' },
    ]) {
      if (t.followUp === 'التتبّع') {
        await page.locator('label', { hasText: 'العربية' }).first().click();
        await eventually(() => page.evaluate(() => document.documentElement.getAttribute('dir'))).toBe('rtl');
      }
      await visit(page, '#/follow-up', t.followUp);
      const row = page.getByRole('table', { name: t.late }).getByRole('row', { name: new RegExp(followUp.reference) }).first();
      await row.waitFor();
      await expectFits(page);
      await row.getByRole('link', { name: followUp.displayName }).click();
      const section = page.getByRole('region', { name: t.section });
      await section.waitFor();
      await page.waitForLoadState('networkidle');
      await expectFits(page);
      await section.getByRole('button', { name: t.record }).click();
      await page.getByRole('dialog').waitFor();
      await expectFits(page);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    }
    // Leave the demo president in French.
    await page.locator('label', { hasText: 'Français' }).first().click();
  });
});
