import { isPrintRoute, PRINT_READY_CHECK } from '../contract/print-routes';
import { APP_START_URL } from './app-protocol';
import type { FrameLike } from './trusted-sender';

/** The parts of a hidden `BrowserWindow` the printing needs; tests pass plain objects. */
export interface PrintWindow {
  loadURL(url: string): Promise<void>;
  destroy(): void;
  webContents: {
    mainFrame: FrameLike;
    executeJavaScript(code: string): Promise<unknown>;
    printToPDF(options: { printBackground: boolean; preferCSSPageSize: boolean }): Promise<Uint8Array>;
  };
}

export interface PdfRenderer {
  /** The host's `renderPdf`: a page of the app, drawn in a hidden window, printed with its print CSS. */
  render(route: string): Promise<Uint8Array>;
  /** Top frames of the hidden windows now open: they may call the core like the main window. */
  frames(): FrameLike[];
}

/**
 * Documents the core puts in files (the funder pack) are the same React views a person prints,
 * so Arabic is shaped by Chromium. One hidden window at a time keeps memory low on old PCs; a page
 * that never says it is ready fails after the timeout instead of hanging the operation.
 */
export function createPdfRenderer(deps: { open: () => PrintWindow; timeoutMs?: number; pollMs?: number }): PdfRenderer {
  const timeoutMs = deps.timeoutMs ?? 30_000;
  const pollMs = deps.pollMs ?? 100;
  const open = new Set<PrintWindow>();
  let queue: Promise<unknown> = Promise.resolve();

  async function renderNow(route: string): Promise<Uint8Array> {
    if (!isPrintRoute(route)) throw new Error('not a printable route');
    const window = deps.open();
    open.add(window);
    try {
      await window.loadURL(`${APP_START_URL}#${route}`);
      const deadline = Date.now() + timeoutMs;
      while ((await window.webContents.executeJavaScript(PRINT_READY_CHECK)) !== true) {
        if (Date.now() > deadline) throw new Error('printable page not ready in time');
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
      return await window.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true });
    } finally {
      open.delete(window);
      window.destroy();
    }
  }

  return {
    render(route) {
      const next = queue.then(() => renderNow(route));
      queue = next.catch(() => undefined);
      return next;
    },
    frames: () => [...open].map((w) => w.webContents.mainFrame),
  };
}
