import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBridge, TOKEN_HEADER } from '../../../electron/web/bridge';
import { testCore, useTempDir } from '../helpers';

const tempDir = useTempDir();
const servers: Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

async function startBridge() {
  const dir = tempDir();
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<html><head><title>T</title></head><body></body></html>');
  writeFileSync(join(dir, 'secret.txt'), 'outside');
  const core = testCore(dir);
  let port = 0;
  const server = createServer(
    createBridge({ core, rendererDir, token: 'a'.repeat(64), allowedHosts: () => [`127.0.0.1:${port}`] }),
  );
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  return { base: `http://127.0.0.1:${port}`, core };
}

const post = (base: string, op: string, body: unknown, token?: string) =>
  fetch(`${base}/api/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { [TOKEN_HEADER]: token } : {}) },
    body: JSON.stringify(body),
  });

describe('web bridge', () => {
  it('hands the token to the page it serves, with a CSP', async () => {
    const { base } = await startBridge();
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain(`<meta name="tadamon-token" content="${'a'.repeat(64)}">`);
  });

  it('refuses operations without the right token', async () => {
    const { base } = await startBridge();
    expect((await post(base, 'app.status', {})).status).toBe(401);
    expect((await post(base, 'app.status', {}, 'b'.repeat(64))).status).toBe(401);
    const ok = await post(base, 'app.status', {}, 'a'.repeat(64));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, value: { session: null } });
  });

  it('answers unknown operations and bad JSON with error codes', async () => {
    const { base } = await startBridge();
    expect(await (await post(base, 'nope.drop', {}, 'a'.repeat(64))).json()).toEqual({
      ok: false,
      error: { code: 'unknown_operation' },
    });
    const bad = await fetch(`${base}/api/app.status`, {
      method: 'POST',
      headers: { [TOKEN_HEADER]: 'a'.repeat(64) },
      body: '{not json',
    });
    expect(bad.status).toBe(400);
  });

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
