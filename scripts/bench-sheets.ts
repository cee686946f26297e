// Part of `npm run bench` (scripts/bench.ts): the printable attendance sheet of a 40-person session
// turned into a PDF by Chromium (`page.pdf` of the built print view through the web bridge, as the
// e2e does; Electron's printToPDF is the same engine). Needs `npm run build` and Chromium.
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { todayIso, type OpInput } from '../electron/contract';
import { callOp as call, CHROMIUM, launchChromium, newPage, signInToDemo, startWebBridge } from '../tests/e2e/harness';

export interface SheetBenchResult {
  name: string;
  value: number;
  unit: string;
  target: number;
}

const PEOPLE = 40;
const RUNS = 7;
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export async function benchSheets(): Promise<SheetBenchResult[]> {
  if (!existsSync('dist/web/server.mjs') || !existsSync(CHROMIUM)) {
    console.log('sheet PDF: skipped (needs `npm run build` and Chromium)');
    return [];
  }
  const bridge = await startWebBridge();
  const browser = await launchChromium();
  try {
    const page = await newPage(browser, bridge);
    await signInToDemo(page);
    const people = await call(page, 'beneficiaries.search', { query: '', limit: PEOPLE, offset: 0 } as OpInput<'beneficiaries.search'>);
    const activity = await call(page, 'activities.save', { title: 'Banc d’essai : feuille de 40 personnes', type: 'workshop', theme: 'health', completionThreshold: 75 });
    const session = await call(page, 'sessions.save', { activityId: activity.id, date: todayIso(new Date()), startTime: '10:00', endTime: '12:00' });
    await call(page, 'registrations.add', { activityId: activity.id, beneficiaryIds: people.rows.map((r) => r.id) });
    await call(page, 'logos.add', { kind: 'association', fileName: 'logo.png', contentBase64: PNG_BASE64 });

    const opened = performance.now();
    await page.evaluate((hash) => (window.location.hash = hash), `#/activities/${activity.id}/sessions/${session.id}/sheet`);
    await page.locator('body > .print-sheet tbody tr').nth(PEOPLE - 1).waitFor({ state: 'attached' });
    const shown = performance.now() - opened;

    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const pdf = await page.pdf({ format: 'A4' });
      runs.push(performance.now() - start);
      if (!pdf.subarray(0, 5).equals(Buffer.from('%PDF-'))) throw new Error('not a PDF');
    }
    const sorted = runs.slice(1).sort((a, b) => a - b);
    console.log(`sheet of ${PEOPLE} people: shown in ${shown.toFixed(0)} ms; page.pdf median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms`);
    return [{ name: `attendance sheet PDF, ${PEOPLE} people (page.pdf) max of ${RUNS - 1}`, value: sorted.at(-1) ?? 0, unit: 'ms', target: 1000 }];
  } finally {
    await browser.close();
    await bridge.stop();
  }
}
