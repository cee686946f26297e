import { parentPort, workerData } from 'node:worker_threads';
import { createCore } from '../core/dispatcher';
import type { CoreThreadData, FromCore, ToCore } from './core-thread-messages';

/**
 * The web bridge's core, in a thread of its own: reading every area's code takes a few hundred
 * milliseconds, during which the main thread keeps serving the page and its scripts.
 */
const port = parentPort;
if (!port) throw new Error('core-worker runs as a worker thread');
const { dataDir, documentsDir, canRenderPdf } = workerData as CoreThreadData;
const send = (message: FromCore) => port.postMessage(message);

let nextPdf = 0;
const pdfs = new Map<number, { resolve: (pdf: Uint8Array) => void; reject: (error: Error) => void }>();
const renderPdf = (route: string) =>
  new Promise<Uint8Array>((resolve, reject) => {
    const id = nextPdf++;
    pdfs.set(id, { resolve, reject });
    send({ kind: 'renderPdf', id, route });
  });

const core = createCore({ dataDir, documentsDir, ...(canRenderPdf ? { renderPdf } : {}) });

port.on('message', (message: ToCore) => {
  switch (message.kind) {
    case 'dispatch':
      void core.dispatch(message.op, message.input).then((result) => send({ kind: 'dispatched', id: message.id, result }));
      return;
    case 'pdf': {
      const waiting = pdfs.get(message.id);
      pdfs.delete(message.id);
      if (message.pdf) waiting?.resolve(message.pdf);
      else waiting?.reject(new Error('the page could not be printed'));
      return;
    }
    case 'close':
      core.close();
      void core.whenIdle().then(() => send({ kind: 'closed', id: message.id }));
      return;
  }
});
