/**
 * End-to-end test of the Plan & screen page in real Debian Chromium (playwright-core), set up as
 * webapp.test.ts: suggestions from a pasted space and runs, the virtual-lab optimization to done, a campaign
 * saved on the server and loaded back after a reload and a server restart, and a phone-width layout without
 * horizontal overflow. Needs `npm run build` and /usr/bin/chromium.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, type WebAppSession, shot, startWebAppSession } from '../../scripts/webAppSession.js';
import { startServer } from '../../src/server/startServer.js';
import { optimizeStudy } from '../../src/studies/ml.js';

let session: WebAppSession;
let page: Page;

beforeAll(async () => {
  session = await startWebAppSession('e2e-plan');
  page = await session.browser.newPage(DESKTOP);
});

afterAll(async () => {
  await session?.close();
});

const space = 'parameters:\n  - { name: a, type: continuous, low: 0, high: 1 }\nobjectives: [{ name: y, goal: maximize }]\n';
// y = a(2 − a) at five points: enough finished runs (max(5, 2·1) = 5) for the surrogate and log-EI
const runs = 'a,y\n0.1,0.19\n0.3,0.51\n0.5,0.75\n0.7,0.91\n0.9,0.99\n';

describe('Plan & screen page in Chromium', () => {
  it('the form builds a space the server accepts (the example: two parameters, one log-scaled, five runs)', async () => {
    await page.goto(`${session.server.url}/#/plan`);
    await page.getByRole('heading', { name: 'Plan & screen' }).waitFor();
    await page.getByLabel('parameter 2 log scale').waitFor();
    expect(await page.getByLabel('parameter 2 log scale').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Suggest next runs' }).click();
    const table = page.locator('table[aria-label="suggestions"]');
    await table.waitFor({ timeout: 30_000 });
    expect(await table.locator('tbody tr').count()).toBe(3);
    // every suggested c inside the form's 1–1000 mM range
    for (const text of await table.locator('tbody tr td:nth-child(3)').allInnerTexts()) {
      expect(Number(text)).toBeGreaterThanOrEqual(1);
      expect(Number(text)).toBeLessThanOrEqual(1000);
    }
    await shot(page, 'plan-form');
  }, 90_000);

  it('suggests the next runs from a pasted space and runs, with predicted mean ± sd and the parity plot', async () => {
    await page.goto(`${session.server.url}/#/plan`);
    await page.getByRole('heading', { name: 'Plan & screen' }).waitFor();
    await page.getByRole('button', { name: /Edit as YAML\/JSON/ }).click();
    await page.getByLabel('parameter space (YAML or JSON)').fill(space);
    await page.getByLabel('runs CSV', { exact: true }).fill(runs);
    await page.locator('input[aria-label="suggestions"]').fill('2');
    await page.getByRole('button', { name: 'Suggest next runs' }).click();
    const table = page.locator('table[aria-label="suggestions"]');
    await table.waitFor({ timeout: 30_000 });
    expect(await table.locator('tbody tr').count()).toBe(2);
    expect(await page.getByTestId('ask-summary').innerText()).toContain('by log-ei from 5 finished and 0 in-flight');
    const cells = await table.locator('tbody tr').first().locator('td').allInnerTexts();
    const a = Number(cells[1]);
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThanOrEqual(1);
    expect(cells[2]).toMatch(/^-?\d.* ± \d/);
    await page.getByRole('img', { name: 'surrogate parity (leave-one-out)' }).waitFor({ timeout: 30_000 });
    await shot(page, 'plan-suggestions');
    // a bad run is named next to the form
    await page.getByLabel('runs CSV', { exact: true }).fill('a,y\n1.5,0.2\n');
    // the suggestions of the old runs leave the screen as the runs change
    await expect.poll(() => table.count()).toBe(0);
    expect(await page.getByRole('img', { name: 'surrogate parity (leave-one-out)' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Suggest next runs' }).click();
    await expect.poll(() => page.getByRole('alert', { name: 'planning problems' }).innerText(), { timeout: 15_000 }).toMatch(/1\.5|outside|line/);
  }, 90_000);

  it('runs a virtual-lab optimization to done with its best-so-far curve', async () => {
    await page.goto(`${session.server.url}/#/plan?lab.budget=6`);
    await page.getByRole('button', { name: 'Optimize' }).click();
    await expect.poll(() => page.getByTestId('lab-summary').innerText(), { timeout: 60_000 }).toMatch(/Best log10 TOF of urea/);
    expect(await page.getByRole('progressbar', { name: 'optimization progress' }).innerText()).toContain('6/6 evaluations');
    await page.getByRole('img', { name: 'best so far vs evaluation' }).waitFor({ timeout: 30_000 });
    await shot(page, 'plan-virtual-lab');
  }, 120_000);

  it('local evaluations: "auto" (the API rule, shown for the form) or a whole number up to evaluations − 3, as the API counts them', async () => {
    const context = await session.browser.newContext(DESKTOP);
    const p = await context.newPage();
    await p.goto(`${session.server.url}/#/plan?lab.budget=10`);
    const local = p.locator('input[aria-label="local evaluations"]');
    expect(await local.inputValue()).toBe('auto');
    // one varied input, 10 evaluations: ⌊0.3 × 10⌋ = 3
    expect(await p.locator('label', { has: local }).innerText()).toContain('auto: 3 here');
    await p.locator('input[aria-label="evaluations"]').fill('9');
    expect(await p.locator('label', { has: local }).innerText()).toContain('auto: 0 here');
    await p.locator('input[aria-label="evaluations"]').fill('10');
    const problems = p.getByRole('alert', { name: 'virtual lab problems' });
    for (const bad of ['two', '8', '-1']) {
      await local.fill(bad);
      await p.getByRole('button', { name: 'Optimize' }).click();
      await expect.poll(() => problems.innerText()).toContain(`local evaluations: a whole number from 0 to evaluations − 3 (7), or "auto" (got "${bad}")`);
    }
    // the count of local-phase evaluations is the study's for the same input (the page's default model and settings)
    const body = { model: 'urea-cu4-ceo2', vary: [{ name: 'dG_NO', low: -1.5, high: 0.5 }], objective: 'log10Tof:urea', budget: 10, seed: 0 };
    const localCount = (localBudget?: number) =>
      optimizeStudy.run(optimizeStudy.input.parse({ ...body, localBudget })).trace.filter((t) => t.phase === 'local').length;
    for (const [text, count] of [
      ['2', localCount(2)],
      [' Auto ', localCount()],
      ['0', 0],
    ] as const) {
      await local.fill(text);
      await p.getByRole('button', { name: 'Optimize' }).click();
      await expect.poll(() => p.getByTestId('lab-summary').innerText(), { timeout: 60_000 }).toContain(`; ${count} in the local phase.`);
    }
    expect([localCount(2), localCount()]).toEqual([2, 3]);
    await context.close();
  }, 120_000);

  it('screens the example candidates through the same model to a ranked table', async () => {
    await page.getByRole('button', { name: 'Screen' }).click();
    const table = page.locator('table[aria-label="screened candidates"]');
    await table.waitFor({ timeout: 60_000 });
    expect(await table.locator('tbody tr').count()).toBe(3);
    // P(top 1) over the candidates sums to 1 (each sample has exactly one top candidate)
    const p = (await table.locator('tbody tr td:nth-child(4)').allInnerTexts()).map(Number);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
    expect(await page.getByRole('progressbar', { name: 'screening progress' }).innerText()).toContain('3/3 candidates');
  }, 90_000);

  it('takes a virtual-lab or screening result off the screen when its inputs change, and shows it again when they are set back', async () => {
    // both results are on screen from the two tests above (budget 6, top k 1)
    await page.getByTestId('lab-summary').waitFor();
    const screened = page.locator('table[aria-label="screened candidates"]');
    await screened.waitFor();
    const budget = page.locator('input[aria-label="evaluations"]');
    expect(await budget.inputValue()).toBe('6');
    await budget.fill('7');
    await expect.poll(() => page.getByTestId('lab-summary').count()).toBe(0);
    expect(await page.getByRole('img', { name: 'best so far vs evaluation' }).count()).toBe(0);
    expect(await screened.count()).toBe(1); // the screening's inputs did not change
    await budget.fill('6');
    await expect.poll(() => page.getByTestId('lab-summary').innerText()).toMatch(/Best log10 TOF of urea/);
    const topK = page.locator('input[aria-label="top k"]');
    await topK.fill('2');
    await expect.poll(() => screened.count()).toBe(0);
    expect(await page.getByRole('img', { name: 'screened candidates' }).count()).toBe(0);
    expect(await page.getByTestId('lab-summary').count()).toBe(1);
    await topK.fill('1');
    await screened.waitFor();
    // a new candidate makes the ranking stale too
    const candidates = page.getByLabel('candidates CSV');
    await candidates.fill(`${await candidates.inputValue()}D,-0.8,0.0\n`);
    await expect.poll(() => screened.count()).toBe(0);
  }, 60_000);

  it('saves a campaign on the server, shows it again on reload, and loads it in a fresh browser after a server restart', async () => {
    // a browser context of its own: the other tests' page keeps its localStorage
    const first = await session.browser.newContext(DESKTOP);
    const p1 = await first.newPage();
    await p1.goto(`${session.server.url}/#/plan`);
    await p1.getByRole('heading', { name: 'Plan & screen' }).waitFor();
    // the example form (x, and c_mM log-scaled from 1 to 1000) comes back as the form
    await p1.getByLabel('campaign name').fill('e2e form campaign');
    await p1.getByRole('button', { name: 'Save as new campaign' }).click();
    await expect.poll(() => p1.getByTestId('campaign-status').innerText(), { timeout: 15_000 }).toMatch(/^Saved “e2e form campaign”/);
    await p1.getByLabel('parameter 2 high').fill('500');
    await p1.reload();
    await expect.poll(() => p1.getByTestId('campaign-status').innerText(), { timeout: 15_000 }).toMatch(/^Loaded “e2e form campaign”/);
    expect(await p1.getByLabel('parameter 2 high').inputValue()).toBe('1000'); // the saved copy, not the unsaved edit
    expect(await p1.getByLabel('parameter 2 log scale').isChecked()).toBe(true);
    await p1.getByRole('button', { name: 'New campaign' }).click();
    await p1.getByRole('button', { name: /Edit as YAML\/JSON/ }).click();
    await p1.getByLabel('parameter space (YAML or JSON)').fill(space);
    await p1.getByLabel('runs CSV', { exact: true }).fill(runs);
    // a nameless campaign is refused with the field named
    await p1.getByRole('button', { name: 'Save as new campaign' }).click();
    await expect.poll(() => p1.getByRole('alert', { name: 'campaign problems' }).innerText(), { timeout: 15_000 }).toMatch(/campaign name/);
    await p1.getByLabel('campaign name').fill('e2e nitrate series');
    expect(new URL(p1.url()).hash).not.toContain('campaign=');
    await p1.getByRole('button', { name: 'Save as new campaign' }).click();
    await expect
      .poll(() => p1.getByTestId('campaign-status').innerText(), { timeout: 15_000 })
      .toMatch(/^Saved “e2e nitrate series” on the server .*\(5 finished, 0 in-flight run\(s\)\)/);
    const id = new URLSearchParams(new URL(p1.url()).hash.split('?')[1]).get('campaign');
    expect(id).toMatch(/^cmp_/);
    // reload: the page reads the campaign named in its URL from the server
    await p1.reload();
    await expect.poll(() => p1.getByTestId('campaign-status').innerText(), { timeout: 15_000 }).toMatch(/^Loaded “e2e nitrate series”/);
    expect(await p1.getByLabel('runs CSV', { exact: true }).inputValue()).toBe(runs);
    await shot(p1, 'plan-campaign-saved', { fullPage: false });
    await first.close();

    // the server restarts on the same data; a new browser (nothing in localStorage) picks the campaign from the list
    const { port } = new URL(session.server.url);
    await session.server.close();
    session.server = await startServer({ port: Number(port), dataDir: session.dataDir });
    const second = await session.browser.newContext(DESKTOP);
    const p2 = await second.newPage();
    await p2.goto(`${session.server.url}/#/plan`);
    await p2.getByRole('heading', { name: 'Plan & screen' }).waitFor();
    expect(await p2.getByLabel('runs CSV', { exact: true }).inputValue()).not.toBe(runs); // the example, not the campaign
    const select = p2.getByLabel('saved campaigns');
    await expect
      .poll(() => select.locator('option').allInnerTexts(), { timeout: 15_000 })
      .toContainEqual(expect.stringContaining('e2e nitrate series — 5 finished, '));
    await select.selectOption(id!);
    await p2.getByRole('button', { name: 'Load', exact: true }).click();
    await expect.poll(() => p2.getByTestId('campaign-status').innerText(), { timeout: 15_000 }).toMatch(/^Loaded “e2e nitrate series”/);
    expect(await p2.getByLabel('parameter space (YAML or JSON)').inputValue()).toBe(space);
    expect(await p2.getByLabel('runs CSV', { exact: true }).inputValue()).toBe(runs);
    expect(await p2.getByLabel('campaign name').inputValue()).toBe('e2e nitrate series');
    // a new run, saved over the loaded campaign
    await p2.getByLabel('runs CSV', { exact: true }).fill(`${runs}0.95,\n`);
    await p2.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => p2.getByTestId('campaign-status').innerText(), { timeout: 15_000 }).toMatch(/\(5 finished, 1 in-flight run\(s\)\)/);
    await second.close();
  }, 120_000);

  it('suggests by expected hypervolume improvement for two objectives when chosen', async () => {
    const context = await session.browser.newContext(DESKTOP);
    const p = await context.newPage();
    await p.goto(`${session.server.url}/#/plan`);
    await p.getByRole('heading', { name: 'Plan & screen' }).waitFor();
    await p.getByRole('button', { name: 'Add objective' }).click();
    // the example runs (x, c_mM, y) with a second objective y2 = 1 − x
    await p
      .getByLabel('runs CSV', { exact: true })
      .fill('x,c_mM,y,y2\n0.1,10,0.19,0.9\n0.3,300,0.4577,0.7\n0.5,30,0.3977,0.5\n0.7,3,0.2577,0.3\n0.9,100,0.29,0.1\n');
    await p.getByLabel('two-objective acquisition').selectOption('ehvi');
    await p.getByRole('button', { name: 'Suggest next runs' }).click();
    await expect.poll(() => p.getByTestId('ask-summary').innerText(), { timeout: 30_000 }).toContain('by ehvi from 5 finished');
    expect(await p.locator('table[aria-label="suggestions"] thead').innerText()).toContain('ln EHVI');
    await context.close();
  }, 90_000);

  it('fits a phone-width window without horizontal overflow', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${session.server.url}/#/plan`);
    await page.getByRole('heading', { name: 'Plan & screen' }).waitFor();
    // the space and runs were kept in this browser's localStorage (text mode, from the first test)
    await page.getByLabel('runs CSV', { exact: true }).fill(runs);
    await page.getByRole('button', { name: 'Suggest next runs' }).click();
    await page.locator('table[aria-label="suggestions"]').waitFor({ timeout: 30_000 });
    // evaluated in the page: a string keeps DOM names out of the Node typecheck
    const overflow = (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'plan-narrow');
  });
});
