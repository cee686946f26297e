import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { useDemoPage } from './demo-session';
import { callOp } from './harness';
import { expectFits, expectNoInnerSidewaysScroll, visit } from './layout';
import { eventually } from './poll';

// Every page this suite opens must fit the usual office laptop, in French and in Arabic.
let page: Page;
useDemoPage((p) => (page = p), { width: 1366, height: 768 });

interface HomeTexts {
  home: RegExp;
  month: string;
  followUp: string;
  grants: RegExp;
  about: string;
}

async function homeAndWhatItLeadsTo(t: HomeTexts) {
  await visit(page, '#/home', t.home);
  await page.getByRole('region', { name: t.month }).waitFor();
  await expectFits(page);
  await visit(page, '#/follow-up?mine=1', t.followUp);
  await expectFits(page);
  await visit(page, '#/grants?late=1', t.grants);
  await expectFits(page);
  await visit(page, '#/about', t.about);
  await expectFits(page);
}

interface TreasuryTexts {
  journal: string;
  accounts: string;
  year: string;
  newMovement: string;
  grants: RegExp;
  tranches: string;
  report: string;
}

async function everyTreasuryPage(t: TreasuryTexts) {
  await visit(page, '#/treasury', t.journal);
  await expectFits(page);
  await page.getByRole('button', { name: t.newMovement }).click();
  await page.getByRole('dialog').waitFor();
  await expectFits(page);
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await visit(page, '#/treasury/accounts', t.accounts);
  await expectFits(page);
  await visit(page, '#/treasury/year', t.year);
  await expectFits(page);
  await visit(page, '#/grants', t.grants);
  await page.getByRole('link', { name: /^ENABEL-MOR-2025-014/ }).first().click();
  await page.getByRole('tab', { name: t.tranches }).click();
  await expectFits(page);
  await page.getByRole('link', { name: t.report }).click();
  await page.getByRole('heading', { name: new RegExp(`^${t.report} — `), level: 1 }).waitFor();
  await expectFits(page);
}

interface EverydayTexts {
  moreActions: RegExp;
  cooperatives: string;
}

/** A funded activity's sessions with every row's actions, and the cooperative board with every project in view. */
async function sessionsAndCooperativeBoard(t: EverydayTexts) {
  const [activity] = (await callOp(page, 'activities.list', { query: 'Vivre ensemble au quartier' })).rows;
  await visit(page, `#/activities/${activity.id}`, activity.title);
  const more = page.getByRole('button', { name: t.moreActions });
  await more.first().waitFor();
  await expectFits(page);
  await more.last().click();
  await page.getByRole('menu').waitFor();
  await expectFits(page);
  await page.keyboard.press('Escape');
  await page.getByRole('menu').waitFor({ state: 'detached' });
  await visit(page, '#/cooperatives', t.cooperatives);
  await page.locator('[data-step] [role="listitem"]').first().waitFor();
  await expectFits(page);
  await expectNoInnerSidewaysScroll(page);
}

describe('the home pages, what they lead to and the treasury fit 1366×768, in Chromium with the demo file', () => {
  it('in French', async () => {
    await homeAndWhatItLeadsTo({ home: /^Bonjour, /, month: 'Ce mois-ci', followUp: 'Suivi', grants: /Subventions/, about: 'À propos et aide' });
    await visit(page, '#/settings/users', 'Paramètres');
    await page.getByRole('button', { name: /^Réinitialiser le mot de passe de / }).first().waitFor();
    await expectFits(page);
    await everyTreasuryPage({
      journal: 'Journal',
      accounts: 'Comptes et catégories',
      year: 'Bilan de l’année',
      newMovement: 'Nouveau mouvement',
      grants: /Subventions/,
      tranches: 'Tranches du bailleur',
      report: 'Rapport financier',
    });
    await sessionsAndCooperativeBoard({ moreActions: /^Autres actions pour la séance du/, cooperatives: 'Coopératives' });
  });

  it('in Arabic', async () => {
    await page.locator('label', { hasText: 'العربية' }).first().click();
    await eventually(() => page.evaluate(() => document.documentElement.getAttribute('dir'))).toBe('rtl');
    await homeAndWhatItLeadsTo({ home: /^مرحبًا، /, month: 'هذا الشهر', followUp: 'التتبّع', grants: /المنح/, about: 'حول التطبيق والمساعدة' });
    await everyTreasuryPage({
      journal: 'اليومية',
      accounts: 'الحسابات والأصناف',
      year: 'الحصيلة السنوية',
      newMovement: 'حركة جديدة',
      grants: /المنح/,
      tranches: 'أشطر الممول',
      report: 'التقرير المالي',
    });
    await sessionsAndCooperativeBoard({ moreActions: /^إجراءات أخرى لجلسة/, cooperatives: 'التعاونيات' });
    // Leave the demo president in French for the next suite.
    await page.locator('label', { hasText: 'Français' }).first().click();
  });
});
