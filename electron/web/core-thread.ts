import { Worker } from 'node:worker_threads';
import type { Result } from '../contract';
import type { Core } from '../core/dispatcher';
import type { CoreThreadData, FromCore, ToCore } from './core-thread-messages';

export interface CoreThread {
  dispatch: Core['dispatch'];
  /** Starts the thread now rather than at the first operation. */
  start(): void;
  readonly started: boolean;
  /** Locks and closes the file, then waits for background copies: the core's `close` and `whenIdle`. */
  close(): Promise<void>;
}

/**
 * The core in a worker thread (`workerUrl`, the built core-worker), started by `start` or the
 * first operation, spoken to by messages. Pages the core prints are drawn here by `renderPdf`,
 * where the bridge's browser lives. If the thread dies unasked, every pending and later operation
 * fails with `internal` and `onExit` is told.
 */
export function coreThread(
  workerUrl: URL,
  data: Omit<CoreThreadData, 'canRenderPdf'>,
  options: { renderPdf?: (route: string) => Promise<Uint8Array>; onExit: (code: number) => void },
): CoreThread {
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, (answer: FromCore | null) => void>();
  const ask = (message: { kind: 'dispatch'; op: unknown; input: unknown } | { kind: 'close' }) =>
    new Promise<FromCore | null>((resolve) => {
      if (exited) return resolve(null);
      const id = nextId++;
      pending.set(id, resolve);
      running().postMessage({ ...message, id } as ToCore);
    });
  let exited = false;
  let closing = false;

  const running = (): Worker => {
    if (worker) return worker;
    const thread = new Worker(workerUrl, { workerData: { ...data, canRenderPdf: Boolean(options.renderPdf) } satisfies CoreThreadData });
    thread.on('message', (message: FromCore) => {
      if (message.kind === 'renderPdf') {
        const answer = (pdf: Uint8Array | null) => thread.postMessage({ kind: 'pdf', id: message.id, pdf } satisfies ToCore);
        if (!options.renderPdf) return answer(null);
        options.renderPdf(message.route).then(answer, () => answer(null));
        return;
      }
      pending.get(message.id)?.(message);
      pending.delete(message.id);
    });
    thread.on('error', (error) => console.error('The core stopped:', error));
    thread.on('exit', (code) => {
      exited = true;
      for (const resolve of pending.values()) resolve(null);
      pending.clear();
      if (!closing) options.onExit(code);
    });
    return (worker = thread);
  };

  const internal: Result<never> = { ok: false, error: { code: 'internal' } };
  return {
    start: () => void running(),
    get started() {
      return worker !== null;
    },
    async dispatch(op, input) {
      const answer = await ask({ kind: 'dispatch', op, input });
      return answer?.kind === 'dispatched' ? answer.result : internal;
    },
    async close() {
      if (!worker) return;
      await ask({ kind: 'close' });
      closing = true;
      await worker.terminate();
    },
  };
}
