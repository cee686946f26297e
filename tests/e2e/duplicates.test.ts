import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BeneficiaryInput } from '../../electron/contract';
import { useDemoPage } from './demo-session';
import { callOp } from './harness';
import { expectFits as expectFitsIn } from './layout';
import { eventually } from './poll';

let page: Page;

const someone = (firstName: string, lastName: string, birthYear: number, birthYearEstimated = false): BeneficiaryInput => ({
  sex: 'male',
  birthYear,
  birthYearEstimated,
  nationality: 'CD',
  category: 'subsaharan_migrant',
  consent: { date: '2026-01-15', givenBy: 'person', scopes: ['service'] },
  personal: {
    firstName,
    lastName,
    phones: [],
    languages: [],
    legalStatus: null,
    household: { dependants: 0, childrenUnder18: 0, singleParent: false },
    educationLevel: 'unknown',
    vulnerabilities: [],
  },
});

useDemoPage((p) => (page = p), { width: 1366, height: 768 });

beforeAll(async () => {
  for (const [first, last, year, estimated] of [
    ['Dieudonné', 'Tshimanga', 1971, false],
    ['Dieudonne', 'Chimanga', 1973, true],
    ['Abdelhakim', 'Ould El Moustapha', 1966, false],
    ['Abdelhakim', 'Ouldelmoustapha', 1966, false],
  ] as const) {
    await callOp(page, 'beneficiaries.create', someone(first, last, year, estimated));
  }
});

/** The screen fits a 1366×768 window: no sideways scroll, no button, badge, heading or reason whose text is cut. */
const expectFits = () => expectFitsIn(page, 'button .mantine-Button-label, .mantine-Badge-label, h1, p');

const pairOf = (name: string) => page.getByRole('listitem').filter({ hasText: name });

describe('the possible duplicates screen, in Chromium', () => {
  it('gives the reasons of each pair and fits 1366×768 in French', async () => {
    await page.evaluate(() => (window.location.hash = '#/beneficiaries/duplicates'));
    await page.getByRole('heading', { name: 'Doublons possibles', level: 1 }).waitFor();
    const tshibangu = pairOf('Dieudonné Tshimanga');
    await eventually(() => tshibangu.getByText('Années de naissance proches (âge estimé)').isVisible()).toBe(true);
    expect(await tshibangu.getByText("Noms de famille proches à l'oreille").isVisible()).toBe(true);
    expect(await pairOf('Abdelhakim Ould El Moustapha').getByText('Même nom de famille').isVisible()).toBe(true);
    await expectFits();
  });

  it('fits in Arabic, and "different people" takes the pair away for good', async () => {
    await page.locator('label', { hasText: 'العربية' }).first().click();
    await eventually(() => page.evaluate(() => document.documentElement.getAttribute('dir'))).toBe('rtl');
    const pair = pairOf('Abdelhakim Ould El Moustapha');
    await eventually(() => pair.getByText('نفس الاسم العائلي').isVisible()).toBe(true);
    await expectFits();
    await pair.getByRole('button', { name: 'ليسا نفس الشخص' }).click();
    await eventually(() => pair.count()).toBe(0);
    await page.evaluate(() => (window.location.hash = '#/beneficiaries'));
    await page.evaluate(() => (window.location.hash = '#/beneficiaries/duplicates'));
    await page.getByRole('heading', { name: 'التكرارات المحتملة', level: 1 }).waitFor();
    await pairOf('Dieudonné Tshimanga').waitFor();
    expect(await pairOf('Abdelhakim Ould El Moustapha').count()).toBe(0);
  });
});
