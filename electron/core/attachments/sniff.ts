import type { AttachmentMime } from '../../contract/attachments';

const SIGNATURES: readonly { mime: AttachmentMime; bytes: readonly number[] }[] = [
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The type the bytes really are (magic numbers), whatever the file is called; null if not allowed. */
export function sniffMime(bytes: Uint8Array): AttachmentMime | null {
  for (const { mime, bytes: signature } of SIGNATURES) {
    if (bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b)) return mime;
  }
  return null;
}
