import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CycleDetail, CycleParticipant } from '../../electron/contract';
import { useDemoPage } from './demo-session';
import { callOp } from './harness';
import { expectFits } from './layout';
import { eventually } from './poll';

let page: Page;
useDemoPage((p) => (page = p), { width: 1366, height: 768 });

// pdftotext wraps right-to-left runs in direction marks and splits shaped words at glyph gaps:
// Arabic is compared without them.
const letters = (text: string) => text.replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');

/** The printed document's text and its number of pages. */
async function printed(): Promise<{ text: string; pages: number }> {
  const pdf = await page.pdf({ format: 'A4' });
  // To look at it: KEEP_CERTIFICATE_PDF=/tmp/certificate (then -ltr.pdf / -rtl.pdf)
  if (process.env.KEEP_CERTIFICATE_PDF) writeFileSync(`${process.env.KEEP_CERTIFICATE_PDF}-${await printedDirection()}.pdf`, pdf);
  const dir = mkdtempSync(join(tmpdir(), 'tadamon-certificate-'));
  try {
    const file = join(dir, 'certificate.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return { text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }), pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const printedDirection = (): Promise<string | null> => page.evaluate(() => document.querySelector('.print-sheet .certificate')?.getAttribute('dir') ?? null);

describe('certificates of a training cycle, in Chromium', () => {
  let cycle: CycleDetail;
  let person: CycleParticipant;

  it('opens the demo cycle from the activities, with its modules and who completed it, fitting the screen', async () => {
    await page.evaluate(() => {
      window.location.hash = '#/activities';
    });
    await page.getByRole('heading', { name: 'Activités', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectFits(page);
    await page.getByRole('link', { name: 'Cycles de formation' }).click();
    await page.getByRole('heading', { name: 'Cycles de formation', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Parcours d’insertion professionnelle (5 modules)' }).click();
    await page.getByRole('heading', { name: 'Parcours d’insertion professionnelle (5 modules)', level: 1 }).waitFor();
    await eventually(() => page.getByRole('table', { name: 'Participants du cycle' }).getByRole('row').count()).toBe(11);
    await expectFits(page);

    const [row] = await callOp(page, 'cycles.list', {});
    cycle = await callOp(page, 'cycles.get', { id: row.id });
    // Someone who completed the cycle and has no certificate yet.
    person = cycle.participants.find((p) => p.completed && p.certificates.completion === null)!;
    expect(person).toBeDefined();
  });

  it('prints her completion certificate in French: her name, its new number, the cycle', async () => {
    await page.getByRole('link', { name: `Attestation de fin de formation — ${person.displayName}` }).click();
    await page.getByRole('heading', { name: 'Attestations à imprimer', level: 1 }).waitFor();
    await eventually(printedDirection).toBe('ltr');
    const issued = (await callOp(page, 'cycles.get', { id: cycle.cycle.id })).participants.find((p) => p.beneficiaryId === person.beneficiaryId)!;
    const reference = issued.certificates.completion!;
    expect(reference).toMatch(new RegExp(`^CERT-${new Date().getUTCFullYear()}-\\d{5}$`));
    await page.getByText(reference).first().waitFor();
    await expectFits(page);

    const { text, pages } = await printed();
    expect(pages).toBe(1);
    expect(text).toContain('Attestation de fin de formation');
    expect(text).toContain(person.displayName);
    expect(text).toContain(reference);
    expect(text).toContain('Parcours d’insertion professionnelle (5 modules)');
    expect(text).toContain('Le Président');
    // The page around the certificate is not printed.
    expect(text).not.toContain('Attestations à imprimer');
    person = issued;
  });

  it('prints the same certificate in Arabic, right to left, with the same number', async () => {
    await page.getByRole('radiogroup', { name: "Langue de l'attestation" }).locator('label', { hasText: 'العربية' }).click();
    await eventually(printedDirection).toBe('rtl');
    const { text, pages } = await printed();
    expect(pages).toBe(1);
    expect(letters(text)).toContain(letters('شهادة إتمام التكوين'));
    expect(text).toContain(person.certificates.completion);
    const name = person.arabicName ?? person.displayName;
    for (const word of name.split(/\s+/)) expect(letters(text), word).toContain(letters(word));

    // Reprinted later (the page opened again): the number stays.
    await page.reload();
    await eventually(printedDirection).toBe('rtl');
    await page.getByText(person.certificates.completion!).first().waitFor();
    const again = (await callOp(page, 'cycles.get', { id: cycle.cycle.id })).participants.find((p) => p.beneficiaryId === person.beneficiaryId)!;
    expect(again.certificates.completion).toBe(person.certificates.completion);
  });

  it('prints the whole group at once, one page per person who completed, the numbers kept', async () => {
    await page.getByRole('link', { name: 'Retour' }).click();
    await page.getByRole('heading', { name: 'Parcours d’insertion professionnelle (5 modules)', level: 1 }).waitFor();
    await page.getByRole('link', { name: /^Attestations de fin de formation de tous ceux qui ont terminé \(6\)/ }).click();
    await page.getByRole('heading', { name: 'Attestations à imprimer', level: 1 }).waitFor();
    await eventually(() => page.locator('.print-sheet .certificate').count()).toBe(6);
    const { text, pages } = await printed();
    expect(pages).toBe(6);
    const after = await callOp(page, 'cycles.get', { id: cycle.cycle.id });
    const completers = after.participants.filter((p) => p.completed);
    expect(completers).toHaveLength(6);
    for (const p of completers) {
      expect(text).toContain(p.certificates.completion);
      // Those issued before keep their number.
      const before = cycle.participants.find((b) => b.beneficiaryId === p.beneficiaryId)!.certificates.completion;
      if (before) expect(p.certificates.completion).toBe(before);
    }
    expect(after.participants.find((p) => p.beneficiaryId === person.beneficiaryId)?.certificates.completion).toBe(person.certificates.completion);
  });

  it('fits the screen in Arabic: the certificates, cycle, cycles and activities pages', async () => {
    await page.locator('label', { hasText: 'العربية' }).first().click();
    await eventually(() => page.evaluate(() => document.documentElement.getAttribute('dir'))).toBe('rtl');
    await page.getByRole('heading', { name: 'شهادات للطباعة', level: 1 }).waitFor();
    await expectFits(page);
    await page.getByRole('link', { name: 'رجوع' }).click();
    await page.getByRole('heading', { name: 'Parcours d’insertion professionnelle (5 modules)', level: 1 }).waitFor();
    await eventually(() => page.getByRole('table', { name: 'المشاركون في الدورة' }).getByRole('row').count()).toBe(11);
    await expectFits(page);
    await page.getByRole('link', { name: 'الرجوع إلى الدورات' }).click();
    await page.getByRole('heading', { name: 'الدورات التكوينية', level: 1 }).waitFor();
    await expectFits(page);
    await page.getByRole('link', { name: 'الأنشطة' }).first().click();
    await page.getByRole('link', { name: 'الدورات التكوينية' }).waitFor();
    await page.waitForLoadState('networkidle');
    await expectFits(page);
    // Leave the demo president in French for the next suite.
    await page.locator('label', { hasText: 'Français' }).first().click();
    await eventually(() => page.evaluate(() => document.documentElement.getAttribute('dir'))).toBe('ltr');
  });
});
