import type { RejectedSheet } from '../../../electron/contract';

/** Windows-1252 bytes 0x80–0x9F; the rest of the code page is Latin-1. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function windows1252(text: string): Uint8Array<ArrayBuffer> | null {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const high = CP1252_HIGH.indexOf(text[i]);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes[i] = code;
    else if (high >= 0) bytes[i] = 0x80 + high;
    else return null;
  }
  return bytes;
}

/**
 * The rejected rows' file in the encoding the user's file came in. Reasons in Arabic cannot be
 * written in Windows-1252: the file is then UTF-8 with a byte order mark, which Excel also reads.
 */
export function encodeText(text: string, encoding: RejectedSheet['encoding']): Uint8Array<ArrayBuffer> {
  if (encoding === 'windows-1252') {
    const bytes = windows1252(text);
    if (bytes) return bytes;
    if (!text.startsWith('\uFEFF')) return new TextEncoder().encode(`\uFEFF${text}`);
  }
  return new TextEncoder().encode(text);
}
