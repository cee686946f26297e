import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeFor, resolveInsideRoot } from '../../../electron/shared/static-files';

const root = path.resolve('/srv/tadamon/dist/renderer');

describe('resolveInsideRoot', () => {
  it('maps a URL path to a file inside the root, the empty path to index.html', () => {
    expect(resolveInsideRoot('/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveInsideRoot('/assets/app%20x.js', root)).toBe(path.join(root, 'assets', 'app x.js'));
  });

  it('refuses what would leave the root or cannot be decoded', () => {
    expect(resolveInsideRoot('/..%2F..%2Fsecret.tadamon', root)).toBeNull();
    expect(resolveInsideRoot('/assets/..%5C..%5Csecret', root)).toBeNull();
    expect(resolveInsideRoot('/index.html%00.js', root)).toBeNull();
    expect(resolveInsideRoot('/%E0%A4%A', root)).toBeNull();
  });
});

describe('mimeTypeFor', () => {
  it('names the types the renderer build produces', () => {
    expect(mimeTypeFor('/r/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('/r/assets/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/r/assets/index-abc.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('/r/assets/noto.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('/r/icon.SVG')).toBe('image/svg+xml');
    expect(mimeTypeFor('/r/logo.png')).toBe('image/png');
    expect(mimeTypeFor('/r/data.bin')).toBe('application/octet-stream');
    expect(mimeTypeFor('/r/README')).toBe('application/octet-stream');
  });
});
