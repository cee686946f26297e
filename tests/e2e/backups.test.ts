import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoPage } from './demo-session';
import { eventually } from './poll';

let page: Page;
useDemoPage((p) => (page = p));

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
