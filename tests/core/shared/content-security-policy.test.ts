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
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
  });

  it('never lets scripts run inline, from eval or from elsewhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|\*|https?:|blob:/);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('serialises in the header syntax', () => {
    expect(serializeCsp({ 'default-src': ["'none'"], 'img-src': ["'self'", 'data:'] })).toBe(
      "default-src 'none'; img-src 'self' data:",
    );
  });
});
