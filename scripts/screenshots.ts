/**
 * `npm run screenshots`: screenshots of every page of the web app (1280×800 viewport) into docs/screenshots/,
 * and of the pages people open on a phone (390×844, `*-phone.png`), for the README. Needs `npm run build`
 * and Debian's Chromium.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DESKTOP, PHONE, startWebAppSession, webAppPages } from './webAppSession.js';

async function main() {
  const out = new URL('../docs/screenshots/', import.meta.url).pathname;
  mkdirSync(out, { recursive: true });
  const session = await startWebAppSession('shots');
  const { server, browser } = session;
  const page = await browser.newPage(DESKTOP);
  const pages = webAppPages('ag-50-cyclohexanone-oxime');
  const phone = await browser.newPage(PHONE);
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
    await session.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
