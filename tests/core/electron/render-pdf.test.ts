import { describe, expect, it } from 'vitest';
import { allSheetsRoute, isPrintRoute, reportPrintRoute } from '../../../electron/contract';
import { createPdfRenderer, type PrintWindow } from '../../../electron/main/render-pdf';

/** A hidden window whose page says it is ready after `readyAfter` checks. */
function fakeWindow(log: string[], readyAfter = 2, n = log.length) {
  let checks = 0;
  const window: PrintWindow & { destroyed: boolean } = {
    destroyed: false,
    async loadURL(url) {
      log.push(`load ${url}`);
    },
    destroy() {
      window.destroyed = true;
      log.push(`destroy ${n}`);
    },
    webContents: {
      mainFrame: { url: 'app://tadamon/index.html', parent: null, processId: 40 + n, frameToken: `print-${n}` },
      async executeJavaScript(code) {
        expect(code).toContain('[data-print-ready]');
        checks += 1;
        return checks > readyAfter;
      },
      async printToPDF(options) {
        log.push(`print ${JSON.stringify(options)}`);
        return new TextEncoder().encode('%PDF-1.7');
      },
    },
  };
  return window;
}

describe('printing app pages in a hidden window (Electron glue)', () => {
  it('loads our page at the route, waits until it is drawn, prints it with its print CSS, then closes the window', async () => {
    const log: string[] = [];
    const windows: ReturnType<typeof fakeWindow>[] = [];
    const renderer = createPdfRenderer({ open: () => (windows.push(fakeWindow(log, 2, windows.length)), windows.at(-1)!), pollMs: 1 });
    const pdf = await renderer.render('/reports?from=2026-01-01&to=2026-06-30&lang=ar');
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.7');
    expect(log).toEqual([
      'load app://tadamon/index.html#/reports?from=2026-01-01&to=2026-06-30&lang=ar',
      'print {"printBackground":true,"preferCSSPageSize":true}',
      'destroy 0',
    ]);
    expect(renderer.frames()).toEqual([]);
  });

  it('trusts the hidden window’s frame only while it prints, and prints one page at a time', async () => {
    const log: string[] = [];
    const seen: string[][] = [];
    let opened = 0;
    const open = (): PrintWindow => {
      const window = fakeWindow(log, 1, opened++);
      const check = window.webContents.executeJavaScript.bind(window.webContents);
      window.webContents.executeJavaScript = async (code) => {
        seen.push(renderer.frames().map((f) => f.frameToken));
        return check(code);
      };
      return window;
    };
    const renderer = createPdfRenderer({ open: () => open(), pollMs: 1 });
    await Promise.all([renderer.render('/activities/a-1/sheets'), renderer.render('/activities/a-2/sheets')]);
    expect(seen.every((tokens) => tokens.length === 1)).toBe(true);
    expect(log.filter((l) => l.startsWith('load') || l.startsWith('destroy'))).toEqual([
      'load app://tadamon/index.html#/activities/a-1/sheets',
      'destroy 0',
      'load app://tadamon/index.html#/activities/a-2/sheets',
      'destroy 1',
    ]);
    expect(renderer.frames()).toEqual([]);
  });

  it('gives up on a page that never gets ready, and still closes its window', async () => {
    const log: string[] = [];
    const window = fakeWindow(log, Number.POSITIVE_INFINITY);
    const renderer = createPdfRenderer({ open: () => window, timeoutMs: 20, pollMs: 2 });
    await expect(renderer.render('/reports')).rejects.toThrow('not ready');
    expect(window.destroyed).toBe(true);
    expect(log.some((l) => l.startsWith('print'))).toBe(false);
  });

  it('opens no window for anything but a path of our renderer', async () => {
    let opened = 0;
    const renderer = createPdfRenderer({ open: () => (opened++, fakeWindow([])) });
    for (const route of ['https://example.org/', '//evil.example/x', 'reports', '/reports#x', '/../etc/passwd', '/a/../../b', '/reports?x=<script>', 'javascript:alert(1)']) {
      expect(isPrintRoute(route), route).toBe(false);
      await expect(renderer.render(route)).rejects.toThrow();
    }
    expect(opened).toBe(0);
  });

  it('accepts the routes the funder pack prints', () => {
    expect(isPrintRoute(reportPrintRoute({ from: '2026-01-01', to: '2026-06-30', agreementId: '0190a3b2-7c1d-7e4f-8a9b-0c1d2e3f4a5b', locale: 'fr' }))).toBe(true);
    expect(isPrintRoute(allSheetsRoute('0190a3b2-7c1d-7e4f-8a9b-0c1d2e3f4a5b', { from: '2026-01-01', to: '2026-06-30' }))).toBe(true);
  });
});
