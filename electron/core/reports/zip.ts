import JSZip from 'jszip';

// The pack is built in memory, so nothing in clear touches the disk before the user saves it.

export interface ZipEntry {
  name: string;
  content: Buffer;
}

export function zip(entries: readonly ZipEntry[], at: Date): Promise<Buffer> {
  const archive = new JSZip();
  for (const entry of entries) archive.file(entry.name, entry.content, { date: at, binary: true, createFolders: false });
  return archive.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
