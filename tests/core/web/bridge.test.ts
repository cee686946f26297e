import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBridge, loginLink, newBridgeSecrets, sessionCookieName, TOKEN_HEADER } from '../../../electron/web/bridge';
import { testCore, useTempDir } from '../helpers';
import { wrongCookie } from './wrong-cookie';

const tempDir = useTempDir();
const servers: Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

async function startBridge() {
  const dir = tempDir();
  const rendererDir = join(dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<html><head><title>T</title></head><body></body></html>');
  writeFileSync(join(rendererDir, 'other.html'), '<html><head><title>O</title></head><body></body></html>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1);');
  writeFileSync(join(dir, 'secret.txt'), 'outside');
  const core = testCore(dir);
  const secrets = newBridgeSecrets();
  let port = 0;
  const server = createServer(createBridge({ core, rendererDir, secrets, allowedHosts: () => [`127.0.0.1:${port}`] }));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  return { base, port, core, secrets, link: loginLink(`${base}/`, secrets) };
}

/** Follows the login link as a browser would, and returns the cookie it was given. */
async function logIn(link: string): Promise<string> {
  const res = await fetch(link, { redirect: 'manual' });
  expect(res.status).toBe(303);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

const post = (base: string, op: string, body: unknown, auth: { cookie?: string; token?: string; origin?: string } = {}) =>
  fetch(`${base}/api/${op}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(auth.cookie ? { cookie: auth.cookie } : {}),
      ...(auth.token ? { [TOKEN_HEADER]: auth.token } : {}),
      ...(auth.origin ? { origin: auth.origin } : {}),
    },
    body: JSON.stringify(body),
  });

describe('web bridge: signing in with the one-time link', () => {
  it('exchanges the link once for an HttpOnly, SameSite=Strict session cookie and sends the browser to /', async () => {
    const { base, port, secrets, link } = await startBridge();
    const first = await fetch(link, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    const cookie = first.headers.get('set-cookie') ?? '';
    const [pair, ...attributes] = cookie.split(';').map((part) => part.trim());
    expect(pair).toBe(`${sessionCookieName(port)}=${secrets.session}`);
    expect(Buffer.from(secrets.session, 'base64url').length).toBeGreaterThanOrEqual(32);
    expect(attributes.sort()).toEqual(['HttpOnly', 'Path=/', 'SameSite=Strict']);
    expect(secrets.session).not.toBe(secrets.login);
    expect(secrets.session).not.toBe(secrets.pageToken);

    const again = await fetch(link, { redirect: 'manual' });
    expect(again.status).toBe(401);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(await again.text()).not.toContain(secrets.pageToken);

    const page = await fetch(`${base}/`, { headers: { cookie: pair } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain(`<meta name="tadamon-token" content="${secrets.pageToken}">`);
    expect(html).toContain(`<meta name="tadamon-socket" content="/socket">`);
  });

  it('refuses a wrong login token without using up the real one', async () => {
    const { base, link } = await startBridge();
    const wrong = await fetch(`${base}/?login=${'x'.repeat(43)}`, { redirect: 'manual' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect((await fetch(link, { redirect: 'manual', method: 'HEAD' })).status).toBe(401);
    expect(await logIn(link)).toMatch(/^tadamon-session-\d+=/);
  });

  it('shows a page saying where to find the link to any page asked without the cookie, never the token', async () => {
    const { base, secrets, link } = await startBridge();
    await logIn(link);
    for (const path of ['/', '/index.html', '/other.html']) {
      for (const cookie of [undefined, 'tadamon-session-1=nope', `${'tadamon-session-1'}=${secrets.session.slice(1)}`]) {
        const res = await fetch(`${base}${path}`, { headers: cookie ? { cookie } : {} });
        expect(res.status, path).toBe(401);
        expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
        const html = await res.text();
        expect(html).not.toContain(secrets.pageToken);
        expect(html).not.toContain(secrets.session);
        expect(html).not.toContain('<script');
        expect(html).toContain('npm run web');
        expect(html).toContain('lang="ar" dir="rtl"');
        expect(html).toContain('lang="en"');
      }
    }
  });

  it('serves the built scripts, styles and fonts without the cookie: they hold no secret and no data', async () => {
    const { base } = await startBridge();
    const res = await fetch(`${base}/assets/app.js`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('console.log(1);');
    // named by their content, they may be kept between launches; a page (it holds the page token) never is
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('lets no page or answer be kept by the browser', async () => {
    const { base, link, secrets } = await startBridge();
    const cookie = await logIn(link);
    const page = await fetch(`${base}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const answer = await fetch(`${base}/api/app.status`, { method: 'POST', headers: { cookie, 'x-tadamon-token': secrets.pageToken }, body: '{}' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });
});

describe('web bridge: operations', () => {
  async function signedIn() {
    const bridge = await startBridge();
    const cookie = await logIn(bridge.link);
    return { ...bridge, cookie, token: bridge.secrets.pageToken };
  }

  it('needs the session cookie and the page token together', async () => {
    const { base, cookie, token } = await signedIn();
    expect((await post(base, 'app.status', {})).status).toBe(401);
    expect((await post(base, 'app.status', {}, { token })).status).toBe(401);
    expect((await post(base, 'app.status', {}, { cookie })).status).toBe(401);
    expect((await post(base, 'app.status', {}, { cookie, token: 'b'.repeat(43) })).status).toBe(401);
    expect((await post(base, 'app.status', {}, { cookie: wrongCookie(cookie), token })).status).toBe(401);
    const ok = await post(base, 'app.status', {}, { cookie, token });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, value: { session: null } });
  });

  it('refuses a request from another origin, even with the cookie and the token', async () => {
    const { base, cookie, token } = await signedIn();
    for (const origin of [`http://127.0.0.1:1`, 'http://evil.example', 'null']) {
      const res = await post(base, 'app.status', {}, { cookie, token, origin });
      expect(res.status, origin).toBe(403);
      expect(await res.json()).toEqual({ ok: false, error: { code: 'forbidden' } });
    }
    expect((await post(base, 'app.status', {}, { cookie, token, origin: base })).status).toBe(200);
  });

  it('answers unknown operations, badly encoded names and bad JSON with error codes', async () => {
    const { base, cookie, token } = await signedIn();
    expect(await (await post(base, 'nope.drop', {}, { cookie, token })).json()).toEqual({
      ok: false,
      error: { code: 'unknown_operation' },
    });
    const badName = await post(base, '%E0%A4%A', {}, { cookie, token });
    expect(badName.status).toBe(400);
    expect(await badName.json()).toEqual({ ok: false, error: { code: 'unknown_operation' } });
    const bad = await fetch(`${base}/api/app.status`, {
      method: 'POST',
      headers: { cookie, [TOKEN_HEADER]: token },
      body: '{not json',
    });
    expect(bad.status).toBe(400);
  });
});

describe('web bridge: what it serves', () => {
  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { base } = await startBridge();
    const res = await new Promise<number>((resolve) => {
      const url = new URL(base);
      import('node:http').then(({ request }) =>
        request({ host: url.hostname, port: url.port, path: '/', headers: { host: 'evil.example:80' } }, (r) =>
          resolve(r.statusCode ?? 0),
        ).end(),
      );
    });
    expect(res).toBe(403);
  });

  it('never serves a file outside the renderer folder', async () => {
    const { base } = await startBridge();
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('outside');
    }
  });
});
