import type { OpInput, OpName, OpOutput, Result } from '../electron/contract';
import { SOCKET_PROTOCOL, type SocketAnswer, type SocketCall } from '../electron/contract/bridge-socket';

const fail = (code: 'forbidden' | 'internal'): Result<never> => ({ ok: false, error: { code } });

function bridgeToken(): string {
  return document.querySelector('meta[name="tadamon-token"]')?.getAttribute('content') ?? '';
}

function looksLikeResult(body: unknown): body is Result<never> {
  return typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';
}

/**
 * The bridge's operations socket, when the page was served by a bridge that has one: a call on it
 * costs a fraction of an HTTP request's own time. Calls made while it opens go over HTTP; if it
 * never opens, every call does.
 */
const socket = (() => {
  let open: WebSocket | null = null;
  let tried = false;
  let nextId = 0;
  const waiting = new Map<number, (result: Result<never>) => void>();

  function connect(): void {
    const path = document.querySelector('meta[name="tadamon-socket"]')?.getAttribute('content');
    if (tried || !path || typeof WebSocket !== 'function') return;
    tried = true;
    const url = new URL(path, window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(url, [SOCKET_PROTOCOL, bridgeToken()]);
    ws.onopen = () => (open = ws);
    ws.onmessage = (event) => {
      let answer: unknown;
      try {
        answer = JSON.parse(String(event.data));
      } catch {
        return;
      }
      const { id, result } = answer as Partial<Record<keyof SocketAnswer, unknown>>;
      const resolve = typeof id === 'number' ? waiting.get(id) : undefined;
      if (!resolve) return;
      waiting.delete(id as number);
      resolve(looksLikeResult(result) ? result : fail('internal'));
    };
    // A call in flight when the socket goes is not sent again: it may have been carried out.
    ws.onclose = () => {
      open = null;
      waiting.forEach((resolve) => resolve(fail('internal')));
      waiting.clear();
    };
  }

  return {
    /** Null when the socket is not open (yet): the caller goes over HTTP. */
    call<K extends OpName>(op: K, input: OpInput<K>): Promise<Result<OpOutput<K>>> | null {
      if (!open) {
        connect();
        return null;
      }
      const id = nextId++;
      const ws = open;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        ws.send(JSON.stringify({ id, op, input: input ?? {} } satisfies SocketCall));
      });
    },
  };
})();

async function viaBridge<K extends OpName>(op: K, input: OpInput<K>): Promise<Result<OpOutput<K>>> {
  const onSocket = socket.call(op, input);
  if (onSocket) return onSocket;
  try {
    const response = await fetch(`/api/${op}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tadamon-token': bridgeToken() },
      body: JSON.stringify(input ?? {}),
    });
    if (response.status === 401) return fail('forbidden');
    if (!response.ok) return fail('internal');
    const body: unknown = await response.json();
    return looksLikeResult(body) ? body : fail('internal');
  } catch {
    return fail('internal');
  }
}

/** The one door to the core: Electron's preload when present, otherwise the local web bridge. */
export function invoke<K extends OpName>(op: K, input: OpInput<K>): Promise<Result<OpOutput<K>>> {
  const electron = window.tadamon;
  if (electron?.invoke) return electron.invoke(op, input).catch(() => fail('internal'));
  return viaBridge(op, input);
}
