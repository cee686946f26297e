import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoPage } from './demo-session';
import { callOp } from './harness';
import { eventually } from './poll';

let page: Page;
useDemoPage((p) => (page = p));

/** A 2×2 red PNG and a one-page PDF: what a scanner or a phone gives, recognised by their bytes. */
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==';
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
).toString('base64');

describe('stored files, in Chromium', () => {
  it('shows a receipt scan and a PDF receipt inside the page, the CSP letting their blob: URLs through', async () => {
    const dashboard = await callOp(page, 'grants.dashboard', {});
    const subGrantId = dashboard.agreements.flatMap((a) => a.subGrants)[0].id;
    const detail = await callOp(page, 'grants.subGrants.get', { id: subGrantId });
    for (const [fileName, contentBase64] of [
      ['recu-e2e.png', PNG],
      ['facture-e2e.pdf', PDF],
    ]) {
      await callOp(page, 'grants.expenses.add', {
        subGrantId,
        budgetLineId: detail.budget[0].budgetLineId,
        date: detail.subGrant.startDate,
        supplier: 'Papeterie e2e',
        description: fileName,
        amountMinor: 100,
        receipt: { fileName, contentBase64 },
      });
    }
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/grants/sub-grants/${subGrantId}`);

    await page.getByRole('button', { name: 'recu-e2e.png' }).click();
    const imageViewer = page.getByRole('dialog', { name: 'recu-e2e.png' });
    const image = imageViewer.getByRole('img', { name: 'recu-e2e.png' });
    await eventually(() => image.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : -1))).toBe(2);
    expect(await image.getAttribute('src')).toMatch(/^blob:/);
    await imageViewer.getByRole('button', { name: 'Fermer' }).last().click();
    await imageViewer.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'facture-e2e.pdf' }).click();
    const pdfViewer = page.getByRole('dialog', { name: 'facture-e2e.pdf' });
    expect(await pdfViewer.locator('iframe').getAttribute('src')).toMatch(/^blob:/);
    await eventually(() => page.frames().some((frame) => frame.url().startsWith('blob:'))).toBe(true);
    expect(await violations()).toEqual([]);
    await pdfViewer.getByRole('button', { name: 'Fermer' }).last().click();
    await pdfViewer.waitFor({ state: 'detached' });
  });
});
