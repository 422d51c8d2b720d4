/**
 * One set-up for everything that drives the built web app in Debian's Chromium (playwright-core): the browser
 * tests under test/e2e/ and `npm run screenshots`. Starts the server on a free loopback port with a fresh data
 * directory (seeded with the literature) and launches /usr/bin/chromium; `close` undoes both.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type Locator, type Page, chromium } from 'playwright-core';
import { type RunningServer, startServer } from '../src/server/startServer.js';

/** A running server and browser for the web app. */
export interface WebAppSession {
  /** The running server; a test that restarts it on the same `dataDir` puts the new one here. */
  server: RunningServer;
  browser: Browser;
  dataDir: string;
  close: () => Promise<void>;
}

/** Desktop and phone viewports of the tests and screenshots (CSS px). */
export const DESKTOP = { viewport: { width: 1280, height: 800 } } as const;
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } as const;

/** Where the browser tests put their screenshots: test-results/screenshots/ (git-ignored). */
export const TEST_SCREENSHOTS_DIR = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));

/** Options of {@link shot}. */
export interface ShotOptions {
  /** A page's whole scrollable height (default true); an element is always taken as it is. */
  fullPage?: boolean;
  /** Folder of the file, created when missing (default {@link TEST_SCREENSHOTS_DIR}). */
  dir?: string;
}

/**
 * Saves a screenshot of a page (the full page unless `fullPage: false`) or of one element as `<dir>/<name>.png`;
 * returns the file's path. The one screenshot set-up of the browser tests and `npm run screenshots`.
 * @example await shot(page, 'process-double-layer'); await shot(page.getByRole('img', { name: 'tornado chart' }), 'tornado');
 */
export async function shot(target: Page | Locator, name: string, options: ShotOptions = {}): Promise<string> {
  const dir = options.dir ?? TEST_SCREENSHOTS_DIR;
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  if ('goto' in target) await target.screenshot({ path: file, fullPage: options.fullPage ?? true });
  else await target.screenshot({ path: file });
  return file;
}

/**
 * Every page of the app with a selector that shows it has drawn: [name, hash route, selector]. The record page
 * uses `recordId`.
 */
export function webAppPages(recordId: string): [string, string, string][] {
  return [
    ['literature', '#/literature', 'table.records tbody tr'],
    ['record', `#/records/${recordId}`, 'table.compare'],
    ['compare', '#/compare', 'figure.chart svg.marks'],
    ['calculators', '#/calculators', '[data-testid="e0"] strong'],
    ['mechanism', '#/mechanism', 'figure.chart svg.marks'],
    ['kinetics', '#/kinetics', 'figure.chart svg.marks'],
    ['process', '#/process', '[data-testid="tea-summary"]'],
    ['my-data', '#/my-data', 'form.record-form'],
  ];
}

/**
 * Starts the server (fresh data directory named after `label`) and Debian's Chromium.
 * @throws {Error} when web/dist is missing (run `npm run build` first)
 */
export async function startWebAppSession(label: string): Promise<WebAppSession> {
  if (!existsSync(new URL('../web/dist/index.html', import.meta.url))) throw new Error('web/dist is missing: run `npm run build` first');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `cncouple-${label}-`));
  const server = await startServer({ port: 0, dataDir });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking'] });
  const session: WebAppSession = {
    server,
    browser,
    dataDir,
    close: async () => {
      await browser.close();
      await session.server.close(); // the current server: a test may have restarted it on the same data
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return session;
}
