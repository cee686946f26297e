import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { todayIso } from '../../electron/contract';
import { useDemoPage } from './demo-session';
import { callOp } from './harness';
import { eventually } from './poll';

let page: Page;
useDemoPage((p) => (page = p));

// pdftotext wraps right-to-left runs in direction marks and splits shaped words at glyph gaps:
// Arabic is compared without them.
const letters = (text: string) => text.replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');

describe('activities and attendance, in Chromium', () => {
  it('opens a demo activity and marks a past session from the keyboard', async () => {
    await page.evaluate(() => {
      window.location.hash = '#/activities';
    });
    await page.getByRole('heading', { name: 'Activités' }).waitFor();
    await page.getByRole('searchbox', { name: 'Rechercher' }).fill('cycle 1');
    const link = page.getByRole('link', { name: /Prévention de la radicalisation — cycle 1/ });
    await link.click();
    await page.getByRole('tab', { name: /Séances/ }).waitFor();

    // The first session, 26 weeks ago in the demo.
    await page.getByRole('link', { name: /^Saisir les présences du/ }).first().click();
    await page.getByRole('heading', { name: 'Feuille de présence' }).waitFor();

    const rows = () => page.getByRole('table', { name: 'Présences de la séance' }).getByRole('radiogroup');
    const groups = rows();
    await eventually(() => groups.count()).toBeGreaterThan(2);
    const first = groups.nth(0);
    const second = groups.nth(1);
    await first.locator('[tabindex="0"]').focus();
    // Each key moves the focus after a render: wait for it before the next key, as a person would.
    const focusIn = (row: number) => eventually(() => groups.nth(row).evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('a');
    await eventually(() => first.getByRole('radio', { name: 'Absent' }).getAttribute('aria-checked')).toBe('true');
    // A moved the focus to the next row; E marks it excused.
    await focusIn(1);
    await page.keyboard.press('e');
    await eventually(() => second.getByRole('radio', { name: 'Excusé' }).getAttribute('aria-checked')).toBe('true');
    // Back up with the arrow and cycle with Space: absent → excused.
    await focusIn(2);
    await page.keyboard.press('ArrowUp');
    await focusIn(1);
    await page.keyboard.press('ArrowUp');
    await focusIn(0);
    await page.keyboard.press('Space');
    await eventually(() => first.getByRole('radio', { name: 'Excusé' }).getAttribute('aria-checked')).toBe('true');

    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Présences enregistrées.').waitFor();

    // Read back from the core.
    await page.reload();
    await page.getByRole('heading', { name: 'Feuille de présence' }).waitFor();
    await eventually(() => rows().nth(0).getByRole('radio', { name: 'Excusé' }).getAttribute('aria-checked')).toBe('true');
    await eventually(() => rows().nth(1).getByRole('radio', { name: 'Excusé' }).getAttribute('aria-checked')).toBe('true');
  });

  it('prints the sheet of that session to PDF with French and Arabic headers', async () => {
    await page.getByRole('link', { name: /^Retour à l'activité/ }).click();
    await page.getByRole('button', { name: /^Autres actions pour la séance du/ }).first().click();
    await page.getByRole('menuitem', { name: /^Feuille à imprimer du/ }).click();
    await page.getByRole('heading', { name: 'Feuille de présence à imprimer' }).waitFor();
    const pdf = await page.pdf({ format: 'A4' });
    // To look at it (or render it for the README): KEEP_SHEET_PDF=/tmp/sheet.pdf
    if (process.env.KEEP_SHEET_PDF) writeFileSync(process.env.KEEP_SHEET_PDF, pdf);
    const dir = mkdtempSync(join(tmpdir(), 'tadamon-sheet-'));
    try {
      writeFileSync(join(dir, 'sheet.pdf'), pdf);
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'sheet.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('Prévention de la radicalisation');
      expect(text).toContain('Signature');
      expect(text).toContain('Nom et prénom');
      // Each heading in Arabic too.
      expect(text).toMatch(/[\u0600-\u06FF]/);
      for (const heading of ['الاسم الكامل', 'التوقيع']) expect(letters(text), heading).toContain(letters(heading));
      // The app around the sheet is not printed.
      expect(text).not.toContain('Lignes vides');
      // "page x / y" at the bottom of each page (an @page margin box).
      expect(text).toMatch(/\b1 ?\/ ?\d+\b/);
      // The README picture, only when asked: SHEET_PNG=docs/screenshots/attendance-sheet.png
      const png = process.env.SHEET_PNG;
      if (png) execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', join(dir, 'sheet.pdf'), png.replace(/\.png$/, '')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints a blank sheet: only numbered empty rows, on one page', async () => {
    await page.getByRole('checkbox', { name: /^Feuille vierge/ }).check();
    await page.getByRole('textbox', { name: 'Lignes vides' }).fill('8');
    const dir = mkdtempSync(join(tmpdir(), 'tadamon-blank-'));
    try {
      writeFileSync(join(dir, 'blank.pdf'), await page.pdf({ format: 'A4' }));
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'blank.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain('Signature');
      expect(text).toContain('Inscrits : 0');
      expect(text).toMatch(/\b1 ?\/ ?1\b/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints the sheets of all the sessions of the activity in one document, a page per session', async () => {
    await page.getByRole('link', { name: /^Retour à l'activité/ }).click();
    await page.getByRole('link', { name: 'Feuilles de toutes les séances' }).click();
    await page.getByRole('heading', { name: 'Feuilles de toutes les séances' }).waitFor();
    const sessions = Number((await page.getByText(/séances, une page par séance/).textContent())?.match(/\d+/)?.[0]);
    expect(sessions).toBeGreaterThan(1);
    const dir = mkdtempSync(join(tmpdir(), 'tadamon-all-'));
    try {
      writeFileSync(join(dir, 'all.pdf'), await page.pdf({ format: 'A4' }));
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'all.pdf'), '-'], { encoding: 'utf8' });
      const pages = text.split('\f').filter((p) => p.trim() !== '');
      expect(pages.length).toBeGreaterThanOrEqual(sessions);
      // Each session starts on its own page, with the header of the sheet.
      expect(pages.filter((p) => p.includes('Activité') && p.includes('Prévention de la radicalisation')).length).toBe(sessions);
      expect(text).not.toContain('Lignes vides');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('registers a walk-in on the spot with an anonymous record', async () => {
    await page.getByRole('link', { name: /^Retour à l'activité/ }).click();
    await page.getByRole('tab', { name: /^Participants/ }).click();
    const form = page.getByRole('form', { name: 'Inscrire une personne venue sans inscription' });
    await form.getByRole('textbox', { name: 'Initiales' }).fill('ZQ');
    await form.getByLabel('Sexe').click();
    await page.getByRole('option', { name: 'Femme', exact: true }).first().click();
    await form.getByRole('textbox', { name: 'Année de naissance' }).fill('1995');
    await form.getByLabel('Catégorie').click();
    await page.getByRole('option').first().click();
    await form.getByLabel('Nationalité').fill('Mali');
    await page.getByRole('option', { name: 'Mali', exact: true }).first().click();
    await form.getByRole('button', { name: 'Inscrire sur place' }).click();
    const table = page.getByRole('table', { name: 'Participants inscrits' });
    await table.getByRole('row', { name: /ZQ/ }).waitFor();
    await table.getByRole('row', { name: /ZQ/ }).getByText('Venue sans inscription').waitFor();
  });
  it('creates an activity with 3 sessions, registers 5 people through a repeat alert, prints them with the logo, and enters attendance from the signed sheet', async () => {
    // Three weekly sessions, the first two weeks ago: all can be marked today.
    const start = new Date(Date.now() - 14 * 86_400_000);
    const weekday = ['Dimanche', 'Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi'][start.getUTCDay()];
    await page.evaluate(() => (window.location.hash = '#/activities/new'));
    await page.getByRole('textbox', { name: /Intitulé/ }).fill('Prévention de la radicalisation — cycle 4 (e2e)');
    await page.getByLabel(/^Type d'activité/).first().click();
    await page.getByRole('option', { name: 'Atelier', exact: true }).click();
    await page.getByLabel(/^Thème/).first().click();
    await page.getByRole('option', { name: 'Prévention de la radicalisation', exact: true }).click();
    await page.getByRole('button', { name: "Enregistrer l'activité" }).click();
    await page.getByRole('tab', { name: /Séances/ }).waitFor();
    const activityId = (await page.evaluate(() => window.location.hash)).split('/')[2];

    await page.getByRole('button', { name: 'Générer un calendrier' }).click();
    await page.getByRole('checkbox', { name: weekday }).check();
    await page.getByLabel('À partir du').fill(todayIso(start));
    await page.getByRole('textbox', { name: 'Nombre de semaines' }).fill('3');
    await page.getByRole('button', { name: 'Aperçu des dates' }).click();
    await page.getByText('Séances à créer : 3').waitFor();
    await page.getByRole('button', { name: 'Créer les séances' }).click();
    await eventually(() => page.getByRole('table', { name: 'Séances' }).getByRole('row').count()).toBe(4);

    // Who to register: someone who followed the two earlier cycles (the demo's repeat case), someone
    // with an Arabic name, and three others whom nothing flags.
    const cycle2 = (await callOp(page, 'activities.list', { query: 'radicalisation' })).rows.find((r) => r.title.includes('cycle 2'))!;
    const earlier = (await callOp(page, 'registrations.list', { activityId: cycle2.id })).rows;
    const checks = await Promise.all(earlier.map((r) => callOp(page, 'activities.repeatCheck', { activityId, beneficiaryId: r.beneficiaryId })));
    const repeat = earlier.find((r, i) => checks[i].alert && !r.pseudonymous)!;
    const named = (await callOp(page, 'beneficiaries.search', { limit: 300 })).rows.filter((r) => r.id !== repeat.beneficiaryId && !r.pseudonymous);
    const quiet: typeof named = [];
    for (const r of named) {
      if (quiet.length === 4) break;
      const wantsArabic = quiet.length === 0;
      if (wantsArabic !== (r.arabicName !== null)) continue;
      if (!(await callOp(page, 'activities.repeatCheck', { activityId, beneficiaryId: r.id })).alert) quiet.push(r);
    }
    expect(quiet).toHaveLength(4);

    await page.getByRole('tab', { name: /^Participants/ }).click();
    const search = page.getByRole('searchbox', { name: /Rechercher une personne/ });
    await search.fill(repeat.reference);
    await page.getByRole('button', { name: `Inscrire ${repeat.displayName}` }).click();
    const alert = page.getByRole('alertdialog', { name: 'Déjà venu sur ce thème' });
    await alert.getByText(/cycle 2/).first().waitFor();
    await alert.getByRole('button', { name: 'Inscrire quand même' }).click();
    for (const r of quiet) {
      await search.fill(r.reference);
      await page.getByRole('button', { name: `Inscrire ${r.displayName}` }).click();
      await page.getByRole('table', { name: 'Participants inscrits' }).getByText(r.displayName).waitFor();
    }
    const order = [repeat.displayName, ...quiet.map((r) => r.displayName)];

    // A 16×16 green square.
    const logo = 'iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFUlEQVR4nGNgmJZCGhrVMKph+GoAAIVy+gG76RhsAAAAAElFTkSuQmCC';
    await callOp(page, 'logos.add', { kind: 'association', fileName: 'amal.png', contentBase64: logo });

    await page.getByRole('tab', { name: /Séances/ }).click();
    await page.getByRole('button', { name: /^Autres actions pour la séance du/ }).first().click();
    await page.getByRole('menuitem', { name: /^Feuille à imprimer du/ }).click();
    await page.getByRole('heading', { name: 'Feuille de présence à imprimer' }).waitFor();
    const dir = mkdtempSync(join(tmpdir(), 'tadamon-cycle4-'));
    try {
      writeFileSync(join(dir, 'sheet.pdf'), await page.pdf({ format: 'A4' }));
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'sheet.pdf'), '-'], { encoding: 'utf8' });
      const lines = order.map((name) => text.split('\n').findIndex((line) => line.includes(name)));
      expect(lines.every((n) => n >= 0)).toBe(true);
      expect([...lines].sort((a, b) => a - b)).toEqual(lines);
      // The registrant with an Arabic name has it printed beside the Latin one (each word: the line is laid out right to left).
      for (const word of quiet[0].arabicName!.split(/\s+/)) expect(letters(text), word).toContain(letters(word));
      // The association's logo is in the PDF.
      const images = execFileSync('pdfimages', ['-list', join(dir, 'sheet.pdf')], { encoding: 'utf8' });
      expect(images.split('\n').filter((l) => /^\s*\d+\s+\d+\s+image/.test(l)).length).toBeGreaterThanOrEqual(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    await page.getByRole('link', { name: 'Saisir les présences depuis la feuille signée' }).click();
    await page.getByText('Saisie depuis la feuille signée').waitFor();
    const groups = page.getByRole('table', { name: 'Présences de la séance' }).getByRole('radiogroup');
    await eventually(() => groups.count()).toBe(5);
    expect(await groups.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))).toEqual(order);
    await groups.nth(0).locator('[tabindex="0"]').focus();
    for (let row = 0; row < 5; row++) {
      await eventually(() => groups.nth(row).evaluate((el) => el.contains(document.activeElement))).toBe(true);
      await page.keyboard.press(row === 3 ? 'a' : 'p');
    }
    await eventually(() => groups.nth(4).getByRole('radio', { name: 'Présent' }).getAttribute('aria-checked')).toBe('true');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Présences enregistrées.').waitFor();
    const sheet = await callOp(page, 'attendance.get', { sessionId: (await callOp(page, 'activities.get', { id: activityId })).sessions[0].id });
    expect(sheet.counts).toMatchObject({ present: 4, absent: 1, unmarked: 0 });
  });
});

