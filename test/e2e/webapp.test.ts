/**
 * End-to-end tests of the web app in real Debian Chromium (playwright-core): every page, one calculation
 * per calculator, filtering, adding a record that survives a server restart. Screenshots go to
 * test-results/screenshots/ (git-ignored). Needs `npm run build` (done by `npm test`) and /usr/bin/chromium.
 */
import os from 'node:os';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPooledTask } from '../../src/jobs/workerPool.js';
import { startServer } from '../../src/server/startServer.js';
import { DESKTOP, type WebAppSession, shot, startWebAppSession } from '../../scripts/webAppSession.js';
import { builtinModelText } from '../../src/store/builtinModels.js';

let session: WebAppSession;
let page: Page;

beforeAll(async () => {
  session = await startWebAppSession('e2e');
  page = await session.browser.newPage(DESKTOP);
  // the server's Content-Security-Policy (issue 14) must let every page run: collect what the browser blocks
  page.on('console', (m) => void (m.type() === 'error' && /Content Security Policy|unsafe-eval/i.test(m.text()) && cspViolations.push(m.text())));
  page.on('pageerror', (e) => void (/Content Security Policy|EvalError|unsafe-eval/i.test(e.message) && cspViolations.push(e.message)));
});
const cspViolations: string[] = [];

afterAll(async () => {
  await session?.close();
});

describe('web app in Chromium', () => {
  it('literature explorer lists every record and filters by product', async () => {
    await page.goto(`${session.server.url}/#/literature`);
    await page.getByText('47 records').waitFor();
    expect(await page.locator('table.records tbody tr').count()).toBe(47);
    await shot(page, 'literature');
    await page.getByLabel('Product').selectOption('urea');
    await page.getByText('13 records').waitFor();
    expect(await page.locator('table.records tbody tr').count()).toBe(13);
    await shot(page, 'literature-urea');
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByText('47 records').waitFor();
  });

  it('opens a record with printed and normalized values and its source', async () => {
    await page.goto(`${session.server.url}/#/records/cu-s-cyclohexanone-oxime`);
    await page.getByRole('heading', { name: /Cu-S → Cyclohexanone oxime/ }).waitFor();
    const text = await page.locator('article.record').innerText();
    expect(text).toContain('-0.289 V vs RHE');
    expect(text).toContain('reference-filling-assumed');
    expect(text).toMatch(/Ref\. 42: Y\. Wu/);
    await shot(page, 'record');
  });

  it('computes with every calculator', async () => {
    await page.goto(`${session.server.url}/#/calculators`);
    const result = (id: string) => page.getByTestId(id);
    const input = (label: string) => page.locator(`input[aria-label="${label}"]`);
    await input('formula').fill('C6H10NOH');
    await expect.poll(() => result('formula').innerText()).toContain('113.160 g/mol');
    await input('reactants').fill('glyoxylic acid, NO3-');
    await input('product').fill('glycine');
    await expect.poll(() => result('balance').innerText()).toContain('OHCCOOH + NO3- + 11 H+ + 10 e- → NH2CH2COOH + 4 H2O');
    await expect.poll(() => result('fe').innerText()).toContain('75.34 %');
    await expect.poll(() => result('potential').innerText()).toContain('-0.2889 V');
    // the scales come from the library (GET /api/reference-electrodes)
    await page.locator('select[aria-label="from scale"]').selectOption('Hg/HgO (1 M KOH)');
    await input('potential in volt').fill('-0.5');
    await input('pH').fill('14');
    await expect.poll(() => result('potential').innerText()).toContain('0.4262 V');
    await expect.poll(() => result('convert').innerText()).toContain('88.2648');
    await expect.poll(() => result('e0').innerText()).toContain('0.8109 V vs SHE');
    await input('formula').fill('CXx');
    await expect.poll(() => result('formula').innerText()).toContain('unknown element "Xx" at position 1');
    await shot(page, 'calculators');
  });

  it('draws the comparison plots', async () => {
    await page.goto(`${session.server.url}/#/compare`);
    await page.locator('figure.chart svg.marks').nth(1).waitFor();
    expect(await page.locator('figure.chart svg.marks').count()).toBe(2);
    expect(await page.locator('figure.chart').first().innerText()).toContain('Potential (V vs RHE)');
    await shot(page, 'compare');
  });

  it('adds a record that survives a server restart', async () => {
    await page.goto(`${session.server.url}/#/my-data`);
    await page.locator('input[name=catalyst]').fill('CuBi-E2E');
    await page.locator('input[name=faradaicEfficiencyPrinted]').fill('not a number');
    await page.locator('input[name=sourceCitation]').fill('e2e notebook');
    await page.locator('input[name=sourceLocation]').fill('run 1');
    await page.getByRole('button', { name: 'Save record' }).click();
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').innerText()).toContain('cubi-e2e-urea');
    await shot(page, 'my-data');
    const { port } = new URL(session.server.url);
    await session.server.close();
    session.server = await startServer({ port: Number(port), dataDir: session.dataDir });
    await page.goto(`${session.server.url}/#/my-data`);
    await page.locator('table[aria-label="my records"]').getByRole('link', { name: 'CuBi-E2E', exact: true }).waitFor();
    await page.goto(`${session.server.url}/#/records/cubi-e2e-urea`);
    await page.getByText('unreadable-faradaic-efficiency').waitFor();
    // edit it: the form comes prefilled, the fix clears the automatic flag
    await page.getByRole('link', { name: 'Edit this record' }).click();
    await page.getByRole('heading', { name: 'Edit cubi-e2e-urea' }).waitFor();
    expect(await page.locator('input[name=catalyst]').inputValue()).toBe('CuBi-E2E');
    await page.locator('input[name=faradaicEfficiencyPrinted]').fill('33%');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').waitFor();
    await page.goto(`${session.server.url}/#/records/cubi-e2e-urea`);
    await expect.poll(() => page.locator('article.record').innerText()).toContain('33.0 %');
    expect(await page.locator('article.record').innerText()).not.toContain('unreadable-faradaic-efficiency');
  });

  it('draws free-energy diagrams and updates them with the potential slider', async () => {
    await page.goto(`${session.server.url}/#/mechanism`);
    await page.locator('figure.chart svg.marks').waitFor();
    const table = page.locator('table[aria-label="limiting potentials"]');
    await expect.poll(() => table.innerText()).toContain('co2_to_co');
    expect(await table.innerText()).toMatch(/urea\s+0\.139/); // as `cncouple mech limiting urea-cu4-ceo2`
    await page.locator('input[aria-label="potential in volt versus RHE"]').fill('-0.5');
    await expect.poll(() => page.locator('figure.chart').innerText()).toContain('U = -0.50 V vs RHE');
    await shot(page, 'mechanism');
  });

  it('solves a polarization curve, a pulse program and a small descriptor sweep with a progress bar', async () => {
    await page.goto(`${session.server.url}/#/kinetics`);
    await expect.poll(() => page.getByTestId('steady-summary').innerText(), { timeout: 15000 }).toMatch(/^17 of 17 potentials converged/);
    await page.locator('input[aria-label="periods"]').fill('5');
    await page.getByRole('button', { name: 'Simulate' }).click();
    await expect.poll(() => page.getByTestId('pulse-summary').innerText(), { timeout: 15000 }).toContain('Periodic steady state from period');
    await page.locator('input[aria-label="points per axis"]').fill('12');
    await page.getByRole('button', { name: 'Run sweep' }).click();
    await expect.poll(() => page.getByRole('progressbar').innerText(), { timeout: 20000 }).toContain('done — 144/144 points');
    await page.locator('figure.chart svg.marks').nth(2).waitFor();
    await expect.poll(() => page.locator('figure.chart').nth(2).innerText(), { timeout: 15000 }).toContain('log10 TOF of urea'); // the title draws after the marks
    await shot(page, 'kinetics');
  });

  it('cancels a sweep and resumes it to completion', async () => {
    // Every pool worker is first kept busy by a task the test aborts itself, so the page's sweep waits in the
    // queue: the Cancel click lands before any of its points is solved, on any machine (a bare 200 × 200 sweep
    // can finish before the click does).
    const blockers = new AbortController();
    const modelText = builtinModelText('urea-cu4-ceo2');
    const endless = { x: { name: 'dG_NO', from: -1.5, to: 0.5, points: 2000 }, y: { name: 'dG_CO', from: -0.5, to: 1, points: 2000 } };
    const busy = Array.from({ length: os.availableParallelism() }, () =>
      runPooledTask({ kind: 'sweep', modelText, spec: endless, rows: [0, 2000] }, () => {}, { signal: blockers.signal }).catch((error: Error) => error.message),
    );
    await page.goto(`${session.server.url}/#/kinetics`);
    await page.locator('input[aria-label="points per axis"]').fill('200');
    await page.getByRole('button', { name: 'Run sweep' }).click();
    await expect.poll(() => page.getByRole('progressbar').innerText(), { timeout: 20000 }).toBe('running — 0/40000 points (0 %)');
    await page.getByRole('button', { name: 'Cancel sweep' }).click();
    await expect.poll(() => page.getByRole('progressbar').innerText(), { timeout: 20000 }).toBe('cancelled — 0/40000 points (0 %)');
    blockers.abort();
    for (const outcome of await Promise.all(busy)) expect(outcome).toMatch(/abort/i);
    await page.getByRole('button', { name: /Resume sweep/ }).click();
    await expect.poll(() => page.getByRole('progressbar').innerText(), { timeout: 60000 }).toBe('done — 40000/40000 points (100 %)');
    await page.getByRole('img', { name: 'volcano heat map' }).locator('svg.marks').waitFor();
  }, 90_000);

  it('shows the microenvironment with a current slider, the flow reactor and the cost', async () => {
    await page.goto(`${session.server.url}/#/process`);
    await expect.poll(() => page.getByTestId('micro-summary').innerText(), { timeout: 15000 }).toMatch(/Surface pH 10\.17 \(bulk 6\.82\)/); // 10 mA cm-2; an independent equilibrium-limit BVP solution gives 10.172
    await page.locator('input[aria-label="current density (log10 mA per cm2)"]').fill('0');
    await expect.poll(() => page.getByTestId('micro-summary').innerText(), { timeout: 15000 }).toMatch(/Surface pH 8\.90 \(bulk 6\.82\)/); // 1 mA cm-2, same as the CLI and API (independent: 8.907)
    await page.getByLabel('migration (Nernst–Planck)').check();
    await expect.poll(() => page.locator('figure.chart', { hasText: 'Potential vs bulk (mV)' }).count(), { timeout: 15000 }).toBe(1);
    await page.getByLabel('migration (Nernst–Planck)').uncheck();
    await page.getByRole('button', { name: 'Simulate pulses' }).click();
    await expect
      .poll(() => page.getByRole('progressbar', { name: 'transient progress' }).innerText(), { timeout: 30000 })
      .toMatch(/done — (\d+)\/\1 ms simulated \(100 %\)/); // periods "auto": the run ends where the state is periodic
    expect(await page.getByTestId('transient-periods').innerText()).toMatch(/^\d+ periods simulated \(until periodic\); periodic/);
    await expect.poll(() => page.locator('figure.chart', { hasText: 'Surface pH under the current program' }).count(), { timeout: 15000 }).toBe(1);
    await page.locator('input[aria-label="currents"]').fill('2');
    await page.locator('input[aria-label="to (mA cm⁻²)"]').fill('3');
    await page.getByRole('button', { name: 'Couple' }).click();
    await expect.poll(() => page.getByRole('progressbar', { name: 'coupling progress' }).innerText(), { timeout: 30000 }).toContain('done — 2/2 currents');
    await expect.poll(() => page.locator('figure.chart', { hasText: 'Faradaic efficiency vs current density' }).count(), { timeout: 15000 }).toBe(1);
    await expect.poll(() => page.getByTestId('reactor-summary').innerText(), { timeout: 15000 }).toContain('Conversion');
    await expect.poll(() => page.getByTestId('tea-summary').innerText(), { timeout: 15000 }).toMatch(/Levelized cost \d+\.\d{3} USD\/kg/);
    expect(await page.getByTestId('tea-defaults').textContent()).toContain('doi:10.1021/acscentsci.2c00329');
    await shot(page, 'process');
  }, 90_000);

  it('is keyboard-usable and fits a narrow window', async () => {
    await page.setViewportSize({ width: 420, height: 860 });
    await page.goto(`${session.server.url}/#/literature`);
    await page.getByText(/^\d+ records/).waitFor();
    await page.getByRole('link', { name: 'Calculators' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Calculators' }).waitFor();
    // evaluated in the page: a string keeps DOM names out of the Node typecheck
    const overflow = (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'calculators-narrow');
  });

  it('ran every page above under the Content-Security-Policy without a violation', async () => {
    const csp = (await fetch(session.server.url)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(cspViolations).toEqual([]);
  });
});
