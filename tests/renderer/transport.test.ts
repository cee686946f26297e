import { afterEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '../../renderer/transport';

function injectToken(token: string) {
  const meta = document.createElement('meta');
  meta.name = 'tadamon-token';
  meta.content = token;
  document.head.append(meta);
}

afterEach(() => {
  delete window.tadamon;
  document.head.querySelectorAll('meta[name="tadamon-token"]').forEach((meta) => meta.remove());
  vi.unstubAllGlobals();
});

describe('transport', () => {
  it('uses the Electron preload when it is there', async () => {
    const preload = vi.fn().mockResolvedValue({ ok: true, value: null });
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    window.tadamon = { invoke: preload };

    const result = await invoke('app.setLocale', { locale: 'ar' });

    expect(result).toEqual({ ok: true, value: null });
    expect(preload).toHaveBeenCalledWith('app.setLocale', { locale: 'ar' });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('otherwise posts the input to the web bridge with the page token', async () => {
    injectToken('s3cr3t-token');
    const fetch = vi.fn().mockResolvedValue(new Response(JSON.stringify({ ok: true, value: null }), { status: 200 }));
    vi.stubGlobal('fetch', fetch);

    const result = await invoke('app.setLocale', { locale: 'en' });

    expect(result).toEqual({ ok: true, value: null });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/app.setLocale');
    expect(init.method).toBe('POST');
    expect(new Headers(init.headers).get('x-tadamon-token')).toBe('s3cr3t-token');
    expect(JSON.parse(String(init.body))).toEqual({ locale: 'en' });
  });

  it('passes on the error results of the core as they are', async () => {
    const answer = { ok: false, error: { code: 'wrong_password' } };
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(JSON.stringify(answer), { status: 200 })));
    expect(await invoke('file.open', { path: '/a.tadamon', userId: 'u', password: 'x' })).toEqual(answer);
  });

  it('reads a refused token as forbidden', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('{}', { status: 401 })));
    expect(await invoke('app.status', {})).toEqual({ ok: false, error: { code: 'forbidden' } });
  });

  it('reads a network failure or a garbled answer as internal', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    expect(await invoke('app.status', {})).toEqual({ ok: false, error: { code: 'internal' } });

    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('<html>', { status: 200 })));
    expect(await invoke('app.status', {})).toEqual({ ok: false, error: { code: 'internal' } });
  });
});
