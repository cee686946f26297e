import { describe, expect, it, vi } from 'vitest';
import { createSavePdf, pdfFileName, type PdfSource } from '../../../electron/main/save-pdf';
import type { FrameLike } from '../../../electron/main/trusted-sender';

const ourFrame: FrameLike = { url: 'app://tadamon/index.html#/activities/a-1/sessions/s-1/sheet', parent: null, processId: 7, frameToken: 'main' };
const PDF = new TextEncoder().encode('%PDF-1.7 sheet');

/** `frame` is the printed window's top frame; `sender` the frame whose call asked (the same by default). */
function setup(
  frame: FrameLike | null = ourFrame,
  chosen: string | null = '/home/amal/Documents/feuille.pdf',
  sender: FrameLike | null = frame,
) {
  const printToPDF = vi.fn<PdfSource['printToPDF']>(async () => PDF);
  const choosePath = vi.fn(async (_name: string) => chosen);
  const writeFile = vi.fn(async (_path: string, _data: Uint8Array) => {});
  const save = createSavePdf({
    source: () => (frame ? { mainFrame: frame, printToPDF } : null),
    sender: () => sender,
    choosePath,
    writeFile,
  });
  return { save, printToPDF, choosePath, writeFile };
}

describe('saving the page as a PDF (Electron glue)', () => {
  it('asks where, prints our page with its print CSS and writes the file there', async () => {
    const { save, printToPDF, choosePath, writeFile } = setup();
    expect(await save('Feuille A-2026-00001 2026-03-03')).toBe('/home/amal/Documents/feuille.pdf');
    expect(choosePath).toHaveBeenCalledExactlyOnceWith('Feuille A-2026-00001 2026-03-03.pdf');
    expect(printToPDF).toHaveBeenCalledExactlyOnceWith({ printBackground: true, preferCSSPageSize: true });
    expect(writeFile).toHaveBeenCalledExactlyOnceWith('/home/amal/Documents/feuille.pdf', PDF);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const { save, printToPDF, writeFile } = setup(ourFrame, null);
    expect(await save('feuille')).toBeNull();
    expect(printToPDF).not.toHaveBeenCalled();
    expect(writeFile).not.toHaveBeenCalled();
  });

  it('prints nothing but our own top frame (the same check as the IPC handler)', async () => {
    for (const frame of [
      null,
      { ...ourFrame, url: 'https://example.org/' },
      { ...ourFrame, detached: true },
      { ...ourFrame, parent: {} },
    ]) {
      const { save, choosePath, printToPDF } = setup(frame);
      await expect(save('feuille')).rejects.toThrow();
      expect(choosePath).not.toHaveBeenCalled();
      expect(printToPDF).not.toHaveBeenCalled();
    }
  });

  it('prints the window only for its own top frame: another trusted frame asking is refused', async () => {
    // A hidden funder-pack window passes the IPC check, but it is not the window that would be printed.
    const hiddenWindow: FrameLike = { ...ourFrame, processId: 9, frameToken: 'pack' };
    for (const sender of [hiddenWindow, { ...ourFrame, frameToken: 'an-iframe' }, null]) {
      const { save, choosePath, printToPDF, writeFile } = setup(ourFrame, '/home/amal/Documents/feuille.pdf', sender);
      await expect(save('feuille')).rejects.toThrow();
      expect(choosePath).not.toHaveBeenCalled();
      expect(printToPDF).not.toHaveBeenCalled();
      expect(writeFile).not.toHaveBeenCalled();
    }
  });

  it('offers a plain file name, never a path', () => {
    expect(pdfFileName('../../etc/passwd')).toBe('etc-passwd.pdf');
    expect(pdfFileName('Feuille: séance 1/3')).toBe('Feuille- séance 1-3.pdf');
    expect(pdfFileName('ورقة الحضور.PDF')).toBe('ورقة الحضور.PDF');
    expect(pdfFileName('...')).toBe('document.pdf');
  });
});
