import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, serializeCsp } from '../../../electron/shared/content-security-policy';

function parse(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('content security policy', () => {
  const policy = parse(CONTENT_SECURITY_POLICY);

  it('has exactly the directives of the design', () => {
    expect(Object.fromEntries(policy)).toEqual({
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
    });
  });

  it('never lets scripts run inline, from eval or from elsewhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|\*|https?:/);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('allows blob: only where the file viewer shows a stored image or PDF', () => {
    const withBlob = [...policy].filter(([, sources]) => sources.includes('blob:')).map(([name]) => name);
    expect(withBlob.sort()).toEqual(['frame-src', 'img-src']);
    expect(policy.get('object-src')).toEqual(["'none'"]);
  });

  it('serialises in the header syntax', () => {
    expect(serializeCsp({ 'default-src': ["'none'"], 'img-src': ["'self'", 'data:'] })).toBe(
      "default-src 'none'; img-src 'self' data:",
    );
  });
});
