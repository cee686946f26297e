import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOp, launchChromium, signInToDemo, startWebBridge, type RunningBridge } from './harness';
import { eventually } from './poll';

type Lang = 'fr' | 'ar';
type Tree = { [key: string]: string | Tree };
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Tree;
const translations: Record<Lang, Tree> = {
  fr: { ...read('renderer/i18n/fr.json'), core: read('electron/contract/i18n/fr.json') },
  ar: { ...read('renderer/i18n/ar.json'), core: read('electron/contract/i18n/ar.json') },
};

/** The text a screen shows in `lang`, from the app's own translations (`core:` for the core's words). */
function tr(lang: Lang, key: string, vars: Record<string, string> = {}): string {
  const found = key
    .replace(/^core:/, 'core.')
    .split('.')
    .reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), translations[lang]);
  if (typeof found !== 'string') throw new Error(`no ${lang} text for ${key}`);
  return found.replace(/{{(\w+)}}/g, (_, name: string) => vars[name] ?? '');
}

interface Side {
  bridge: RunningBridge;
  page: Page;
  /** Our directory's entry for the other association. */
  partnerName: string;
  partnerId: string;
}

let browser: Browser;
let a: Side; // refers the person, then imports the answer
let b: Side; // receives the referral and answers it
let files: string;

async function side(partnerName: string): Promise<Side> {
  const bridge = await startWebBridge();
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await bridge.openPage(context);
  // The demo file of 150 people is made on first use, slower on a busy machine.
  page.setDefaultTimeout(90_000);
  await signInToDemo(page);
  page.setDefaultTimeout(15_000);
  const partner = await callOp(page, 'partners.save', { name: partnerName, type: 'ngo', city: 'Rabat' });
  return { bridge, page, partnerName, partnerId: partner.id };
}

beforeAll(async () => {
  browser = await launchChromium();
  files = mkdtempSync(join(tmpdir(), 'tadamon-exchange-'));
  a = await side('Tadamon Rabat (B)');
  b = await side('Amal Oujda (A)');
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([a?.bridge.stop(), b?.bridge.stop()]);
  rmSync(files, { recursive: true, force: true });
});

/** The screen fits a 1366×768 window: no sideways scroll of the page, no button whose text is cut. */
async function expectFits(page: Page) {
  const overflow = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const clipped = Array.from(document.querySelectorAll('button'))
      .filter((el) => el.offsetParent !== null)
      .filter((el) => {
        const label = el.querySelector('.mantine-Button-label') ?? el;
        return label.scrollWidth > label.clientWidth + 1;
      })
      .map((el) => el.textContent);
    return { page: root.scrollWidth - root.clientWidth, clipped };
  });
  expect(overflow).toEqual({ page: 0, clipped: [] });
}

async function go(page: Page, hash: string) {
  await page.evaluate((h) => (window.location.hash = h), hash);
}

async function setLanguage(page: Page, lang: Lang) {
  await page.locator('label', { hasText: lang === 'fr' ? 'Français' : 'العربية' }).first().click();
  await eventually(() => page.evaluate(() => document.documentElement.getAttribute('dir'))).toBe(lang === 'ar' ? 'rtl' : 'ltr');
}

let downloads = 0;

/** Clicks what saves a file and keeps the file the browser downloads (both demo files have the same name, so their files too). */
async function saved(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  downloads += 1;
  const path = join(files, `${downloads}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  return path;
}

const fingerprintIn = (scope: Page | Locator, label: string) => scope.getByLabel(label, { exact: true }).textContent();

/** Our card saved from Settings › Our card, with the fingerprint the screen shows to read out. */
async function ourCard(page: Page, lang: Lang) {
  await go(page, '#/settings/card');
  await page.getByRole('heading', { name: tr(lang, 'cards.ours.title') }).waitFor();
  await expectFits(page);
  const fingerprint = await fingerprintIn(page, tr(lang, 'cards.ours.fingerprint'));
  const file = await saved(page, () => page.getByRole('button', { name: tr(lang, 'cards.ours.save') }).click());
  return { fingerprint, file };
}

/** The other's card added to our directory entry, its fingerprint compared with theirs, then confirmed. */
async function addCard(us: Side, lang: Lang, card: { fingerprint: string | null; file: string }, replacing: boolean) {
  const { page } = us;
  await go(page, '#/partners');
  const name = tr(lang, 'cards.partner.openNamed', { name: us.partnerName });
  await page.getByRole('button', { name }).click();
  const dialog = page.getByRole('dialog', { name });
  await dialog.getByLabel(tr(lang, replacing ? 'cards.partner.replace' : 'cards.partner.add')).setInputFiles(card.file);
  await dialog.getByText(tr(lang, 'cards.partner.unchecked')).waitFor();
  expect(await fingerprintIn(dialog, tr(lang, 'cards.partner.fingerprint'))).toBe(card.fingerprint);
  await expectFits(page);
  await dialog.getByRole('button', { name: tr(lang, 'cards.partner.confirm') }).click();
  await dialog.getByText(new RegExp(tr(lang, 'cards.partner.checked', { date: '.+', name: '.+' }))).first().waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
}

/** A person of A's with the consent to sharing, referred to B (set up through the operations). */
async function referredPerson(firstName: string, lastName: string) {
  const person = await callOp(a.page, 'beneficiaries.create', {
    sex: 'female',
    birthYear: 1994,
    birthYearEstimated: false,
    nationality: 'SN',
    category: 'subsaharan_migrant',
    consent: { date: '2026-01-15', givenBy: 'person', scopes: ['service', 'sharing'] },
    personal: {
      firstName,
      lastName,
      phones: ['0612345678'],
      city: 'Oujda',
      languages: ['french'],
      legalStatus: null,
      household: { dependants: 1, childrenUnder18: 1, singleParent: true },
      educationLevel: 'upper_secondary',
      vulnerabilities: ['single_mother'],
    },
  });
  await callOp(a.page, 'referrals.save', {
    beneficiaryId: person.id,
    partnerId: a.partnerId,
    sentOn: new Date().toISOString().slice(0, 10),
    reason: 'Consultation prénatale',
    status: 'sent',
  });
  return person.id;
}

async function roundTrip(lang: Lang, firstName: string, lastName: string, replacingCards: boolean) {
  await Promise.all([setLanguage(a.page, lang), setLanguage(b.page, lang)]);
  const [cardA, cardB] = await Promise.all([ourCard(a.page, lang), ourCard(b.page, lang)]);
  expect(cardA.fingerprint).toMatch(/^\d{5}( \d{5}){5}$/);
  expect(cardA.fingerprint).not.toBe(cardB.fingerprint);
  await addCard(a, lang, cardB, replacingCards);
  await addCard(b, lang, cardA, replacingCards);

  // A sends the referral as a file from the person's page.
  const personId = await referredPerson(firstName, lastName);
  await go(a.page, `#/beneficiaries/${personId}`);
  await a.page.getByRole('tab', { name: tr(lang, 'followUp.tabs.referrals') }).click();
  await a.page.getByRole('button', { name: tr(lang, 'referralFiles.send.openNamed', { partner: a.partnerName }) }).click();
  const sending = a.page.getByRole('dialog', { name: tr(lang, 'referralFiles.send.title', { partner: a.partnerName }) });
  await sending.getByRole('checkbox', { name: tr(lang, 'referralFiles.fact.contact') }).check({ force: true });
  await expectFits(a.page);
  const referralFile = await saved(a.page, () => sending.getByRole('button', { name: tr(lang, 'referralFiles.send.submit') }).click());
  expect(referralFile).toMatch(/\.tadamon-referral$/);
  expect(readFileSync(referralFile, 'utf8')).not.toContain(lastName);

  // B opens it, creates the person from it, and answers.
  await go(b.page, '#/follow-up/received');
  await b.page.getByLabel(tr(lang, 'referralFiles.received.open')).setInputFiles(referralFile);
  const panel = b.page.getByRole('region', { name: new RegExp(`^${tr(lang, 'referralFiles.received.from', { partner: '.+', date: '.+' })}$`) });
  await panel.getByText(`${firstName} ${lastName}`).first().waitFor();
  await panel.getByText(/6\s*12\s*34\s*56\s*78/).first().waitFor();
  await expectFits(b.page);
  await panel.getByRole('button', { name: tr(lang, 'referralFiles.received.create') }).click();
  await panel.getByText(tr(lang, 'referralFiles.received.linked')).waitFor();
  const person = `${firstName} ${lastName}`;
  await b.page.getByRole('button', { name: tr(lang, 'referralFiles.answer.openNamed', { partner: b.partnerName, person }) }).click();
  const answering = b.page.getByRole('dialog', { name: tr(lang, 'referralFiles.answer.title', { partner: b.partnerName, person }) });
  await answering.getByLabel(new RegExp(tr(lang, 'followUp.referrals.status'))).selectOption('service_given');
  await expectFits(b.page);
  const replyFile = await saved(b.page, () => answering.getByRole('button', { name: tr(lang, 'referralFiles.answer.submit') }).click());
  const incoming = b.page.getByRole('table', { name: tr(lang, 'referralFiles.incoming.title') });
  await incoming.getByRole('row').filter({ hasText: person }).getByText(tr(lang, 'referralFiles.incomingStatus.service_given')).waitFor();

  // A imports the answer: the referral's status updates by itself.
  await go(a.page, '#/follow-up/referrals');
  await a.page.getByLabel(tr(lang, 'referralFiles.reply.import')).setInputFiles(replyFile);
  const imported = a.page.getByRole('alert').filter({ hasText: tr(lang, 'referralFiles.reply.imported', { partner: a.partnerName }) });
  await imported.getByText(tr(lang, 'core:referralStatus.service_given')).waitFor();
  await expectFits(a.page);
  await go(a.page, `#/beneficiaries/${personId}`);
  await a.page.getByRole('tab', { name: tr(lang, 'followUp.tabs.referrals') }).click();
  await a.page.getByText(tr(lang, 'core:referralStatus.service_given')).first().waitFor();
}

describe('a referral between two associations, as files, through the screens', () => {
  it('in French: cards exchanged and checked, the referral sent, received, answered, and the answer imported', async () => {
    await roundTrip('fr', 'Aminata', 'Diallo', false);
  });

  it('in Arabic: the same round trip, every screen fitting 1366×768', async () => {
    await roundTrip('ar', 'Fatoumata', 'Keita', true);
  });

  it('the actor map goes from A to B, previewed with its known maker, the partners page fitting 1366×768 in both languages', async () => {
    for (const lang of ['fr', 'ar'] as const) {
      await Promise.all([setLanguage(a.page, lang), setLanguage(b.page, lang)]);
      await go(a.page, '#/partners');
      const map = await saved(a.page, () => a.page.getByRole('button', { name: tr(lang, 'partners.map.export') }).click());
      expect(map).toMatch(/\.tadamon-partners$/);
      await go(b.page, '#/partners');
      await b.page.getByRole('heading', { name: tr(lang, 'partners.title') }).waitFor();
      await expectFits(b.page);
      await b.page.getByRole('button', { name: tr(lang, 'partners.import.open') }).click();
      const dialog = b.page.getByRole('dialog', { name: tr(lang, 'partners.import.title') });
      await dialog.getByLabel(tr(lang, 'partners.import.file')).setInputFiles(map);
      await dialog.getByText(tr(lang, 'partners.map.signerChecked', { partner: b.partnerName, date: '' }).slice(0, 20)).waitFor();
      await dialog.getByRole('table', { name: tr(lang, 'partners.import.tableLabel') }).waitFor();
      await expectFits(b.page);
      await dialog.getByRole('button', { name: tr(lang, 'common.cancel') }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
  });
});
