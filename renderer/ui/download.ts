/**
 * Saves text (or bytes already encoded) as a file through a Blob link: the browser (web bridge) downloads it, Electron asks
 * where to save it. Nothing is written to disk by the app itself.
 */
export function downloadText(fileName: string, content: string | Uint8Array<ArrayBuffer>, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers start the download after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
