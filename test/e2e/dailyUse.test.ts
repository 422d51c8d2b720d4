/**
 * End-to-end tests of issue 15 (daily use by a lab) in Debian Chromium, on a desktop (1280×800) and a phone
 * (390×844) viewport: errors next to their forms, numbers as people type them, messages in the form's words,
 * CSV import, delete with undo, shareable URLs, citations, phone layout, compression, loading and empty
 * states, chart exports, sorting and contrast. Needs `npm run build` and /usr/bin/chromium.
 */
import { readFileSync } from 'node:fs';
import { type IncomingHttpHeaders, get } from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, type WebAppSession, shot, startWebAppSession, webAppPages } from '../../scripts/webAppSession.js';

let session: WebAppSession;
let desktop: BrowserContext;
let phone: BrowserContext;
let page: Page;

/** Evaluated in the page (a string keeps DOM names out of the Node typecheck). */
const evaluate = <T>(p: Page, js: string) => p.evaluate(js) as Promise<T>;
const overflowPx = (p: Page) => evaluate<number>(p, 'document.documentElement.scrollWidth - window.innerWidth');

/** Opens a page of the app afresh (a hash-only change would keep the previous page's state). */
let visits = 0;
async function visit(p: Page, hash: string) {
  await p.goto(`${session.server.url}/?visit=${++visits}${hash}`); // a new query: a real page load every time
}

/** The raw bytes and headers of a GET (fetch would decompress them). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

/** Saves what a click downloads; returns its suggested name and content. */
async function downloadOf(p: Page, click: () => Promise<void>): Promise<{ name: string; content: Buffer }> {
  const [download] = await Promise.all([p.waitForEvent('download'), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), content: readFileSync(file) };
}

/** WCAG 2 contrast ratio of two CSS rgb() colours. */
function contrast(fg: string, bg: string): number {
  const lum = (css: string) => {
    const [r, g, b] = css
      .match(/\d+(\.\d+)?/g)!
      .slice(0, 3)
      .map((x) => Number(x) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return (a! + 0.05) / (b! + 0.05);
}

beforeAll(async () => {
  session = await startWebAppSession('e2e-daily');
  desktop = await session.browser.newContext(DESKTOP);
  await desktop.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.server.url });
  phone = await session.browser.newContext(PHONE);
  page = await desktop.newPage();
});

afterAll(async () => {
  await session?.close();
});

describe('issue 15 in Chromium, desktop', () => {
  it('2: Process errors show beside their form, clear on success, and a rejected input removes the stale result', async () => {
    await visit(page, `#/process`);
    await expect.poll(() => page.getByTestId('tea-summary').innerText(), { timeout: 20000 }).toMatch(/Levelized cost \d+\.\d{3} USD\/kg/);
    await page.locator('input[aria-label="TEA FE (%)"]').fill('abc');
    await page.getByRole('button', { name: 'Cost it' }).click();
    const teaProblems = page.getByRole('alert', { name: 'techno-economics problems' });
    await expect.poll(() => teaProblems.innerText()).toContain('TEA FE (%): "abc" does not start with a number');
    expect(await page.getByTestId('tea-summary').count()).toBe(0); // the old cost is gone, not left as if current
    // the message sits right under its form, not at the top of the page
    // (both boxes from one layout: charts still drawing above the form must not move it between two reads)
    const gapPx = await evaluate<number>(
      page,
      `(() => {
      const form = document.querySelector('form[aria-label="techno-economics"]').getBoundingClientRect();
      const alert = document.querySelector('[role="alert"][aria-label="techno-economics problems"]').getBoundingClientRect();
      return alert.top - form.bottom;
    })()`,
    );
    expect(gapPx).toBeGreaterThanOrEqual(0);
    expect(gapPx).toBeLessThan(40);
    expect(await page.getByRole('alert', { name: 'flow reactor problems' }).count()).toBe(0);
    // fixed with a percentage: the problem goes, the result returns
    await page.locator('input[aria-label="TEA FE (%)"]').fill('50 %');
    await page.getByRole('button', { name: 'Cost it' }).click();
    await expect.poll(() => page.getByTestId('tea-summary').innerText(), { timeout: 15000 }).toMatch(/Levelized cost/);
    expect(await teaProblems.count()).toBe(0);
    // every problem of a form at once, in the words of its labels
    await page.locator('input[aria-label="electrons"]').fill('−5');
    await page.locator('input[aria-label="FE (%)"]').fill('150.5');
    await page.getByRole('button', { name: 'Evaluate' }).click();
    const reactorProblems = page.getByRole('alert', { name: 'flow reactor problems' });
    await expect.poll(() => reactorProblems.innerText()).toContain('2 problems');
    expect(await reactorProblems.innerText()).toContain('electrons must be at least 1, not -5');
    expect(await reactorProblems.innerText()).toContain('FE (%) must be at most 100, not 150.5');
    expect(await page.getByTestId('reactor-summary').count()).toBe(0);
    await shot(page, 'process-errors');
  }, 60_000);

  it('3: the calculators read the Unicode minus, grouped digits and units as printed, and refuse a comma', async () => {
    await visit(page, `#/calculators`);
    const input = (label: string) => page.locator(`input[aria-label="${label}"]`);
    const result = (id: string) => page.getByTestId(id);
    // −0.9 V vs Ag/AgCl (sat. KCl, 0.197 V vs SHE) at pH 7: −0.9 + 0.197 + 0.05916 × 7 = −0.2889 V vs RHE
    for (const typed of ['−0.9', '−900 mV', '-0.9 V']) {
      await input('potential in volt').fill(typed);
      await expect.poll(() => result('potential').innerText()).toContain('-0.2889 V');
    }
    await input('pH').fill('7.0');
    await expect.poll(() => result('potential').innerText()).toContain('-0.2889 V');
    await input('potential in volt').fill('1,250');
    await expect
      .poll(() => result('potential').innerText())
      .toContain('E (V): "1,250" has a comma (a decimal comma in some languages, a thousands separator in others): write 1.250 or 1 250');
    // FE: 16 × 96485.33 C/mol × 6.1 μmol / 12.5 C = 75.34 %
    await input('charge in coulomb').fill('12.5');
    await expect.poll(() => result('fe').innerText()).toContain('75.34 %');
  });

  it('4: calculators show the FE > 100 % warning beside the number', async () => {
    await visit(page, `#/calculators`);
    // 16 × 96485.33 C/mol × 6.1e-6 mol / 1 C = 941.70 %
    await page.locator('input[aria-label="charge in coulomb"]').fill('1');
    await expect.poll(() => page.getByTestId('fe').innerText()).toContain('941.70 %');
    expect(await page.getByTestId('fe').innerText()).toContain('⚠ FE above 100 % — check the charge, amount or electron count');
    // while the new charge is being computed (the request is held) the old FE is not shown beside it
    let release!: () => void;
    await page.route('**/api/fe', async (route) => {
      await new Promise<void>((resolve) => (release = resolve));
      await route.continue();
    });
    await page.locator('input[aria-label="charge in coulomb"]').fill('12.5');
    await expect.poll(() => typeof release).toBe('function');
    expect(await page.getByTestId('fe').innerText()).not.toContain('941.70');
    release();
    await expect.poll(() => page.getByTestId('fe').innerText()).toContain('75.34 %');
    await page.unroute('**/api/fe');
    expect(await page.getByTestId('fe').innerText()).not.toContain('above 100');
  });

  it('4: the record form lists every problem at once in its own words, with "did you mean"', async () => {
    await visit(page, `#/my-data`);
    await page.locator('input[name=products]').fill('ure');
    await page.locator('input[name=carbonSources]').fill('CO2, carbon dioxide');
    await page.locator('input[name=faradaicEfficiencyPrinted]').fill('4o.2%');
    await page.locator('input[name=sourceDoi]').fill('doi 10/abc');
    await expect.poll(() => page.getByRole('note', { name: 'warnings' }).innerText()).toContain('FE "4o.2%" cannot be read as a percentage');
    await page.getByRole('button', { name: 'Save record' }).click();
    const problems = page.getByRole('alert', { name: 'problems with the record' });
    const text = await problems.innerText();
    expect(text).toContain('6 problems');
    expect(text).toContain('Catalyst is required');
    expect(text).toContain('Source / citation is required');
    expect(text).toContain('Where in the source is required');
    expect(text).toContain('Product species: "ure" is not a species the app knows — did you mean “urea”?');
    expect(text).toContain('C sources: "carbon dioxide" and "CO2" are the same species; list it once');
    expect(text).toContain('DOI "doi 10/abc" is not a DOI');
    expect(text).not.toMatch(/Too small|expected string|catalystPrinted|cncouple species/);
    expect(await page.locator('input[name=catalyst]').getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'my-data-problems');
  });

  it('5: a CSV with the form’s own column names imports, and the same file can be picked again after a fix', async () => {
    await visit(page, `#/my-data`);
    const header = 'Catalyst,Strategy,Product,Product species,N sources,C sources,Electrolyte,Condition,FE,Source / citation,Where in the source,DOI';
    const row = (product: string) =>
      `CuCSV-1,dual-site synergy,urea,${product},NO3-,CO2,0.1 M KHCO3 + 0.1 M KNO3,−0.5 V vs. RHE,"41,2 %",lab notebook 7,run 3,10.1000/e2e-csv`;
    const file = (content: string) => ({ name: 'my-runs.csv', mimeType: 'text/csv', buffer: Buffer.from(content) });
    await page.locator('input[aria-label="import file"]').setInputFiles(file(`${header}\n${row('ureaa')}\n`));
    await expect.poll(() => page.locator('.import [role=alert]').innerText()).toContain('Nothing imported: 1 problem(s) in my-runs.csv');
    expect(await page.locator('.import table').innerText()).toMatch(/2\s+Product species/);
    await page.locator('input[aria-label="import file"]').setInputFiles(file(`${header}\n${row('urea')}\n`));
    await expect.poll(() => page.locator('.import .ok').innerText()).toBe('Imported 1 records from my-runs.csv.');
    await page.locator('table[aria-label="my records"]').getByRole('link', { name: 'CuCSV-1', exact: true }).waitFor();
    const record = (await (await fetch(`${session.server.url}/api/records/cucsv-1-urea`)).json()) as {
      catalystPrinted: string;
      sourceDoi: string;
      normalized: { faradaicEfficiency: { value: number } };
    };
    expect(record.catalystPrinted).toBe('CuCSV-1');
    expect(record.sourceDoi).toBe('10.1000/e2e-csv');
    expect(record.normalized.faradaicEfficiency.value).toBeCloseTo(0.412, 10);
  });

  it('6: delete asks first and can be undone (My data and the record page)', async () => {
    await visit(page, `#/my-data`);
    const table = page.locator('table[aria-label="my records"]');
    await table.getByRole('link', { name: 'CuCSV-1', exact: true }).waitFor();
    await page.getByRole('button', { name: 'delete CuCSV-1' }).click();
    await page.getByRole('group', { name: 'confirm deleting CuCSV-1' }).getByRole('button', { name: 'Keep it' }).click();
    expect((await fetch(`${session.server.url}/api/records/cucsv-1-urea`)).status).toBe(200);
    await page.getByRole('button', { name: 'delete CuCSV-1' }).click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await expect.poll(() => table.getByRole('status').innerText()).toBe('Deleted CuCSV-1. Undo');
    expect((await fetch(`${session.server.url}/api/records/cucsv-1-urea`)).status).toBe(404);
    await table.getByRole('button', { name: 'Undo' }).click();
    await table.getByRole('link', { name: 'CuCSV-1', exact: true }).waitFor();
    const restored = (await (await fetch(`${session.server.url}/api/records/cucsv-1-urea`)).json()) as { sourceDoi: string; faradaicEfficiencyPrinted: string };
    expect(restored).toMatchObject({ sourceDoi: '10.1000/e2e-csv', faradaicEfficiencyPrinted: '41,2 %' });
    // the record page: the same confirmation and undo
    await visit(page, `#/records/cucsv-1-urea`);
    await page.getByRole('button', { name: 'delete CuCSV-1' }).click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await page.getByRole('button', { name: 'Undo' }).waitFor();
    expect((await fetch(`${session.server.url}/api/records/cucsv-1-urea`)).status).toBe(404);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await fetch(`${session.server.url}/api/records/cucsv-1-urea`)).status).toBe(200);
  });

  it('7: filters, sort and page live in the URL; every view has a title; unknown routes have a page', async () => {
    await visit(page, `#/literature?origin=literature`);
    await page.getByText('47 records').waitFor();
    expect(await page.title()).toBe('Literature — cncouple');
    await page.getByLabel('Product').selectOption('urea');
    await page.getByText('13 records').waitFor();
    await page.getByRole('button', { name: /^Catalyst/ }).click();
    await expect.poll(() => page.url()).toContain('sort=catalyst&order=asc');
    expect(page.url()).toContain('origin=literature');
    const url = page.url();
    expect(url).toContain('product=urea');
    // a fresh tab opening the link shows the same view
    const other = await desktop.newPage();
    await other.goto(url);
    await other.getByText('13 records').waitFor();
    expect(await other.getByLabel('Product').inputValue()).toBe('urea');
    expect(await other.locator('th[aria-sort="ascending"]').innerText()).toContain('Catalyst');
    await other.close();
    // Compare keeps the filters (the link carries them) and has its own title
    await page.getByRole('link', { name: 'Compare' }).click();
    await expect.poll(() => page.title(), { timeout: 15000 }).toBe('Compare — cncouple');
    expect(page.url()).toContain('product=urea');
    // …and after a visit to another page
    await page.getByRole('link', { name: 'Calculators' }).click();
    await expect.poll(() => page.title(), { timeout: 15000 }).toBe('Calculators — cncouple');
    await page.getByRole('link', { name: 'Literature', exact: true }).click();
    await page.getByText('13 records').waitFor();
    expect(page.url()).toContain('product=urea');
    // the slider of the Mechanism page and its model
    await visit(page, `#/mechanism?model=oxime-fe&U=-0.50`);
    await expect.poll(() => page.locator('figure.chart').first().innerText(), { timeout: 15000 }).toContain('U = -0.50 V vs RHE');
    expect(await page.locator('select[aria-label="model"]').inputValue()).toBe('oxime-fe');
    expect(await page.title()).toBe('Mechanism — cncouple');
    // a record's title; a missing record; an unknown page
    await visit(page, `#/records/cu-s-cyclohexanone-oxime`);
    await expect.poll(() => page.title(), { timeout: 10000 }).toBe('Cu-S → Cyclohexanone oxime — cncouple');
    await visit(page, `#/records/no-such-record`);
    await page.getByRole('heading', { name: 'Record not found' }).waitFor();
    await visit(page, `#/no/such/page`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    expect(await page.title()).toBe('Page not found — cncouple');
  });

  it('7: the filtered table exports as CSV and JSON', async () => {
    await visit(page, `#/literature?product=urea&origin=literature`);
    await page.getByText('13 records').waitFor();
    const csv = await downloadOf(page, () => page.getByRole('button', { name: 'CSV' }).click());
    expect(csv.name).toBe('cncouple-records-filtered.csv');
    const lines = csv.content.toString().trim().split('\n');
    expect(lines).toHaveLength(14); // header + the 13 urea records
    expect(lines[0]).toMatch(/^id,catalyst,product,strategy,nitrogenSources,carbonSources,faradaicEfficiencyPercent,potentialVvsRHE,/);
    const json = JSON.parse((await downloadOf(page, () => page.getByRole('button', { name: 'JSON' }).click())).content.toString()) as {
      product: string;
      id: string;
    }[];
    expect(json).toHaveLength(13);
    expect(new Set(json.map((r) => r.id)).size).toBe(13);
  });

  it('8: citations render as italics and bold, printed sub/superscripts stay, BibTeX, RIS and copy work', async () => {
    await visit(page, `#/records/ad-fe-nc-valine`);
    const citation = page.getByTestId('citation');
    await citation.waitFor();
    expect(await citation.locator('i').first().innerText()).toBe('Angew. Chem., Int. Ed.');
    expect(await citation.locator('b').first().innerText()).toBe('62');
    expect(await citation.innerText()).not.toContain('*');
    // "32.1 μmol mg <sup>cat</sup> h <sup>−1</sup>" keeps its superscripts
    expect(await page.locator('table.compare sup').allInnerTexts()).toEqual(expect.arrayContaining(['cat', '−1']));
    const bib = await downloadOf(page, () => page.getByRole('button', { name: 'BibTeX' }).click());
    expect(bib.name).toBe('ad-fe-nc-valine.bib');
    const bibText = bib.content.toString();
    expect(bibText).toContain('@article{ad-fe-nc-valine,');
    expect(bibText).toContain('author = {Xian, J. and Li, S. and Su, H.');
    expect(bibText).toContain(
      'title = {{Electrocatalytic Synthesis of Essential Amino Acids from Nitric Oxide Using Atomically Dispersed Fe on N-doped Carbon}}',
    );
    expect(bibText).toContain('journal = {Angew. Chem., Int. Ed.}');
    expect(bibText).toContain('year = {2023}');
    expect(bibText).toContain('volume = {62}');
    expect(bibText).toContain('pages = {e202304007}');
    expect(bibText).not.toMatch(/\bdoi = /); // the review's DOI is not the paper's: never written as one
    const ris = (await downloadOf(page, () => page.getByRole('button', { name: 'RIS' }).click())).content.toString();
    expect(ris).toMatch(/^TY {2}- JOUR\nAU {2}- Xian, J\.\n/);
    expect(ris).toContain('JO  - Angew. Chem., Int. Ed.\nPY  - 2023\nVL  - 62\nSP  - e202304007');
    expect(ris.trim().endsWith('ER  -')).toBe(true);
    await page.getByRole('button', { name: 'Copy citation' }).click();
    await page.getByText('Citation copied to the clipboard.').waitFor();
    const copied = await evaluate<string>(page, 'navigator.clipboard.readText()');
    expect(copied).toContain('Angew. Chem., Int. Ed., 2023, 62, e202304007.');
    expect(copied).not.toContain('*');
    // an electrolyte printed as "0.1 M KHCO <sub>3</sub> + …" keeps its subscript
    await visit(page, `#/records/cu-pi-500-urea`);
    await page.locator('table.compare').waitFor();
    expect(await page.locator('table.compare sub').first().innerText()).toBe('3');
    expect(await page.locator('table.compare').innerText()).not.toContain('KHCO 3');
    // a user record's DOI (a doi.org link is accepted and stored as the DOI) is linked and exported
    await visit(page, `#/records/cucsv-1-urea`);
    await page.getByRole('link', { name: 'doi:10.1000/e2e-csv' }).waitFor();
    const userBib = (await downloadOf(page, () => page.getByRole('button', { name: 'BibTeX' }).click())).content.toString();
    expect(userBib).toContain('doi = {10.1000/e2e-csv}');
    // BibTeX of the filtered list: one entry per source paper
    await visit(page, `#/literature?product=urea&origin=literature`);
    await page.getByText('13 records').waitFor();
    const listBib = (await downloadOf(page, () => page.getByRole('button', { name: 'BibTeX' }).click())).content.toString();
    const entries = listBib.match(/^@\w+\{/gm) ?? [];
    const citations = (await (await fetch(`${session.server.url}/api/records?product=urea&origin=literature&limit=100`)).json()) as {
      records: { sourceCitation: string }[];
    };
    expect(entries).toHaveLength(new Set(citations.records.map((r) => r.sourceCitation)).size);
  });

  it('8: the record form takes a DOI only in its valid form', async () => {
    await visit(page, `#/my-data`);
    await page.locator('input[name=catalyst]').fill('CuDOI');
    await page.locator('input[name=sourceCitation]').fill('lab notebook 8');
    await page.locator('input[name=sourceLocation]').fill('run 1');
    await page.locator('input[name=sourceDoi]').fill('10.1000');
    await page.getByRole('button', { name: 'Save record' }).click();
    await expect.poll(() => page.getByRole('alert', { name: 'problems with the record' }).innerText()).toContain('DOI "10.1000" is not a DOI');
    await page.locator('input[name=sourceDoi]').fill('https://doi.org/10.1000/abc.def');
    await page.getByRole('button', { name: 'Save record' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Saved as cudoi-urea');
    const saved = (await (await fetch(`${session.server.url}/api/records/cudoi-urea`)).json()) as { sourceDoi: string };
    expect(saved.sourceDoi).toBe('10.1000/abc.def');
  });

  it('10: hashed bundles travel compressed and cached for a year; heavy pages are split off', async () => {
    const html = await (await fetch(`${session.server.url}/`)).text();
    const entry = /src="(\/assets\/index-[^"]+\.js)"/.exec(html)![1]!;
    const response = await rawGet(`${session.server.url}${entry}`, { 'accept-encoding': 'gzip' });
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.headers['content-encoding']).toBe('gzip');
    // the entry no longer carries Vega (about 0.9 MB): it loads with the chart pages
    const compressed = response.body;
    const size = gunzipSync(compressed).length;
    expect(size).toBeLessThan(400_000);
    expect(compressed.length).toBeLessThan(size / 2.5);
    expect((await fetch(`${session.server.url}/`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('10: loading and empty states instead of empty tables and frames', async () => {
    // the list request is held until the loading state has been seen
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    await page.route('**/api/records?*', async (route) => {
      await gate;
      await route.continue();
    });
    await visit(page, `#/literature?origin=literature`);
    await page.getByRole('status').filter({ hasText: 'Loading records…' }).waitFor();
    open();
    await page.getByText('47 records').waitFor();
    await page.unroute('**/api/records?*');
    await visit(page, `#/literature?q=no-such-catalyst`);
    await page.getByText('No record matches these filters.').waitFor();
    await visit(page, `#/compare?q=no-such-catalyst`);
    await expect.poll(() => page.locator('figure.chart.empty').count()).toBe(2);
    expect(await page.locator('figure.chart.empty').first().innerText()).toBe('No record with these filters has the values this plot needs.');
  });

  it('10: charts save as PNG at 1×, 2× or 3× under a descriptive name, and as SVG', async () => {
    await visit(page, `#/compare`);
    const chart = page.locator('figure.chart').first();
    await chart.locator('svg.marks').waitFor();
    const svgWidth = Number(await chart.locator('svg.marks').getAttribute('width'));
    await chart.locator('select[aria-label$="PNG scale"]').selectOption('3');
    await chart.getByRole('button', { name: 'Save PNG' }).and(page.locator(':enabled')).waitFor();
    const png = await downloadOf(page, () => chart.getByRole('button', { name: 'Save PNG' }).click());
    expect(png.name).toBe('cncouple-fe-vs-potential@3x.png');
    expect(png.content.subarray(1, 4).toString()).toBe('PNG');
    expect(png.content.readUInt32BE(16)).toBe(3 * svgWidth); // IHDR width
    const svg = await downloadOf(page, () => chart.getByRole('button', { name: 'Save SVG' }).click());
    expect(svg.name).toBe('cncouple-fe-vs-potential.svg');
    expect(svg.content.toString()).toContain('<svg');
  });

  it('11: a yield read with an assumed reading is marked as such in the table and on the record page', async () => {
    // Cu1-CeO2 prints "mmol h-1 g_cat h-1" (time twice): normalized per hour per gram, flagged as an assumed reading
    await visit(page, `#/records/cu1-ceo2-urea`);
    await page.locator('table.compare').waitFor();
    expect(await page.locator('table.compare').innerText()).toMatch(/mmol h⁻¹ g⁻¹.*\(assumed\)/);
    await visit(page, `#/literature?origin=literature&q=Cu1-CeO2`);
    await expect.poll(() => page.locator('table.records td[data-label="Yield"] .reading').first().innerText()).toContain('(assumed)');
  });

  it('10: the first click on a sort header sorts ascending, catalyst names case-insensitively', async () => {
    await visit(page, `#/literature?origin=literature`);
    await page.getByText('47 records').waitFor();
    await page.getByRole('button', { name: /^Catalyst/ }).click();
    await expect.poll(() => page.locator('th[aria-sort="ascending"]').count()).toBe(1);
    await expect.poll(() => page.locator('table.records tbody tr td:first-child a').first().innerText()).toBe('AD-Fe/NC');
    const names = await page.locator('table.records tbody tr td:first-child a').allInnerTexts();
    const lower = names.map((n) => n.toLowerCase());
    expect(lower).toEqual([...lower].sort());
    expect(names.indexOf('adFe-TiOx/Ti')).toBe(1); // case-sensitive order would put it after "ZnMn-NC"
    await page.getByRole('button', { name: /^FE/ }).click();
    await expect.poll(() => page.locator('th[aria-sort="ascending"]').innerText()).toContain('FE');
  });

  it('10: the flag colour has a contrast of at least 4.5:1; tornado labels are words; pulses show that they run', async () => {
    await visit(page, `#/literature?flagged=1`);
    const flag = page.locator('.flag').first();
    await flag.waitFor();
    const [color, background] = await Promise.all([
      evaluate<string>(page, "getComputedStyle(document.querySelector('.flag')).color"),
      evaluate<string>(page, "getComputedStyle(document.querySelector('.table-wrap')).backgroundColor"),
    ]);
    expect(contrast(color, background)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(color, 'rgb(246, 248, 251)')).toBeGreaterThanOrEqual(4.5); // the page background
    await visit(page, `#/process`);
    const tornado = page.getByRole('img', { name: 'tornado chart' });
    await expect.poll(() => tornado.innerText(), { timeout: 20000 }).toContain('Electricity price');
    expect(await tornado.innerText()).not.toContain('electricityUsdPerKWh');
    // the pulse button says it is busy while the simulation runs (the request is held until checked)
    await visit(page, `#/kinetics`);
    let release!: () => void;
    await page.route('**/api/kinetics/pulse', async (route) => {
      await new Promise<void>((resolve) => (release = resolve));
      await route.continue();
    });
    await page.locator('input[aria-label="periods"]').fill('3');
    await page.getByRole('button', { name: 'Simulate' }).click();
    await page.getByRole('button', { name: 'Simulating…' }).waitFor();
    expect(await page.getByRole('button', { name: 'Simulating…' }).isDisabled()).toBe(true);
    await expect.poll(() => typeof release).toBe('function');
    release();
    await expect.poll(() => page.getByTestId('pulse-summary').innerText(), { timeout: 20000 }).toContain('Periodic steady state');
    await page.unroute('**/api/kinetics/pulse');
    // a result leaves the screen as soon as one of its inputs changes (it was solved for the old one)
    await page.getByTestId('steady-summary').waitFor({ timeout: 20000 });
    await page.locator('input[aria-label="periods"]').fill('4');
    await expect.poll(() => page.getByTestId('pulse-summary').count()).toBe(0);
    await page.locator('input[aria-label="step (V)"]').fill('0.1');
    await expect.poll(() => page.getByTestId('steady-summary').count()).toBe(0);
  }, 60_000);

  it('10: a pasted model starts empty, can start from a built-in one, and can be swept', async () => {
    await visit(page, `#/mechanism`);
    await page.locator('figure.chart svg.marks').waitFor();
    await page.locator('select[aria-label="model"]').selectOption('__custom');
    await page.getByText('Paste a model file, or copy a built-in model').waitFor();
    expect(await page.locator('figure.chart').count()).toBe(0); // the previous model's diagram is gone
    expect(await page.getByRole('alert').count()).toBe(0); // and no error for an empty box
    await page.getByRole('button', { name: 'Copy it into the box' }).click();
    await expect.poll(() => page.locator('textarea[aria-label="model file"]').inputValue()).toContain('descriptors:');
    await page.locator('figure.chart svg.marks').waitFor();
    await visit(page, `#/kinetics`);
    await page.getByTestId('steady-summary').waitFor({ timeout: 20000 });
    await page.locator('select[aria-label="model"]').selectOption('__custom');
    await expect.poll(() => page.getByTestId('steady-summary').count()).toBe(0); // no curve of the previous model
    expect(await page.locator('figure.chart').count()).toBe(0);
    await page.getByRole('button', { name: 'Copy it into the box' }).click();
    await expect.poll(() => page.locator('select[aria-label="x descriptor"] option').allInnerTexts()).toEqual(['dG_NO', 'dG_CO', 'Ea_CN', 'Ea_NOH']);
    await page.locator('input[aria-label="points per axis"]').fill('4');
    await page.getByRole('button', { name: 'Run sweep' }).click();
    await expect.poll(() => page.getByRole('progressbar').innerText(), { timeout: 30000 }).toContain('done — 16/16 points');
  }, 60_000);
});

describe('issue 15 in Chromium, phone (390×844)', () => {
  const PAGES: [string, string, string][] = [...webAppPages('ad-fe-nc-valine'), ['not-found', '#/nowhere', 'h1']];

  it('9: no page scrolls sideways; charts fit their container; no console errors', async () => {
    const p = await phone.newPage();
    const errors: string[] = [];
    p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    p.on('pageerror', (e) => errors.push(e.message));
    for (const [name, hash, ready] of PAGES) {
      await visit(p, hash);
      await p.locator(ready).first().waitFor({ timeout: 20000 });
      if (name === 'process') await p.getByRole('img', { name: 'tornado chart' }).locator('svg.marks').waitFor({ timeout: 20000 });
      expect(await overflowPx(p), name).toBeLessThanOrEqual(0);
      for (const chart of await p.locator('figure.chart:not(.empty)').all()) {
        const [outer, inner] = await Promise.all([chart.boundingBox(), chart.locator('svg.marks').boundingBox()]);
        expect(inner!.x + inner!.width, name).toBeLessThanOrEqual(outer!.x + outer!.width + 0.5);
      }
      await shot(p, `phone-${name}`);
    }
    expect(errors).toEqual([]);
    await p.close();
  }, 120_000);

  it('9: the literature table becomes cards with the FE on screen; the filters start folded', async () => {
    const p = await phone.newPage();
    await visit(p, `#/literature`);
    await p.getByText(/^\d+ records/).waitFor();
    expect(await p.locator('details.filters-box').getAttribute('open')).toBeNull();
    expect(await p.getByText('Filters', { exact: true }).isVisible()).toBe(true);
    const firstRecord = p.locator('table.records tbody tr').first();
    const fe = firstRecord.locator('td[data-label="FE"]');
    const box = (await fe.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.y).toBeLessThan(844); // the first record's FE is on the first screen
    expect(await evaluate(p, `getComputedStyle(document.querySelector('table.records tbody tr td[data-label="FE"]')).display`)).toBe('block');
    // a link with filters opens them
    await visit(p, `#/literature?product=urea&origin=literature`);
    await p.getByText('13 records').waitFor();
    expect(await p.locator('details.filters-box').getAttribute('open')).toBe('');
    await p.close();
  });

  it('2, 3, 4: forms work on the phone (messages beside the form, numbers as typed)', async () => {
    const p = await phone.newPage();
    await visit(p, `#/calculators`);
    await p.locator('input[aria-label="potential in volt"]').fill('−900 mV');
    await expect.poll(() => p.getByTestId('potential').innerText()).toContain('-0.2889 V');
    await visit(p, `#/my-data`);
    await p.getByRole('button', { name: 'Save record' }).click();
    await expect.poll(() => p.getByRole('alert', { name: 'problems with the record' }).innerText()).toContain('Catalyst is required');
    expect(await overflowPx(p)).toBeLessThanOrEqual(0);
    await p.close();
  });
});
