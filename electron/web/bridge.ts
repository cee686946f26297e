import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, OutgoingHttpHeaders, RequestListener, ServerResponse } from 'node:http';
import type { Core } from '../core/dispatcher';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';
import { mimeTypeFor, resolveInsideRoot } from '../shared/static-files';

export const TOKEN_HEADER = 'x-tadamon-token';
/** Where a page served by the bridge opens its operations socket (see bridge-socket.ts). */
export const SOCKET_PATH = '/socket';
export const LOGIN_PARAM = 'login';
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * What stands between a local process and the signed-in user's data. Only the login link is ever
 * printed; the two others reach a browser only through it.
 */
export interface BridgeSecrets {
  /** In the one-time link printed in the terminal; exchanged once for the session cookie. */
  login: string;
  /** The HttpOnly session cookie's value. */
  session: string;
  /** Sent back by the page in TOKEN_HEADER; written only into pages served with the cookie. */
  pageToken: string;
}

export function newBridgeSecrets(): BridgeSecrets {
  const random = () => randomBytes(32).toString('base64url');
  return { login: random(), session: random(), pageToken: random() };
}

export function loginLink(baseUrl: string, secrets: BridgeSecrets): string {
  return `${baseUrl}?${LOGIN_PARAM}=${secrets.login}`;
}

/**
 * Cookies are shared by every port of a host; the port in the name keeps two bridges open in one
 * browser from overwriting each other's session.
 */
export function sessionCookieName(port: number | string): string {
  return `tadamon-session-${port}`;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Hashing first gives equal lengths, so neither the content nor the length leaks through timing. */
export function sameSecret(given: string | string[] | undefined, secret: string): boolean {
  return typeof given === 'string' && timingSafeEqual(digest(given), digest(secret));
}

function cookieValues(header: string | undefined, name: string): string[] {
  return (header ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${name}=`))
    .map((part) => part.slice(name.length + 1));
}

/** Whether the request carries this bridge's session cookie (named for the port it was sent to). */
export function hasSessionCookie(req: IncomingMessage, secrets: BridgeSecrets): boolean {
  return cookieValues(req.headers.cookie, cookieNameFor(req)).some((value) => sameSecret(value, secrets.session));
}

/** The session cookie's name for the port the request was sent to (its Host header). */
function cookieNameFor(req: IncomingMessage): string {
  const host = req.headers.host ?? '';
  return sessionCookieName(host.slice(host.lastIndexOf(':') + 1));
}

/** Where the build puts its scripts, styles and fonts, each named by a hash of its content. */
const ASSETS_PATH = '/assets/';

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: OutgoingHttpHeaders = {}): void {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');

const refuse = (res: ServerResponse, status: number, code: string) => sendJson(res, status, { ok: false, error: { code } });

/** Shown instead of the app to a browser without the session: static, no script, no secret. */
const SIGN_IN_HELP = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tadamon</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}h1{font-size:1.4rem}section{margin-bottom:2rem}code{background:#eee;padding:0 .2em;white-space:nowrap}</style>
</head>
<body>
<section lang="fr">
<h1>Ouvrez Tadamon avec le lien du terminal</h1>
<p>Pour ouvrir Tadamon dans ce navigateur, utilisez le lien affiché dans le terminal où <code>npm run web</code> a été lancé (il contient <code>?login=</code>). Chaque lien ne sert qu'une fois&nbsp;: pour en avoir un nouveau, arrêtez puis relancez <code>npm run web</code>.</p>
</section>
<section lang="ar" dir="rtl">
<h1>افتح تضامن بالرابط الظاهر في الطرفية</h1>
<p>لفتح تضامن في هذا المتصفح، استعمل الرابط الظاهر في الطرفية التي شُغّل فيها <code dir="ltr">npm run web</code> (يحتوي على <code dir="ltr">?login=</code>). كل رابط يصلح مرة واحدة فقط: للحصول على رابط جديد، أوقف <code dir="ltr">npm run web</code> ثم أعد تشغيله.</p>
</section>
<section lang="en">
<h1>Open Tadamon with the link from the terminal</h1>
<p>To open Tadamon in this browser, use the link printed in the terminal where <code>npm run web</code> was started (it contains <code>?login=</code>). Each link works once: for a new one, stop and restart <code>npm run web</code>.</p>
</section>
</body>
</html>
`;

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

function operationName(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname.slice('/api/'.length));
  } catch {
    return null;
  }
}

export interface BridgeOptions {
  /** Only its operations are served; the core may still be loading when the first page asks. */
  core: Pick<Core, 'dispatch'>;
  rendererDir: string;
  secrets: BridgeSecrets;
  /** host:port values the page may be reached at; anything else is refused (DNS rebinding). */
  allowedHosts: () => string[];
}

/**
 * The browser transport of the operation table: the same `dispatch` the Electron IPC uses. A
 * browser gets the session cookie once, through the login link; an operation needs the cookie,
 * the page token that only a page served with the cookie holds, and no foreign Origin.
 */
export function createBridge({ core, rendererDir, secrets, allowedHosts }: BridgeOptions): RequestListener {
  let loginUsed = false;
  return async (req, res) => {
    try {
      const host = req.headers.host ?? '';
      if (!allowedHosts().includes(host)) return send(res, 403, 'forbidden', 'text/plain');
      const url = new URL(req.url ?? '/', 'http://bridge.invalid');
      const signedIn = hasSessionCookie(req, secrets);

      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, 'method not allowed', 'text/plain');
        const origin = req.headers.origin;
        if (origin !== undefined && !allowedHosts().some((allowed) => origin === `http://${allowed}`)) return refuse(res, 403, 'forbidden');
        if (!signedIn || !sameSecret(req.headers[TOKEN_HEADER], secrets.pageToken)) return refuse(res, 401, 'forbidden');
        const op = operationName(url.pathname);
        if (op === null) return refuse(res, 400, 'unknown_operation');
        const body = await readBody(req);
        if (body === null) return refuse(res, 413, 'invalid_input');
        let input: unknown;
        try {
          input = body.trim() === '' ? undefined : JSON.parse(body);
        } catch {
          return refuse(res, 400, 'invalid_input');
        }
        return sendJson(res, 200, await core.dispatch(op, input));
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', 'text/plain');
      const help = () => send(res, 401, req.method === 'HEAD' ? '' : SIGN_IN_HELP, 'text/html; charset=utf-8');

      if (url.searchParams.has(LOGIN_PARAM)) {
        if (signedIn) return send(res, 303, '', 'text/plain', { location: '/' });
        if (req.method !== 'GET' || loginUsed || !sameSecret(url.searchParams.get(LOGIN_PARAM) ?? undefined, secrets.login)) return help();
        loginUsed = true;
        return send(res, 303, '', 'text/plain', {
          location: '/',
          'set-cookie': `${cookieNameFor(req)}=${secrets.session}; HttpOnly; SameSite=Strict; Path=/`,
        });
      }

      const file = resolveInsideRoot(url.pathname, rendererDir);
      if (!file) return send(res, 404, 'not found', 'text/plain');
      const type = mimeTypeFor(file);
      const isPage = type.startsWith('text/html');
      if (isPage && !signedIn) return help();
      let content: Buffer;
      try {
        content = await readFile(file);
      } catch {
        return send(res, 404, 'not found', 'text/plain');
      }
      if (isPage) {
        const html = content
          .toString('utf8')
          .replace('</head>', `<meta name="tadamon-token" content="${secrets.pageToken}"><meta name="tadamon-socket" content="${SOCKET_PATH}"></head>`);
        return send(res, 200, html, type);
      }
      // Vite names each built file by a hash of its content, and none holds a secret or data: the
      // browser may keep them (and the code V8 compiled from them) from one launch to the next.
      const cache = url.pathname.startsWith(ASSETS_PATH) ? { 'cache-control': 'public, max-age=31536000, immutable' } : {};
      return send(res, 200, content, type, cache);
    } catch {
      return refuse(res, 500, 'internal');
    }
  };
}
