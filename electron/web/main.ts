import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Result } from '../contract';
import type { Core } from '../core/dispatcher';
import { createBridge, loginLink, newBridgeSecrets, sessionCookieName } from './bridge';
import { attachBridgeSocket } from './bridge-socket';
import { coreThread } from './core-thread';
import { createBrowserPdfRenderer } from './render-pdf';

/** `npm run web`: the app in a browser, on this machine only. */
const port = Number(process.env.PORT ?? 5317);
const dataDir = process.env.TADAMON_DATA_DIR ?? join(homedir(), '.tadamon');
const documentsDir =
  process.env.TADAMON_DOCUMENTS_DIR ??
  (process.env.TADAMON_DATA_DIR ? join(dataDir, 'Documents') : join(homedir(), 'Documents'));
const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error(`Renderer not built: ${rendererDir} has no index.html. Run "npm run build" first.`);
  process.exit(1);
}

let boundPort = port;
const secrets = newBridgeSecrets();
const baseUrl = () => `http://127.0.0.1:${boundPort}/`;
const pdfRenderer = createBrowserPdfRenderer({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  baseUrl,
  // Same process, so the printing browser is handed the session instead of a login link.
  sessionCookie: () => ({ name: sessionCookieName(boundPort), value: secrets.session }),
});
// The core (every area's code and libraries) takes a few hundred milliseconds of processor to
// load, in a thread of its own. The first screen only asks the app's status, which needs no core
// while no file can be open: it is answered here, and the core starts loading right after, while
// the page draws itself.
const thread = coreThread(
  new URL('./core-worker.mjs', import.meta.url),
  { dataDir, documentsDir },
  {
    ...(pdfRenderer ? { renderPdf: (route: string) => pdfRenderer.render(route) } : {}),
    onExit: (code) => {
      console.error(`The core stopped (exit code ${code}).`);
      process.exit(1);
    },
  },
);
const statusReader = import('../core/session/status');
async function statusBeforeTheCore(input: unknown): Promise<Result<unknown>> {
  try {
    return { ok: true, value: (await statusReader).appStatus({ dataDir, documentsDir }, null) };
  } catch {
    // The core says what is wrong with a preferences file it cannot read.
    return thread.dispatch('app.status', input);
  } finally {
    setTimeout(() => thread.start(), 0);
  }
}
const core: Pick<Core, 'dispatch'> = {
  dispatch: (op, input) => (op === 'app.status' && !thread.started ? statusBeforeTheCore(input) : thread.dispatch(op, input)),
};
const allowedHosts = () => [`127.0.0.1:${boundPort}`, `localhost:${boundPort}`];
const server = createServer(createBridge({ core, rendererDir, secrets, allowedHosts }));
const socket = attachBridgeSocket(server, { core, secrets, allowedHosts });
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') boundPort = address.port;
  console.log(`Tadamon is running. Open this link in your browser; it works once:\n\n    ${loginLink(baseUrl(), secrets)}\n`);
});

function stop(): void {
  // A copy to the second backup folder may still be running; it finishes (or fails) first.
  void thread
    .close()
    .then(() => pdfRenderer?.close())
    .finally(() => {
      socket.close();
      server.close(() => process.exit(0));
      // A browser keeps sockets open, idle or opened ahead of a request that never came: they
      // would hold the server (and the port) until they time out.
      server.closeAllConnections();
    });
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
