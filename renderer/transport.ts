import type { OpInput, OpName, OpOutput, Result } from '../electron/contract';

const fail = (code: 'forbidden' | 'internal'): Result<never> => ({ ok: false, error: { code } });

function bridgeToken(): string {
  return document.querySelector('meta[name="tadamon-token"]')?.getAttribute('content') ?? '';
}

function looksLikeResult(body: unknown): body is Result<never> {
  return typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';
}

async function viaBridge<K extends OpName>(op: K, input: OpInput<K>): Promise<Result<OpOutput<K>>> {
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
