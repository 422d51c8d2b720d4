/**
 * One set-up for everything that drives the built web app in Debian's Chromium (playwright-core): the browser
 * tests under test/e2e/ and `npm run screenshots`. Starts the server on a free loopback port with a fresh data
 * directory (seeded with the literature) and launches /usr/bin/chromium; `close` undoes both.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
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
