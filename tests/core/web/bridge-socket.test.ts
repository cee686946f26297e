import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createBridge, loginLink, newBridgeSecrets, SOCKET_PATH } from '../../../electron/web/bridge';
import { SOCKET_PROTOCOL } from '../../../electron/contract/bridge-socket';
import { attachBridgeSocket } from '../../../electron/web/bridge-socket';
import { testCore, useTempDir } from '../helpers';
import { wrongCookie } from './wrong-cookie';

const tempDir = useTempDir();
const servers: { server: Server; socket: { close: () => void } }[] = [];
afterEach(() =>
  servers.splice(0).forEach(({ server, socket }) => {
    socket.close();
    server.close();
  }),
);

async function signedInBridge() {
  const dir = tempDir();
  const core = testCore(dir);
  const secrets = newBridgeSecrets();
  let port = 0;
  const allowedHosts = () => [`127.0.0.1:${port}`];
  const server = createServer(createBridge({ core, rendererDir: dir, secrets, allowedHosts }));
  const socket = attachBridgeSocket(server, { core, secrets, allowedHosts });
  servers.push({ server, socket });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(loginLink(`${base}/`, secrets), { redirect: 'manual' });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  return { base, port, cookie, token: secrets.pageToken };
}

interface Attempt {
  path?: string;
  cookie?: string;
  origin?: string;
  protocols?: string[];
  host?: string;
}

/** Opens a socket as a page would; resolves with it once open, or with the HTTP status it was refused with. */
function open(port: number, { path = SOCKET_PATH, cookie, origin, protocols = [], host }: Attempt): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, protocols, {
      headers: { ...(cookie ? { cookie } : {}), ...(host ? { host } : {}) },
      ...(origin ? { origin } : {}),
    });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, message: string): Promise<unknown> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(String(data))));
    ws.send(message);
  });
}

describe('web bridge: the operations socket', () => {
  it('answers a signed-in page of its own origin, each call by its id', async () => {
    const { base, port, cookie, token } = await signedInBridge();
    const ws = await open(port, { cookie, origin: base, protocols: [SOCKET_PROTOCOL, token] });
    expect(ws).toBeInstanceOf(WebSocket);
    const socket = ws as WebSocket;
    expect(socket.protocol).toBe(SOCKET_PROTOCOL);
    expect(await call(socket, JSON.stringify({ id: 7, op: 'app.status', input: {} }))).toMatchObject({
      id: 7,
      result: { ok: true, value: { session: null } },
    });
    expect(await call(socket, JSON.stringify({ id: 8, op: 'nope.drop', input: {} }))).toEqual({
      id: 8,
      result: { ok: false, error: { code: 'unknown_operation' } },
    });
    socket.close();
  });

  it('refuses to open without the cookie, the page token, its own origin, an allowed host or on another path', async () => {
    const { base, port, cookie, token } = await signedInBridge();
    const good = { cookie, origin: base, protocols: [SOCKET_PROTOCOL, token] };
    const refusals: [string, Attempt][] = [
      ['no cookie', { ...good, cookie: undefined }],
      ['a wrong cookie', { ...good, cookie: wrongCookie(cookie) }],
      ['no token', { ...good, protocols: [SOCKET_PROTOCOL] }],
      ['a wrong token', { ...good, protocols: [SOCKET_PROTOCOL, 'b'.repeat(43)] }],
      ['no origin', { ...good, origin: undefined }],
      ['another origin', { ...good, origin: 'http://evil.example' }],
      ['another port', { ...good, origin: 'http://127.0.0.1:1' }],
      ['a foreign host (DNS rebinding)', { ...good, host: `evil.example:${port}` }],
      ['another path', { ...good, path: '/api/app.status' }],
    ];
    for (const [what, attempt] of refusals) expect(await open(port, attempt), what).toBe(403);
  });

  it('closes on anything but a call of ours, and answers nothing', async () => {
    const { base, port, cookie, token } = await signedInBridge();
    for (const junk of ['{not json', '42', JSON.stringify({ op: 'app.status' }), JSON.stringify({ id: 'x', op: 'app.status' })]) {
      const socket = (await open(port, { cookie, origin: base, protocols: [SOCKET_PROTOCOL, token] })) as WebSocket;
      const answers: unknown[] = [];
      socket.on('message', (data) => answers.push(String(data)));
      const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
      socket.send(junk);
      expect(await closed, junk).toBe(1008);
      expect(answers).toEqual([]);
    }
  });
});
