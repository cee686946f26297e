// Part of `npm run bench` (scripts/bench.ts): what a volunteer feels while typing in the
// beneficiaries search, in Chromium through the web bridge, on the bench's 50,000-person encrypted
// file. Each key is pressed alone; the sample is the time from that key to the frame painted with
// the rows the core finds for the text typed so far. Needs `npm run build` and Chromium.
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { SEARCH_COUNT_CAP, type BeneficiaryInput, type OpInput } from '../electron/contract';
import { seededRandom } from '../electron/core/demo/random';
import { callOp, CHROMIUM, launchChromium, newPage, startWebBridge } from '../tests/e2e/harness';
import { percentile } from './bench-stats';

export interface TypingBenchResult {
  name: string;
  value: number;
  unit: string;
  target: number;
}

/** The count the page says and the references of its first rows, as one comparable line. */
type Shown = string;

interface Frame {
  at: number;
  shown: Shown;
}

/** What the page shows, noted once per painted frame after anything in it changed. */
interface Recorder {
  keyAt: number;
  frames: Frame[];
  shown: () => Shown;
}

declare global {
  interface Window {
    typingBench?: Recorder;
  }
}

const SHOWN_ROWS = 5;
const QUIET_MS = 400;

/** Real names from the file, as a volunteer would type them: first names, last names, full names, Arabic names. */
export function typedNames(people: BeneficiaryInput[]): string[] {
  const random = seededRandom(16);
  const named = people.flatMap((p) => (p.personal ? [p.personal] : []));
  const some = (count: number) => Array.from({ length: count }, () => named[Math.floor(random() * named.length)]);
  return [
    ...some(4).map((p) => p.firstName.slice(0, 7)),
    ...some(3).map((p) => p.lastName.slice(0, 7)),
    ...some(2).map((p) => `${p.firstName} ${p.lastName.slice(0, 3)}`),
    ...some(40)
      .flatMap((p) => (p.arabicName ? [p.arabicName.split(' ')[0]] : []))
      .slice(0, 2),
  ];
}

function record(shownRows: number): void {
  const recorder: Recorder = {
    keyAt: 0,
    frames: [],
    shown: () => {
      const count = document.querySelector('main [aria-live="polite"]')?.textContent?.replace(/\D/g, '') ?? '';
      const refs = Array.from(document.querySelectorAll('table tbody tr[aria-rowindex]'))
        .slice(0, shownRows)
        .map((row) => row.querySelector('td')?.textContent ?? '');
      return [count, ...refs].join(' ');
    },
  };
  window.typingBench = recorder;
  // Arabic letters reach the box without a keydown (the keyboard inserts text), so the input that
  // follows starts the clock when no key did.
  let pressedAt: number | null = null;
  addEventListener('keydown', (event) => (pressedAt = event.timeStamp), true);
  addEventListener(
    'beforeinput',
    (event) => {
      recorder.keyAt = pressedAt ?? event.timeStamp;
      recorder.frames = [];
      pressedAt = null;
    },
    true,
  );
  // The rows are read in the frame that paints them; the time is taken in the task that follows that frame.
  new MutationObserver(() =>
    requestAnimationFrame(() => {
      const shown = recorder.shown();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => recorder.frames.push({ at: performance.now(), shown });
      channel.port2.postMessage(null);
    }),
  ).observe(document.body, { childList: true, subtree: true, characterData: true });
}

const searchInput = (query: string): OpInput<'beneficiaries.search'> =>
  ({ query, filters: { archived: false }, sort: { by: 'createdAt', direction: 'desc' }, offset: 0, limit: 100 }) as OpInput<'beneficiaries.search'>;

const shownNow = (page: Page) => page.evaluate(() => window.typingBench?.shown() ?? '');

async function settled(page: Page): Promise<Frame[]> {
  let last = -1;
  let quietSince = Date.now();
  for (;;) {
    await page.waitForTimeout(50);
    const { count, busy } = await page.evaluate(() => ({
      count: window.typingBench?.frames.length ?? 0,
      busy: document.querySelector('[aria-busy="true"]') !== null,
    }));
    if (count !== last || busy) {
      last = count;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= QUIET_MS) {
      return page.evaluate(() => window.typingBench?.frames ?? []);
    }
  }
}

/**
 * Types one key and returns the milliseconds until the right rows were painted, or null when the
 * rows were already right (a key that changes nothing on screen).
 */
async function typeOne(page: Page, key: string, text: string, before: Shown): Promise<number | null> {
  await page.keyboard.type(key);
  const frames = await settled(page);
  const found = await callOp(page, 'beneficiaries.search', searchInput(text.trim()));
  const count = found.capped ? SEARCH_COUNT_CAP : found.total;
  const expected = [count, ...found.rows.slice(0, SHOWN_ROWS).map((r) => r.reference)].join(' ');
  const shown = await shownNow(page);
  if (shown !== expected) throw new Error(`typing "${text}": the page shows ${shown}, the core finds ${expected}`);
  if (before === expected) return null;
  const keyAt = await page.evaluate(() => window.typingBench?.keyAt ?? 0);
  const painted = frames.find((f) => f.shown === expected);
  return painted ? painted.at - keyAt : null;
}

export async function benchTyping(path: string, userId: string, password: string, names: string[]): Promise<TypingBenchResult[]> {
  if (!existsSync('dist/web/server.mjs') || !existsSync(CHROMIUM)) {
    console.log('keystroke → results painted: skipped (needs `npm run build` and Chromium)');
    return [];
  }
  const bridge = await startWebBridge();
  const browser = await launchChromium();
  try {
    const page = await newPage(browser, bridge);
    await callOp(page, 'file.open', { path, userId, password });
    // Signed in behind the page's back: it learns so when it loads again.
    await page.evaluate(() => (window.location.hash = '#/beneficiaries'));
    await page.reload();
    const box = page.getByRole('searchbox', { name: 'Rechercher' });
    await box.waitFor();
    await page.locator('table tbody tr[aria-rowindex]').first().waitFor();
    // What the app does right after sign-in (checks of the file) is not typing.
    await page.waitForLoadState('networkidle');
    await page.evaluate(record, SHOWN_ROWS);

    const times: number[] = [];
    let unchanged = 0;
    for (const name of names) {
      await box.fill('');
      await settled(page);
      let text = '';
      for (const key of name) {
        text += key;
        const ms = await typeOne(page, key, text, await shownNow(page));
        if (ms === null) unchanged++;
        else times.push(ms);
      }
    }
    const p50 = percentile(times, 50);
    const p95 = percentile(times, 95);
    console.log(
      `typing ${names.length} names: ${times.length} keys measured (${unchanged} left the count and rows as they were); p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`,
    );
    return [
      { name: 'keystroke → results painted p50 (Chromium)', value: p50, unit: 'ms', target: 30 },
      { name: 'keystroke → results painted p95 (Chromium)', value: p95, unit: 'ms', target: 50 },
    ];
  } finally {
    await browser.close();
    await bridge.stop();
  }
}
