import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoPage } from './demo-session';
import { labelled } from './harness';
import { eventually } from './poll';

let page: Page;
useDemoPage((p) => (page = p));

const NAME = 'Coopérative Essalam Couture';

const STEPS = [
  "Certificat négatif (approbation du nom par l'ODCO)",
  'Statuts rédigés et signés',
  'Assemblée générale constitutive tenue (procès-verbal)',
  'Capital versé sur un compte bancaire',
  "Récépissé de l'autorité locale",
  'Immatriculation au registre local (greffe du tribunal de première instance)',
  "Numéro d'immatriculation reçu",
  'Identifiant fiscal',
  "Démarrage de l'activité",
];

async function openBoard() {
  await page.evaluate(() => {
    window.location.hash = '#/cooperatives';
  });
  await page.getByRole('heading', { name: 'Coopératives', level: 1 }).waitFor();
}

/** The title of the board column the project's card is in. */
async function columnOf(name: string): Promise<string | null> {
  const card = page.getByRole('listitem', { name });
  await card.waitFor();
  return card.evaluate((el) => el.closest('section')?.getAttribute('aria-label') ?? null);
}

describe('cooperative creation, in Chromium', () => {
  it('creates a project with five founders', async () => {
    await openBoard();
    await page.getByRole('link', { name: 'Nouveau projet de coopérative' }).click();
    await labelled(page, 'Noms proposés').fill(`${NAME}\nCoopérative Essalam`);
    await labelled(page, 'Activité').fill('Couture de vêtements de travail');
    await labelled(page, 'Ville').fill('Oujda');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByRole('heading', { name: NAME }).waitFor();

    await page.getByRole('tab', { name: /^Fondateurs/ }).click();
    await page.getByText('Parmi les membres').click();
    for (let i = 1; i <= 5; i++) {
      await labelled(page, 'Rechercher un membre').fill('0');
      await page.getByRole('button', { name: 'Choisir' }).first().click();
      await labelled(page, 'Parts souscrites').fill('2');
      await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
      await page.getByRole('tab', { name: `Fondateurs (${i})` }).waitFor();
    }
    await page.getByText('Fondateurs : 5 (minimum 5)').waitFor();
  });

  it('refuses a step done before the previous mandatory one, then walks the steps and moves on the board', async () => {
    await page.getByRole('tab', { name: 'Étapes de création' }).click();
    await page.getByRole('button', { name: `Marquer faite : ${STEPS[1]}` }).click();
    await page.getByText('Une étape obligatoire précédente n’est pas encore faite.').waitFor();

    await page.getByRole('button', { name: `Marquer faite : ${STEPS[0]}` }).click();
    await page.getByRole('button', { name: `Marquer faite : ${STEPS[0]}` }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: `Marquer faite : ${STEPS[1]}` }).click();
    await page.getByRole('button', { name: `Marquer faite : ${STEPS[1]}` }).waitFor({ state: 'detached' });

    await openBoard();
    expect(await columnOf(NAME)).toBe(STEPS[2]);

    await page.getByRole('link', { name: NAME }).click();
    for (const step of STEPS.slice(2)) {
      const button = page.getByRole('button', { name: `Marquer faite : ${step}` });
      await button.click();
      await button.waitFor({ state: 'detached' });
    }
    await page.getByText(/^Créée le /).waitFor();

    await openBoard();
    await eventually(() => columnOf(NAME)).toBe('Coopérative créée');
  });

  it('keeps the certificat négatif as a PDF on its step', async () => {
    await page.getByRole('link', { name: NAME }).click();
    const firstStep = page.locator('tr[data-step="name_approval"]');
    await firstStep.locator('input[type="file"]').setInputFiles({
      name: 'certificat-negatif.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% certificat négatif\n'),
    });
    await firstStep.getByRole('button', { name: 'certificat-negatif.pdf' }).waitFor();
  });
});
