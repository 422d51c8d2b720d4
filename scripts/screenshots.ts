/**
 * `npm run screenshots`: screenshots of every page of the web app (1280×800 viewport) into docs/screenshots/,
 * and of the pages people open on a phone (390×844, `*-phone.png`), for the README. Needs `npm run build`
 * and Debian's Chromium.
 */
import { DESKTOP, PHONE, shot, startWebAppSession, webAppPages } from './webAppSession.js';

async function main() {
  const out = new URL('../docs/screenshots/', import.meta.url).pathname;
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
      await shot(page, name, { dir: out, fullPage: false });
      console.log(`docs/screenshots/${name}.png`);
      if (!phonePages.has(name)) continue;
      await phone.goto(`${server.url}/${hash}`);
      await phone.locator(ready).first().waitFor();
      await phone.waitForTimeout(600);
      await shot(phone, `${name}-phone`, { dir: out, fullPage: false });
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
