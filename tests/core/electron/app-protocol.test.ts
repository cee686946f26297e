import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_START_URL, createAppProtocolHandler, isAppUrl, resolveAppRequest } from '../../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/shared/content-security-policy';

const root = path.resolve('/srv/tadamon/dist/renderer');

describe('isAppUrl', () => {
  it('accepts our origin only', () => {
    expect(isAppUrl(APP_START_URL)).toBe(true);
    expect(isAppUrl('app://tadamon/index.html#/beneficiaries?x=1')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('app://tadamon.evil/index.html')).toBe(false);
    expect(isAppUrl('app://tadamon:8080/index.html')).toBe(false);
    expect(isAppUrl('app://user@tadamon/index.html')).toBe(false);
    expect(isAppUrl('https://tadamon/index.html')).toBe(false);
    expect(isAppUrl('file:///tadamon/index.html')).toBe(false);
    expect(isAppUrl('about:blank')).toBe(false);
    expect(isAppUrl('')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('resolveAppRequest', () => {
  it('maps our URLs to files inside the renderer folder', () => {
    expect(resolveAppRequest('app://tadamon/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppRequest('app://tadamon/assets/app-1a2b.js', root)).toBe(path.join(root, 'assets', 'app-1a2b.js'));
    expect(resolveAppRequest('app://tadamon/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppRequest('app://tadamon', root)).toBe(path.join(root, 'index.html'));
  });

  it('ignores query strings and fragments', () => {
    expect(resolveAppRequest('app://tadamon/assets/a.css?v=3#top', root)).toBe(path.join(root, 'assets', 'a.css'));
    expect(resolveAppRequest('app://tadamon/index.html#/../../etc/passwd', root)).toBe(path.join(root, 'index.html'));
  });

  it('decodes percent-encoded names', () => {
    expect(resolveAppRequest('app://tadamon/fonts/Noto%20Sans.woff2', root)).toBe(path.join(root, 'fonts', 'Noto Sans.woff2'));
  });

  it('never leaves the renderer folder', () => {
    const escapes = [
      'app://tadamon/../../../etc/passwd',
      'app://tadamon/%2e%2e/%2e%2e/etc/passwd',
      'app://tadamon/..%2F..%2F..%2Fetc%2Fpasswd',
      'app://tadamon/assets/..%2f..%2f..%2fsecret',
      'app://tadamon/%2E%2E%2F',
      'app://tadamon/..%5C..%5Csecret',
      'app://tadamon/..\\..\\secret',
      'app://tadamon/%2Fetc%2Fpasswd',
    ];
    for (const url of escapes) {
      const resolved = resolveAppRequest(url, root);
      if (resolved !== null) expect(resolved.startsWith(root + path.sep), url).toBe(true);
    }
    expect(resolveAppRequest('app://tadamon/..%2F..%2Fetc%2Fpasswd', root)).toBeNull();
    expect(resolveAppRequest('app://tadamon/..%5C..%5Csecret', root)).toBeNull();
  });

  it('keeps absolute paths relative to the renderer folder', () => {
    expect(resolveAppRequest('app://tadamon//etc/passwd', root)).toBe(path.join(root, 'etc', 'passwd'));
    expect(resolveAppRequest('app://tadamon/%2Fetc%2Fpasswd', root)).toBe(path.join(root, 'etc', 'passwd'));
  });

  it('refuses the folder itself, NUL bytes and malformed escapes', () => {
    expect(resolveAppRequest('app://tadamon/.', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppRequest('app://tadamon/assets/..%2F', root)).toBeNull();
    expect(resolveAppRequest('app://tadamon/index.html%00.png', root)).toBeNull();
    expect(resolveAppRequest('app://tadamon/%E0%A4%A', root)).toBeNull();
  });

  it('refuses other hosts and schemes', () => {
    expect(resolveAppRequest('app://evil/index.html', root)).toBeNull();
    expect(resolveAppRequest('https://tadamon/index.html', root)).toBeNull();
    expect(resolveAppRequest('file:///etc/passwd', root)).toBeNull();
  });

  it('applies the Windows rules: backslashes, drive letters, UNC paths', () => {
    const winRoot = 'C:\\Program Files\\Tadamon\\resources\\app.asar\\dist\\renderer';
    const win = path.win32;
    expect(resolveAppRequest('app://tadamon/assets/a.js', winRoot, win)).toBe(`${winRoot}\\assets\\a.js`);
    expect(resolveAppRequest('app://tadamon/..%5C..%5C..%5Cwin.ini', winRoot, win)).toBeNull();
    expect(resolveAppRequest('app://tadamon/C:/Windows/win.ini', winRoot, win)).toBeNull();
    expect(resolveAppRequest('app://tadamon/C:%5CWindows%5Cwin.ini', winRoot, win)).toBeNull();
    expect(resolveAppRequest('app://tadamon/D:secret.txt', winRoot, win)).toBeNull();
    expect(resolveAppRequest('app://tadamon/%5C%5Cserver%5Cshare%5Cx', winRoot, win)).toBeNull();
    expect(resolveAppRequest('app://tadamon/..%2F..%2Fapp.asar.unpacked', winRoot, win)).toBeNull();
  });
});

describe('createAppProtocolHandler', () => {
  let dir: string;
  let rendererRoot: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tadamon-protocol-'));
    rendererRoot = path.join(dir, 'renderer');
    mkdirSync(path.join(rendererRoot, 'assets'), { recursive: true });
    writeFileSync(path.join(rendererRoot, 'index.html'), '<!doctype html><title>Tadamon</title>');
    writeFileSync(path.join(rendererRoot, 'assets', 'app.js'), 'console.log(1);');
    writeFileSync(path.join(dir, 'secret.tadamon'), 'outside the renderer');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') =>
    createAppProtocolHandler({ root: rendererRoot })(new Request(url, { method }));

  it('serves files with their type and the CSP', async () => {
    const response = await get('app://tadamon/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Tadamon</title>');

    const script = await get('app://tadamon/assets/app.js?v=2');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1);');
  });

  it('answers 404 with the CSP for missing files, folders and escapes', async () => {
    for (const url of [
      'app://tadamon/missing.js',
      'app://tadamon/assets',
      'app://tadamon/..%2Fsecret.tadamon',
      'app://tadamon/assets/..%2F..%2Fsecret.tadamon',
      'app://other/index.html',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text(), url).not.toContain('outside the renderer');
    }
  });

  it('only reads', async () => {
    const response = await get('app://tadamon/index.html', 'POST');
    expect(response.status).toBe(405);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const head = await get('app://tadamon/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('never reads a file outside the root', async () => {
    const asked: string[] = [];
    const handler = createAppProtocolHandler({
      root: rendererRoot,
      readFile: async (p) => {
        asked.push(p);
        return new TextEncoder().encode('x');
      },
    });
    await handler(new Request('app://tadamon/..%2F..%2Fetc%2Fpasswd'));
    await handler(new Request('app://tadamon/assets/app.js'));
    expect(asked).toEqual([path.join(rendererRoot, 'assets', 'app.js')]);
  });
});
