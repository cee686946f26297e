import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoPage } from './demo-session';
import { callOp } from './harness';
import { expectFits, visit } from './layout';
import { eventually } from './poll';

let page: Page;
useDemoPage((p) => (page = p));

/** The person whose case the first test closes: { id, name }. */
const closedPerson = { id: '', name: '' };

const REPORT = '#/reports?from=2020-01-01&to=2030-12-31';

/** The report's count of cases closed in the period (its total line, never hidden as a small group). */
async function closedInReport(): Promise<number> {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, REPORT);
  const table = page.getByRole('table', { name: 'Suivis ouverts et clôturés par motif' }).first();
  await table.waitFor();
  const total = table.getByRole('row').filter({ hasText: 'Clôturés pendant la période' }).getByRole('cell').last();
  return Number((await total.textContent())?.replace(/\D/g, ''));
}

describe('closing a case in Chromium', () => {
  it('closes a person’s case with a reason on their page, and the report counts it', async () => {
    const before = await closedInReport();
    expect(before).toBeGreaterThan(0);

    const { rows } = await callOp(page, 'beneficiaries.search', { limit: 50 });
    let id = '';
    for (const row of rows) {
      if (!row.pseudonymous && (await callOp(page, 'cases.lifecycle', { beneficiaryId: row.id })).status === 'open') {
        id = row.id;
        Object.assign(closedPerson, { id, name: row.displayName });
        break;
      }
    }
    expect(id).not.toBe('');
    await page.evaluate((target) => {
      window.location.hash = `#/beneficiaries/${target}`;
    }, id);
    await page.getByText('Suivi ouvert').waitFor();
    await page.getByRole('button', { name: 'Clôturer le suivi' }).click();
    const dialog = page.getByRole('dialog', { name: 'Clôturer le suivi' });
    await dialog.getByLabel(/^Motif/).selectOption({ label: 'Objectifs atteints' });
    await dialog.getByRole('button', { name: 'Clôturer le suivi' }).click();
    await page.getByText('Suivi clôturé').waitFor();
    await expect(page.getByRole('list', { name: 'Historique du suivi' }).textContent()).resolves.toContain('Objectifs atteints');

    await eventually(closedInReport).toBe(before + 1);
  });

  it('fits 1366×768 in French and Arabic: the case history, the reopen dialog and the needs checklist', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const { rows } = await callOp(page, 'beneficiaries.search', { limit: 100 });
    let assessed = rows[0];
    for (const row of rows) {
      if ((await callOp(page, 'intakeNeeds.list', { beneficiaryId: row.id })).length > 2) {
        assessed = row;
        break;
      }
    }
    const screens = async (t: { reopen: string; needs: string; met: string }) => {
      await visit(page, `#/beneficiaries/${closedPerson.id}`, closedPerson.name);
      await page.getByRole('button', { name: t.reopen }).click();
      await page.getByRole('dialog').waitFor();
      await expectFits(page);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await visit(page, `#/beneficiaries/${assessed.id}`, assessed.displayName);
      await page.getByRole('tab', { name: t.needs }).click();
      await page.getByRole('heading', { name: t.met }).waitFor();
      await expectFits(page);
    };
    await screens({ reopen: 'Rouvrir le suivi', needs: 'Besoins', met: 'Besoins satisfaits' });
    await page.locator('label', { hasText: 'العربية' }).first().click();
    await eventually(() => page.evaluate(() => document.documentElement.getAttribute('dir'))).toBe('rtl');
    await screens({ reopen: 'إعادة فتح المتابعة', needs: 'الاحتياجات', met: 'الاحتياجات التي تمت تلبيتها' });
    await page.locator('label', { hasText: 'Français' }).first().click();
  });
});
