import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core/dispatcher';
import { createBridge, loginLink, newBridgeSecrets, sessionCookieName } from './bridge';
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
const core = createCore({ dataDir, documentsDir, ...(pdfRenderer ? { renderPdf: (route: string) => pdfRenderer.render(route) } : {}) });
const server = createServer(
  createBridge({
    core,
    rendererDir,
    secrets,
    allowedHosts: () => [`127.0.0.1:${boundPort}`, `localhost:${boundPort}`],
  }),
);
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') boundPort = address.port;
  console.log(`Tadamon is running. Open this link in your browser; it works once:\n\n    ${loginLink(baseUrl(), secrets)}\n`);
});

function stop(): void {
  core.close();
  // A copy to the second backup folder may still be running; it finishes (or fails) first.
  void core
    .whenIdle()
    .then(() => pdfRenderer?.close())
    .finally(() => server.close(() => process.exit(0)));
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
