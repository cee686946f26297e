import type { ExportedFile } from '../../electron/contract';

/**
 * Saves a file the core made through a Blob link: the web bridge's browser downloads it, and
 * Electron, which has no `will-download` handler, asks where to save it with the native dialog.
 * Nothing is written to disk by the page itself.
 */
export function saveFile(file: ExportedFile): void {
  const binary = atob(file.contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers start the download after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
