/**
 * `npm run screenshots`: screenshots of every page of the web app (1280×800 viewport) into docs/screenshots/,
 * and of the pages people open on a phone (390×844, `*-phone.png`), for the README. Needs `npm run build`
 * and Debian's Chromium.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../src/server/startServer.js';

async function main() {
  const out = new URL('../docs/screenshots/', import.meta.url).pathname;
  mkdirSync(out, { recursive: true });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cncouple-shots-'));
  const server = await startServer({ port: 0, dataDir });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const pages: [string, string, string][] = [
    ['literature', '#/literature', 'table.records tbody tr'],
    ['record', '#/records/ag-50-cyclohexanone-oxime', 'table.compare'],
    ['compare', '#/compare', 'figure.chart svg.marks'],
    ['calculators', '#/calculators', '[data-testid="e0"] strong'],
    ['mechanism', '#/mechanism', 'figure.chart svg.marks'],
    ['kinetics', '#/kinetics', 'figure.chart svg.marks'],
    ['process', '#/process', '[data-testid="tea-summary"]'],
    ['my-data', '#/my-data', 'form.record-form'],
  ];
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const phonePages = new Set(['literature', 'record', 'compare', 'calculators', 'mechanism']);
  try {
    for (const [name, hash, ready] of pages) {
      await page.goto(`${server.url}/${hash}`);
      await page.locator(ready).first().waitFor();
      await page.waitForTimeout(600);
      await page.screenshot({ path: path.join(out, `${name}.png`) });
      console.log(`docs/screenshots/${name}.png`);
      if (!phonePages.has(name)) continue;
      await phone.goto(`${server.url}/${hash}`);
      await phone.locator(ready).first().waitFor();
      await phone.waitForTimeout(600);
      await phone.screenshot({ path: path.join(out, `${name}-phone.png`) });
      console.log(`docs/screenshots/${name}-phone.png`);
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
