import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** Stands in for the browser's WebSocket: the test opens, answers and closes it. */
class FakeSocket {
  static opened: FakeSocket[] = [];
  sent: { id: number; op: string; input: unknown }[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(
    readonly url: URL,
    readonly protocols: string[],
  ) {
    FakeSocket.opened.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  answer(id: number, result: unknown) {
    this.onmessage?.({ data: JSON.stringify({ id, result }) });
  }
}

function servedByBridge() {
  for (const [name, content] of [
    ['tadamon-token', 'page-token'],
    ['tadamon-socket', '/socket'],
  ]) {
    const meta = document.createElement('meta');
    meta.name = name;
    meta.content = content;
    document.head.append(meta);
  }
}

const answered = (value: unknown) => vi.fn(async () => new Response(JSON.stringify({ ok: true, value }), { status: 200 }));

// The transport keeps its socket for the page's life: each test loads it afresh.
const loadInvoke = async () => (await import('../../renderer/transport')).invoke;

beforeEach(() => {
  vi.resetModules();
  FakeSocket.opened = [];
  vi.stubGlobal('WebSocket', FakeSocket);
});
afterEach(() => {
  document.head.querySelectorAll('meta').forEach((meta) => meta.remove());
  vi.unstubAllGlobals();
});

describe('transport: the bridge socket', () => {
  it('goes over HTTP while the socket opens, then over the socket, each answer to its own call', async () => {
    servedByBridge();
    const fetch = answered('over http');
    vi.stubGlobal('fetch', fetch);
    const invoke = await loadInvoke();

    expect(await invoke('app.status', {})).toEqual({ ok: true, value: 'over http' });
    expect(FakeSocket.opened).toHaveLength(1);
    const [socket] = FakeSocket.opened;
    expect(socket.url.href).toBe(`ws://${window.location.host}/socket`);
    expect(socket.protocols).toEqual(['tadamon-ops', 'page-token']);

    socket.onopen?.();
    const first = invoke('app.setLocale', { locale: 'ar' });
    const second = invoke('app.status', {});
    expect(socket.sent.map(({ op, input }) => [op, input])).toEqual([
      ['app.setLocale', { locale: 'ar' }],
      ['app.status', {}],
    ]);
    socket.answer(socket.sent[1].id, { ok: true, value: 'second' });
    socket.answer(socket.sent[0].id, { ok: false, error: { code: 'forbidden' } });
    expect(await second).toEqual({ ok: true, value: 'second' });
    expect(await first).toEqual({ ok: false, error: { code: 'forbidden' } });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(FakeSocket.opened).toHaveLength(1);
  });

  it('fails a call in flight when the socket goes, without sending it again, and goes on over HTTP', async () => {
    servedByBridge();
    const fetch = answered('over http');
    vi.stubGlobal('fetch', fetch);
    const invoke = await loadInvoke();
    await invoke('app.status', {});
    const [socket] = FakeSocket.opened;
    socket.onopen?.();

    const inFlight = invoke('app.setLocale', { locale: 'en' });
    socket.onclose?.();
    expect(await inFlight).toEqual({ ok: false, error: { code: 'internal' } });
    expect(fetch).toHaveBeenCalledTimes(1);

    expect(await invoke('app.status', {})).toEqual({ ok: true, value: 'over http' });
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(socket.sent).toHaveLength(1);
  });

  it('never opens a socket in a page the bridge did not serve with one', async () => {
    const fetch = answered(null);
    vi.stubGlobal('fetch', fetch);
    const invoke = await loadInvoke();
    await invoke('app.status', {});
    await invoke('app.status', {});
    expect(FakeSocket.opened).toEqual([]);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
