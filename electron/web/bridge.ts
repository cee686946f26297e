import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Core } from '../core/dispatcher';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';
import { mimeTypeFor, resolveInsideRoot } from '../shared/static-files';

export const TOKEN_HEADER = 'x-tadamon-token';
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export function newToken(): string {
  return randomBytes(32).toString('hex');
}

function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface BridgeOptions {
  core: Core;
  rendererDir: string;
  token: string;
  /** host:port values the page may be reached at; anything else is refused (DNS rebinding). */
  allowedHosts: () => string[];
}

/**
 * The browser transport of the operation table: the same `dispatch` the Electron IPC uses, behind
 * a per-run token that only a page served by this process can read.
 */
export function createBridge({ core, rendererDir, token, allowedHosts }: BridgeOptions): RequestListener {
  return async (req, res) => {
    try {
      if (!allowedHosts().includes(req.headers.host ?? '')) return send(res, 403, 'forbidden', 'text/plain');
      const url = new URL(req.url ?? '/', 'http://bridge.invalid');

      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, 'method not allowed', 'text/plain');
        if (!sameToken(req.headers[TOKEN_HEADER], token)) return sendJson(res, 401, { ok: false, error: { code: 'forbidden' } });
        const body = await readBody(req);
        if (body === null) return sendJson(res, 413, { ok: false, error: { code: 'invalid_input' } });
        let input: unknown;
        try {
          input = body.trim() === '' ? undefined : JSON.parse(body);
        } catch {
          return sendJson(res, 400, { ok: false, error: { code: 'invalid_input' } });
        }
        return sendJson(res, 200, await core.dispatch(decodeURIComponent(url.pathname.slice(5)), input));
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', 'text/plain');
      const file = resolveInsideRoot(url.pathname, rendererDir);
      if (!file) return send(res, 404, 'not found', 'text/plain');
      let content: Buffer;
      try {
        content = await readFile(file);
      } catch {
        return send(res, 404, 'not found', 'text/plain');
      }
      if (file.endsWith('index.html')) {
        const html = content
          .toString('utf8')
          .replace('</head>', `<meta name="tadamon-token" content="${token}"></head>`);
        return send(res, 200, html, mimeTypeFor(file));
      }
      return send(res, 200, content, mimeTypeFor(file));
    } catch {
      return sendJson(res, 500, { ok: false, error: { code: 'internal' } });
    }
  };
}
