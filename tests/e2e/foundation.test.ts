import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelled, launchChromium, newPage, startWebBridge, type RunningBridge } from './harness';
import { eventually } from './poll';

const PASSWORD = 'Oujda solidarité 2026';
const VOLUNTEER_TEMP = 'temporaire-benevole-1';
const VOLUNTEER_PASSWORD = 'benevole nouveau 2026';

let bridge: RunningBridge;
let browser: Browser;
let page: Page;
let recoveryCode = '';

beforeAll(async () => {
  bridge = await startWebBridge();
  browser = await launchChromium();
  page = await newPage(browser, bridge);
});

afterAll(async () => {
  await browser?.close();
  await bridge?.stop();
});

const field = (label: string) => labelled(page, label);

async function chooseLanguage(label: string) {
  await page.locator('label', { hasText: label }).first().click();
}

async function signIn(user: string, password: string) {
  await eventually(() => page.getByRole('heading', { name: 'Connexion' }).isVisible()).toBe(true);
  await page.getByRole('radio', { name: user }).check({ force: true });
  await field('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

// One person's first hour with the app, in order: each step starts where the previous one left off.
describe('foundation, in Chromium through the web bridge', () => {
  it('opens through the one-time link printed by the server, which leaves the address; a browser without it sees where to find it', async () => {
    expect(page.url()).toBe(bridge.url);
    await page.getByRole('button', { name: "Créer un fichier d'association" }).waitFor();

    const stranger = await browser.newContext();
    const strangerPage = await stranger.newPage();
    await strangerPage.goto(bridge.url);
    await strangerPage.getByRole('heading', { name: 'Ouvrez Tadamon avec le lien du terminal' }).waitFor();
    expect(await strangerPage.content()).not.toContain('tadamon-token');
    await stranger.close();

    const second = await newPage(browser, bridge);
    await second.getByRole('button', { name: "Créer un fichier d'association" }).waitFor();
    await second.context().close();
  });

  it('creates an association file and confirms the recovery code', async () => {
    await page.getByRole('button', { name: "Créer un fichier d'association" }).click();
    await field("Nom de l'association").fill('Association Amal Oujda');
    await field('Ville').fill('Oujda');
    await field('Votre nom').fill('Nadia Bennani');
    await field('Mot de passe').fill(PASSWORD);
    await field('Confirmez le mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Créer le fichier' }).click();

    await eventually(() => page.getByRole('heading', { name: 'Code de récupération' }).isVisible()).toBe(true);
    const groups = await page.getByTestId('recovery-group').allTextContents();
    expect(groups).toHaveLength(6);
    recoveryCode = groups.join('-');
    const label = await page.getByLabel(/Retapez le groupe n°/).getAttribute('id');
    const asked = Number(/(\d)/.exec((await page.locator(`label[for="${label}"]`).textContent()) ?? '')?.[1]);
    await page.getByLabel(/Retapez le groupe n°/).fill('WRONG');
    await page.getByRole('button', { name: "J'ai mis mon code à l'abri" }).click();
    await eventually(() => page.getByRole('heading', { name: 'Code de récupération' }).isVisible()).toBe(true);
    await page.getByLabel(/Retapez le groupe n°/).fill(groups[asked - 1].toLowerCase());
    await page.getByRole('button', { name: "J'ai mis mon code à l'abri" }).click();

    await eventually(() => page.getByRole('navigation', { name: 'Navigation principale' }).isVisible()).toBe(true);
    await eventually(() => page.getByText('Association Amal Oujda').first().isVisible()).toBe(true);
    await eventually(() => page.getByText('Nadia Bennani').first().isVisible()).toBe(true);
  });

  it('switches to Arabic, turning the whole layout right-to-left, and back', async () => {
    await chooseLanguage('العربية');
    await eventually(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    await eventually(() => page.getByText('المستفيدون').first().isVisible()).toBe(true);
    const nav = await page.getByRole('navigation').first().boundingBox();
    // In right-to-left, the navigation sits on the right half of the window.
    expect(nav && nav.x + nav.width / 2).toBeGreaterThan(640);
    await chooseLanguage('Français');
    await eventually(() => page.evaluate(() => document.documentElement.dir)).toBe('ltr');
  });

  it('locks, refuses a wrong password with a translated message, then signs in', async () => {
    await page.getByRole('button', { name: 'Verrouiller' }).click();
    await signIn('Nadia Bennani', 'not the password at all');
    await eventually(() => page.getByRole('alert').first().textContent()).toMatch(/mot de passe/i);
    await field('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await eventually(() => page.getByRole('navigation', { name: 'Navigation principale' }).isVisible()).toBe(true);
  });

  it('sets a new password with the recovery code', async () => {
    await page.getByRole('button', { name: 'Verrouiller' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Connexion' }).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await field('Code de récupération').fill(recoveryCode);
    await page.getByRole('radio', { name: 'Nadia Bennani' }).check({ force: true });
    await field('Nouveau mot de passe').fill('nouveau mot de passe 2026');
    await field('Confirmez le nouveau mot de passe').fill('nouveau mot de passe 2026');
    await page.getByRole('button', { name: 'Changer le mot de passe et se connecter' }).click();
    await eventually(() => page.getByRole('navigation', { name: 'Navigation principale' }).isVisible()).toBe(true);
  });

  it('adds a volunteer, who must choose a password and is refused the users settings', async () => {
    await page.getByRole('link', { name: 'Paramètres' }).click();
    await page.getByRole('tab', { name: 'Utilisateurs' }).click();
    await field('Nom').fill('Youssef Tazi');
    await field('Rôle').selectOption({ label: 'Bénévole' });
    await field('Mot de passe temporaire').fill(VOLUNTEER_TEMP);
    await page.getByRole('button', { name: 'Ajouter' }).click();
    await eventually(() => page.getByRole('cell', { name: 'Youssef Tazi', exact: true }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Verrouiller' }).click();
    await signIn('Youssef Tazi', VOLUNTEER_TEMP);
    await eventually(() => page.getByRole('heading', { name: 'Choisissez votre mot de passe' }).isVisible()).toBe(true);
    await field('Mot de passe temporaire').fill(VOLUNTEER_TEMP);
    await field('Nouveau mot de passe').fill(VOLUNTEER_PASSWORD);
    await field('Confirmez le nouveau mot de passe').fill(VOLUNTEER_PASSWORD);
    await page.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
    await eventually(() => page.getByRole('navigation', { name: 'Navigation principale' }).isVisible()).toBe(true);

    await page.getByRole('link', { name: 'Paramètres' }).click();
    expect(await page.getByRole('tab', { name: 'Utilisateurs' }).count()).toBe(0);
    await page.evaluate(() => (window.location.hash = '#/settings/users'));
    await eventually(() => page.getByRole('alert').first().textContent()).toMatch(/droit|autoris|réservé/i);
    expect(await page.getByRole('cell', { name: 'Nadia Bennani', exact: true }).count()).toBe(0);
  });
});
