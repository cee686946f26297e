import { crc32, deflateSync } from 'node:zlib';
import { addLogo, listLogos, setLogoFunder } from '../activities/logos';
import type { WriteTx } from '../context';

// The demo association's logo and two funders' logos, drawn here (plain shapes, no real brand) so
// that the demo's attendance sheets show where logos go.

type Rgb = readonly [number, number, number];

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A truecolour PNG whose pixel (x, y) is `paint(x, y)`. */
export function paintPng(width: number, height: number, paint: (x: number, y: number) => Rgb): Buffer {
  const rows = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    for (let x = 0; x < width; x++) rows.set(paint(x, y), row + 1 + x * 3);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

const WHITE: Rgb = [255, 255, 255];

// Painted when the demo is made, not when the app starts: every launch loads this module.

/** Two joined rings, teal and orange, on white. */
const association = () => paintPng(160, 160, (x, y) => {
  const ring = (cx: number, cy: number) => Math.abs(Math.hypot(x - cx, y - cy) - 42) < 9;
  if (ring(58, 80)) return [12, 128, 110];
  if (ring(102, 80)) return [235, 130, 40];
  return WHITE;
});

/** A blue band with a white diagonal. */
const funderBlue = () => paintPng(240, 90, (x, y) => (Math.abs(x - 2 * y - 60) < 14 ? WHITE : [28, 64, 150]));

/** Green and white triangles. */
const funderGreen = () => paintPng(200, 90, (x, y) => ((x % 50) + y / 2 < 50 ? [40, 140, 70] : WHITE));

export function addDemoLogos(tx: WriteTx): void {
  const add = (kind: 'association' | 'funder', fileName: string, png: Buffer) =>
    addLogo({ kind, fileName, contentBase64: png.toString('base64') })(tx);
  add('association', 'logo-association.png', association());
  add('funder', 'bailleur-1.png', funderBlue());
  add('funder', 'bailleur-2.png', funderGreen());
}

/** The blue logo is the demo agreement's funder's; the green one is left without a funder, as a logo added before logos had one. */
export function giveDemoLogoToFunder(tx: WriteTx, funderId: string): void {
  const blue = listLogos(tx.db).funders.find((logo) => logo.fileName === 'bailleur-1.png');
  if (blue) setLogoFunder({ id: blue.id, funderId })(tx);
}
