/**
 * End-to-end test of the model-vs-measurement overlay on the Kinetics page, in real Debian Chromium
 * (playwright-core), set up as test/e2e/webapp.test.ts. Needs `npm run build` and /usr/bin/chromium.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, type WebAppSession, shot, startWebAppSession } from '../../scripts/webAppSession.js';

let session: WebAppSession;
let page: Page;

beforeAll(async () => {
  session = await startWebAppSession('e2e-overlay');
  page = await session.browser.newPage(DESKTOP);
});

afterAll(async () => {
  await session?.close();
});

describe('model vs measurement in Chromium', () => {
  it('overlays urea-cu4-ceo2 on the records it names: model line and the VO-CeO2-750 point', async () => {
    await page.goto(`${session.server.url}/#/kinetics?model=urea-cu4-ceo2`);
    const chart = page.locator('[data-testid="model-vs-measurement"] [role="img"][aria-label="model vs measurement"]');
    // the line layer (named model_curve) and the record layer (record_points) are drawn into the SVG
    const line = chart.locator('g.model_curve_marks path');
    const points = chart.locator('g.record_points_marks path');
    await line.first().waitFor({ timeout: 60_000 });
    await points.first().waitFor();
    // one record has an FE and a potential vs RHE: vo-ceo2-750-urea-text (12.2 % at −0.7 V); the others are counted
    expect(await points.count()).toBe(1);
    // Vega-Lite describes each point for screen readers (aria-label): the record's potential and FE
    expect(await points.first().getAttribute('aria-label')).toMatch(/[−-]0\.7\b.*12\.2/);
    const svg = await chart.locator('svg.marks').innerHTML();
    expect(svg).toContain('Model urea-cu4-ceo2 vs measurement: Cu1-CeO2, VO-CeO2-750');
    expect(svg).toContain('cu1-ceo2-urea (no FE)');
    await shot(chart, 'model-vs-measurement-urea-cu4-ceo2');
  });

  it('shows the empty state for a pasted model file', async () => {
    await page.locator('select[aria-label="model"]').selectOption('__custom');
    await expect.poll(() => page.getByTestId('model-vs-measurement').innerText()).toContain('A pasted model file is compared with no records');
  });
});
