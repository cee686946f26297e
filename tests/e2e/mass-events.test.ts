import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { todayIso, type IndicatorReport } from '../../electron/contract';
import { useDemoPage } from './demo-session';
import { callOp } from './harness';
import { expectFits, visit } from './layout';
import { eventually } from './poll';

let page: Page;
useDemoPage((p) => (page = p));

let countedSession = '';

const valueOf = (report: IndicatorReport, label: string) =>
  report.sections.flatMap((s) => s.tables).flatMap((t) => t.rows).find((r) => r[0] === label)?.[1];

describe('a school session counted without names, in Chromium', () => {
  it('is recorded from the attendance screen and counted in the report as participations, not people reached', async () => {
    const today = todayIso(new Date());
    const activity = await callOp(page, 'activities.save', { title: 'Sensibilisation au lycée Al Massira', type: 'awareness_session', theme: 'health' });
    const session = await callOp(page, 'sessions.save', { activityId: activity.id, date: today, startTime: '08:00', endTime: '10:00' });
    const period = { from: today, to: today, locale: 'fr' as const };
    const before = await callOp(page, 'reports.indicators', period);

    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/activities/${activity.id}/sessions/${session.id}/attendance`);
    await page.getByRole('button', { name: 'Compter sans noms' }).click();
    await page.getByRole('heading', { name: 'Présences comptées (sans noms)', level: 1 }).waitFor();
    await page.getByRole('textbox', { name: 'Lieu' }).fill('Lycée Al Massira, Oujda');
    await page.getByRole('textbox', { name: 'Filles et femmes, 15-17 ans' }).fill('17');
    await page.getByRole('textbox', { name: 'Garçons et hommes, 15-17 ans' }).fill('15');
    await page.getByText('Total compté : 32').waitFor();
    await page.getByRole('button', { name: 'Enregistrer le comptage' }).click();
    await page.getByText('Comptage enregistré.').waitFor();

    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/reports?from=${today}&to=${today}`);
    const summary = page.getByRole('table', { name: 'Activités et séances' }).first();
    await summary.waitFor();
    const row = summary.getByRole('row', { name: /^dont présences comptées sans noms/ });
    await eventually(() => row.getByRole('cell').nth(1).textContent()).toBe('32');
    const participations = await summary.getByRole('row', { name: /^Participations \(personne × activité, plus présences comptées\)/ }).getByRole('cell').nth(1).textContent();
    expect(Number(participations?.replace(/\D/g, ''))).toBe(Number(valueOf(before, 'Participations (personne × activité)') ?? 0) + 32);
    await page.getByText(/Les présences et les participations comprennent 32 présences comptées sans noms, à 1 séances/).first().waitFor();
    await page.getByText('Présences comptées', { exact: true }).first().waitFor();

    countedSession = `#/activities/${activity.id}/sessions/${session.id}/attendance`;
    const after = await callOp(page, 'reports.indicators', period);
    expect(valueOf(after, 'Personnes touchées')).toBe(valueOf(before, 'Personnes touchées'));
  });
});

describe('the count-only attendance and the outreach log on an office laptop', () => {
  it('fit 1366x768 in French and in Arabic', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await visit(page, countedSession, 'Présences comptées (sans noms)');
    await expectFits(page);
    await visit(page, '#/activities/outreach', 'Sensibilisation de proximité');
    await page.getByRole('table', { name: 'Sorties de sensibilisation' }).waitFor();
    await expectFits(page);
    await page.getByRole('button', { name: 'Nouvelle sortie' }).click();
    await page.getByRole('form', { name: 'Sortie de sensibilisation' }).waitFor();
    await expectFits(page);
    await page.keyboard.press('Escape');

    await page.locator('label', { hasText: 'العربية' }).first().click();
    await eventually(() => page.evaluate(() => document.documentElement.getAttribute('dir'))).toBe('rtl');
    await visit(page, countedSession, 'الحضور المعدود (دون أسماء)');
    await expectFits(page);
    await visit(page, '#/activities/outreach', 'التحسيس عن قرب');
    await page.getByRole('table', { name: 'خرجات التحسيس' }).waitFor();
    await expectFits(page);
    await page.locator('label', { hasText: 'Français' }).first().click();
  });
});
