/**
 * The renderer holds personal data of vulnerable people: it may load only its own files and talk
 * to nothing but its own origin. `'unsafe-inline'` for styles only, because Mantine injects
 * `<style>` tags at run time; scripts stay strictly `'self'` (no inline, no eval). `blob:` for
 * images and frames only, so the file viewer can show a stored scan or PDF from bytes the page
 * read from the encrypted file, without a new window (which Electron refuses) or a copy on disk;
 * a blob: URL can only be made by a script of our own origin.
 */
export const cspDirectives: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'frame-src': ['blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export function serializeCsp(directives: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

export const CONTENT_SECURITY_POLICY = serializeCsp(cspDirectives);
