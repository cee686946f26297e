import { isTrustedSender, type FrameLike } from './trusted-sender';

/** The parts of Electron's `WebContents` the save needs; tests pass plain objects. */
export interface PdfSource {
  mainFrame: FrameLike;
  printToPDF(options: { printBackground: boolean; preferCSSPageSize: boolean }): Promise<Uint8Array>;
}

const FORBIDDEN = new Set('\\/:*?"<>|');

/** A file name the user may change in the dialog: never a path, always `.pdf`. */
export function pdfFileName(name: string): string {
  const safe = Array.from(name, (c) => (FORBIDDEN.has(c) || c.charCodeAt(0) < 32 ? '-' : c)).join('');
  const base = safe.replace(/-+/g, '-').replace(/^[.\s-]+/, '').trim().slice(0, 120) || 'document';
  return base.toLowerCase().endsWith('.pdf') ? base : `${base}.pdf`;
}

/**
 * The host's `savePdf`: the page of our window, printed by Chromium with the print CSS (as the
 * print dialog would), written where the user chooses. The IPC handler lets in other trusted
 * frames too (the hidden funder-pack windows), so the frame that asked (`sender`) must be the top
 * frame of the very window that is printed: a page may only ever save itself. Cancelling the
 * dialog gives null and writes nothing.
 */
export function createSavePdf(deps: {
  source: () => PdfSource | null;
  sender: () => FrameLike | null | undefined;
  choosePath: (defaultName: string) => Promise<string | null>;
  writeFile: (path: string, data: Uint8Array) => Promise<void>;
}): (fileName: string) => Promise<string | null> {
  return async (fileName) => {
    const source = deps.source();
    if (!source || !isTrustedSender(deps.sender(), source.mainFrame)) throw new Error('no trusted page to print');
    const path = await deps.choosePath(pdfFileName(fileName));
    if (!path) return null;
    // After the dialog: the page is printed as it is when the user confirms.
    const data = await source.printToPDF({ printBackground: true, preferCSSPageSize: true });
    await deps.writeFile(path, data);
    return path;
  };
}
