import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Cookie, type Page } from 'playwright-core';
import { DEMO_PASSWORD, type OpInput, type OpName, type OpOutput } from '../../electron/contract';
import { demoStaff } from '../../electron/core/demo/generator';
import { CHROMIUM_ARGS } from '../../electron/web/chromium-args';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface RunningBridge {
  url: string;
  dataDir: string;
  /**
   * A page of `url` in `context`, signed in to the bridge: the first one through the one-time link
   * the server printed, as a person does; later contexts are given the cookie that link set.
   */
  openPage(context: BrowserContext): Promise<Page>;
  stop(): Promise<void>;
}

/**
 * Starts the built web bridge (`dist/web/server.mjs`) on `port` (any free one by default) with its own data folder,
 * and reads its one-time login link from its output.
 */
export async function startWebBridge(port = 0): Promise<RunningBridge> {
  if (!existsSync('dist/web/server.mjs')) throw new Error('Build first: npm run build');
  const dataDir = mkdtempSync(join(tmpdir(), 'tadamon-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['dist/web/server.mjs'], {
    env: { ...process.env, PORT: String(port), TADAMON_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += String(d)));
  const link = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web bridge did not start: ${stderr}`)), 20_000);
    let stdout = '';
    let found = false;
    child.stdout?.on('data', (d) => {
      if (found) return;
      stdout += String(d);
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)\?login=[\w-]+/.exec(stdout);
      if (match) {
        found = true;
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.on('exit', (code) => reject(new Error(`web bridge exited with ${code}: ${stderr}`)));
  });
  const [loginUrl, url] = link;
  let session: Promise<Cookie[]> | undefined;
  return {
    url,
    dataDir,
    async openPage(context) {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      if (session) {
        await context.addCookies(await session);
        await page.goto(url);
      } else {
        session = page.goto(loginUrl).then(() => context.cookies(url));
        await session;
      }
      return page;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
}

export async function newPage(browser: Browser, bridge: RunningBridge, locale = 'fr-FR', viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ locale, viewport });
  return bridge.openPage(context);
}

/** A form field by its visible label; required fields show a trailing asterisk. */
export function labelled(page: Page, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByLabel(new RegExp(`^${escaped}\\s*\\*?$`)).first();
}

/** Opens the demo association and signs in as its president (waits for the shell). */
export async function signInToDemo(page: Page): Promise<void> {
  await page.getByRole('button', { name: "Essayer l'association de démonstration" }).click();
  await page.getByRole('heading', { name: 'Connexion' }).waitFor();
  const president = demoStaff().find((person) => person.role === 'president') ?? demoStaff()[0];
  await page.getByRole('radio', { name: president.displayName }).check({ force: true });
  await labelled(page, 'Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
}

/**
 * An operation asked from inside the page, with its bridge token, as the renderer asks it: to set
 * up or look up what a test or a benchmark needs without clicking through every screen.
 */
export async function callOp<K extends OpName>(page: Page, op: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const result = await page.evaluate(
    async ({ op, input }) => {
      const token = document.querySelector('meta[name="tadamon-token"]')?.getAttribute('content') ?? '';
      const response = await fetch(`/api/${op}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tadamon-token': token },
        body: JSON.stringify(input),
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
    },
    { op, input },
  );
  if (!result.ok) throw new Error(`${op} failed: ${JSON.stringify(result.error)}`);
  return result.value as OpOutput<K>;
}
