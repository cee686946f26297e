import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../electron/contract';
import { demoStaff } from '../../electron/core/demo/generator';
import { launchChromium, newPage, startWebBridge, type RunningBridge } from './harness';

let bridge: RunningBridge;
let browser: Browser;
let page: Page;

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });
const field = (label: string) =>
  page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`)).first();

beforeAll(async () => {
  bridge = await startWebBridge();
  browser = await launchChromium();
  page = await newPage(browser, bridge.url);
  await page.getByRole('button', { name: "Essayer l'association de démonstration" }).click();
  await page.getByRole('heading', { name: 'Connexion' }).waitFor();
  const president = demoStaff().find((person) => person.role === 'president') ?? demoStaff()[0];
  await page.getByRole('radio', { name: president.displayName }).check({ force: true });
  await field('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { name: 'Bénéficiaires' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await bridge?.stop();
});

describe('backups, in Chromium', () => {
  it('backs up the demo file now and lists the backup', async () => {
    await page.getByRole('link', { name: 'Paramètres' }).click();
    await page.getByRole('tab', { name: 'Sauvegardes' }).click();
    await page.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
    await eventually(() => page.getByText(/Sauvegarde faite le/).isVisible()).toBe(true);

    const table = page.getByRole('table', { name: 'Sauvegardes disponibles' });
    await eventually(() => table.getByRole('button', { name: /Restaurer la sauvegarde du/ }).count()).toBeGreaterThan(0);
    expect(await table.innerText()).toContain('À côté du fichier');
  });

  it('shows who can open the file in the security tab', async () => {
    await page.getByRole('tab', { name: 'Sécurité' }).click();
    const slots = page.getByRole('table', { name: 'Qui peut ouvrir ce fichier' });
    await eventually(async () => (await slots.isVisible()) && (await slots.innerText())).toContain('Code de récupération');
  });
});
