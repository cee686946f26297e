import { readFile as fsReadFile } from 'node:fs/promises';
import nodePath from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';
import { mimeTypeFor, resolveInsideRoot, type PathApi } from '../shared/static-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'tadamon';
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Node's URL gives custom schemes an opaque origin (`"null"`), so `url.origin` cannot be
 * compared; the parts are checked one by one instead. Chromium lower-cases the host of a
 * standard scheme, hence the case-insensitive comparison.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol.toLowerCase() === `${APP_SCHEME}:` &&
    parsed.host.toLowerCase() === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === ''
  );
}

/** Maps an `app://tadamon/...` URL to a file inside `root`, or null. */
export function resolveAppRequest(url: string, root: string, pathApi: PathApi = nodePath): string | null {
  if (!isAppUrl(url)) return null;
  return resolveInsideRoot(new URL(url).pathname, root, pathApi);
}

/** Headers sent with every answer, errors included, so no page of ours ever runs without CSP. */
function baseHeaders(): Headers {
  return new Headers({
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
}

function plain(status: number, text: string): Response {
  const headers = baseHeaders();
  headers.set('Content-Type', 'text/plain; charset=utf-8');
  return new Response(text, { status, headers });
}

export interface AppProtocolOptions {
  /** The built renderer folder (`dist/renderer`). */
  root: string;
  readFile?: (path: string) => Promise<Uint8Array>;
}

/** The `protocol.handle('app', ...)` handler, free of Electron so it can be tested under Node. */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const readFile = options.readFile ?? fsReadFile;
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method Not Allowed');
    const filePath = resolveAppRequest(request.url, options.root);
    if (filePath === null) return plain(404, 'Not Found');
    let body: Uint8Array;
    try {
      body = await readFile(filePath);
    } catch {
      return plain(404, 'Not Found');
    }
    const headers = baseHeaders();
    headers.set('Content-Type', mimeTypeFor(filePath));
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}
