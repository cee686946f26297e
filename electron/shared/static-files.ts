import nodePath from 'node:path';

/**
 * Serving the built renderer from disk, shared by the `app://` protocol (Electron) and the web
 * bridge (Node), so both apply the same path rules and content types. Imports neither runtime.
 */

export type PathApi = Pick<typeof nodePath, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * Maps a URL path (still percent-encoded) to a file inside `root`, or null. Percent-decoding can
 * bring back separators (`..%2F`), and a backslash is a separator on Windows only, so the decoded
 * path is resolved and must still lie inside `root`. `pathApi` lets tests exercise the Windows
 * rules on any machine.
 */
export function resolveInsideRoot(urlPathname: string, root: string, pathApi: PathApi = nodePath): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relativePart = decoded.replace(/^\/+/, '') || 'index.html';
  if (pathApi.isAbsolute(relativePart)) return null;
  const resolvedRoot = pathApi.resolve(root);
  const target = pathApi.resolve(resolvedRoot, relativePart);
  const fromRoot = pathApi.relative(resolvedRoot, target);
  if (fromRoot === '' || fromRoot === '..' || fromRoot.startsWith(`..${pathApi.sep}`) || pathApi.isAbsolute(fromRoot)) {
    return null;
  }
  return target;
}

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(filePath: string): string {
  return mimeTypes[nodePath.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
