/**
 * End-to-end tests of the Process page for issue 11 (web) in Debian Chromium: the homogeneous rate-constant set
 * is chosen on the page and stated in each result; the double-layer form shows the OHP values the API computes
 * for the same input (numbers compared with a second, direct API call); problems show beside the input they
 * belong to; FE is typed in % and current density in mA cm⁻²; a result goes when its inputs change; pulses run
 * until periodic ("auto", the study's default) or for a number of periods, and say how many periods they used.
 * Needs the built web app (`npm run build`) and /usr/bin/chromium.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, type WebAppSession, shot, startWebAppSession } from '../../scripts/webAppSession.js';
import { waitForJobEnd } from '../support/jobs.js';

let session: WebAppSession;
let page: Page;

/** Opens a page of the app afresh (a hash-only change would keep the previous page's state). */
let visits = 0;
async function visit(hash: string) {
  await page.goto(`${session.server.url}/?visit=${++visits}${hash}`);
}

/** POST to the API directly (not through the page), for the numbers the page must show. */
async function post<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(`${session.server.url}${url}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/** The first number in a text (the page prints "−" as "-" via toFixed; both read). */
function firstNumber(text: string): number {
  const m = /[-−]?\d+(\.\d+)?(e[-+]?\d+)?/i.exec(text);
  if (!m) throw new Error(`no number in "${text}"`);
  return Number(m[0].replace('−', '-'));
}

/** The problem shown beside an input: the element its aria-describedby names, inside the same label. */
async function problemBeside(input: Locator): Promise<{ text: string; sameLabel: boolean; invalid: string | null }> {
  const id = await input.getAttribute('aria-describedby');
  expect(id).toBeTruthy();
  const text = await page.locator(`[id="${id}"]`).innerText();
  const sameLabel = await input.evaluate(
    (el, pid) => el.closest('label') !== null && el.closest('label') === el.ownerDocument.getElementById(pid as string)?.closest('label'),
    id,
  );
  return { text, sameLabel, invalid: await input.getAttribute('aria-invalid') };
}

const HER_KHCO3 = { electrolyte: '0.5 M KHCO3', co2Saturated: true, products: [{ to: 'H2', from: ['H2O'], faradaicEfficiency: 1 }] };
type Micro = { results: { surfacePH: number; bulkPH: number; rateConstants: string }[] };
type DoubleLayer = {
  potentialVvsPzc: number;
  surfaceChargeUCPerCm2: number;
  bulkPH: number;
  ohp: {
    potentialVvsBulk: number;
    sternDropV: number;
    fieldVPerNm: number;
    pH: number;
    cationMolPerM3: number;
    hydroxideMolPerM3: number;
    concentrationsMolPerM3: Record<string, number>;
  };
};

beforeAll(async () => {
  session = await startWebAppSession('e2e-process');
  page = await (await session.browser.newContext(DESKTOP)).newPage();
});

afterAll(async () => {
  await session?.close();
});

describe('Process page (issue 11, web) in Chromium', () => {
  it('runs the microenvironment with the chosen rate-constant set and says which set each result used', async () => {
    // HER in CO2-saturated 0.5 M KHCO3 at 10 mA cm⁻² (case 1, log10 j = 1)
    await visit('#/process?case=1&logj=1');
    const summary = page.getByTestId('micro-summary');
    await expect.poll(() => summary.innerText(), { timeout: 30000 }).toContain('rate constants schulz2006');
    const [schulz, gupta] = await Promise.all(
      ['schulz2006', 'gupta2006'].map((rateConstants) => post<Micro>('/api/microenv', { ...HER_KHCO3, currentDensitiesMAPerCm2: [10], rateConstants })),
    );
    expect(schulz!.results[0]!.rateConstants).toBe('schulz2006');
    // the two sets give different surface pH here, so the page's number shows which set ran
    expect(schulz!.results[0]!.surfacePH.toFixed(2)).not.toBe(gupta!.results[0]!.surfacePH.toFixed(2));
    expect(await summary.innerText()).toContain(
      `Surface pH ${schulz!.results[0]!.surfacePH.toFixed(2)} (bulk ${schulz!.results[0]!.bulkPH.toFixed(2)}) at 10 mA cm⁻² (100 A m⁻²)`,
    );
    expect(await page.getByTestId('rate-constant-set').innerText()).toContain('Schulz');

    await page.getByLabel('rate-constant set').selectOption('gupta2006');
    // the schulz2006 result goes at once: never shown as if it were the gupta2006 one
    expect(await summary.count()).toBe(0);
    await expect.poll(() => summary.innerText(), { timeout: 30000 }).toContain('rate constants gupta2006');
    expect(await summary.innerText()).toContain(`Surface pH ${gupta!.results[0]!.surfacePH.toFixed(2)}`);
    expect(await page.getByTestId('rate-constant-set').innerText()).toMatch(/gupta2006: CO2 \+ OH⁻ 5\.93e3, HCO3⁻ \+ OH⁻ 1\.0e8 M⁻¹ s⁻¹ \(N\. Gupta/);
    expect(page.url()).toContain('rates=gupta2006');

    // both sets side by side at this current: the numbers the API gives for each
    await page.getByRole('button', { name: 'Compare the rate-constant sets at 10 mA cm⁻²' }).click();
    const table = page.getByTestId('rate-constant-comparison');
    await expect.poll(() => table.count(), { timeout: 30000 }).toBe(1);
    for (const [set, api] of [
      ['schulz2006', schulz!],
      ['gupta2006', gupta!],
    ] as const) {
      const row = table.locator(`tr[data-set="${set}"]`);
      expect(await row.locator('td').first().innerText()).toBe(api.results[0]!.surfacePH.toFixed(3));
    }
    const co2Column = (await table.locator('thead th').allInnerTexts()).indexOf('CO2');
    expect(co2Column).toBeGreaterThan(0);
    const co2 = await Promise.all(
      ['schulz2006', 'gupta2006'].map(async (set) => firstNumber(await table.locator(`tr[data-set="${set}"] > *`).nth(co2Column).innerText())),
    );
    const co2Api = [schulz!, gupta!].map((m) => (m.results[0] as unknown as { surface: Record<string, number> }).surface.CO2!);
    co2.forEach((v, i) => expect(Math.abs(v / co2Api[i]! - 1)).toBeLessThan(5e-4));
    await shot(page.locator('.rate-comparison'), 'process-rate-constant-sets');
    // a new current takes the comparison away (it was for 10 mA cm⁻²)
    await page.locator('input[aria-label="current density (log10 mA per cm2)"]').fill('0');
    expect(await table.count()).toBe(0);
    await expect.poll(() => summary.innerText(), { timeout: 30000 }).toContain('at 1 mA cm⁻² (10 A m⁻²); rate constants gupta2006');

    // the pulses run with the chosen set too, and say so
    await page.locator('input[aria-label="periods"]').fill('2');
    await page.getByRole('button', { name: 'Simulate pulses' }).click();
    await expect.poll(() => page.getByTestId('transient-rates').count(), { timeout: 60000 }).toBe(1);
    expect(await page.getByTestId('transient-rates').innerText()).toBe('Pulses solved with rate constants gupta2006.');
    expect(await page.getByTestId('transient-periods').innerText()).toMatch(/^2 periods simulated \(as asked\); (not )?periodic: /);
    // a changed input takes the finished result away
    await page.locator('input[aria-label="periods"]').fill('3');
    expect(await page.getByTestId('transient-rates').count()).toBe(0);
    expect(await page.locator('figure.chart', { hasText: 'Surface pH under the current program' }).count()).toBe(0);
  }, 120_000);

  it('pulses until periodic by default ("auto", as the study) and says how many periods ran: the number the API gives', async () => {
    // HER in CO2-saturated 0.5 M KHCO3 (case 1), schulz2006, 50 mA cm⁻² for 0.5 s then 0 for 0.5 s
    await visit('#/process?case=1');
    const periods = page.locator('input[aria-label="periods"]');
    expect(await periods.inputValue()).toBe('auto');
    await page.getByRole('button', { name: 'Simulate pulses' }).click();
    const used = page.getByTestId('transient-periods');
    await expect.poll(() => used.count(), { timeout: 60000 }).toBe(1);
    // the same run through the API with periods left out (the schema's default)
    const pulse = { highMAPerCm2: 50, tHighS: 0.5, lowMAPerCm2: 0, tLowS: 0.5 };
    const response = await fetch(`${session.server.url}/api/microenv/transient`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...HER_KHCO3, migration: false, rateConstants: 'schulz2006', pulse }),
    });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    expect((await waitForJobEnd(session.server.url, id, 'the API pulse run')).status).toBe('done');
    const { periodic } = (await (await fetch(`${session.server.url}/api/jobs/${id}/result`)).json()) as {
      periodic: { periods: number; converged: boolean; tolerance: number; lastRelativeChange: number; periodAverageSurfacePH: number };
    };
    // settled well before the cap of 1000 periods, to the default tolerance 1e-3
    expect(periodic.converged).toBe(true);
    expect(periodic.tolerance).toBe(1e-3);
    expect(periodic.lastRelativeChange).toBeLessThan(1e-3);
    expect(periodic.periods).toBeGreaterThan(1);
    expect(periodic.periods).toBeLessThan(1000);
    expect(await used.innerText()).toBe(
      `${periodic.periods} periods simulated (until periodic); periodic: the period averages changed ${periodic.lastRelativeChange.toExponential(1)} (tolerance 0.001); period-average surface pH ${periodic.periodAverageSurfacePH.toFixed(3)}.`,
    );
    await shot(page.getByRole('form', { name: 'pulsed current' }), 'process-pulses-auto');

    // neither a whole number nor auto: named beside the periods input, saying both forms
    await periods.fill('two');
    await page.getByRole('button', { name: 'Simulate pulses' }).click();
    await expect.poll(async () => (await periods.getAttribute('aria-invalid')) ?? '').toBe('true');
    expect((await problemBeside(periods)).text).toMatch(/^periods: "two" .*, or "auto" \(until periodic\)$/);
    expect(await used.count()).toBe(0);
    // "Auto" in any case is auto
    await periods.fill(' Auto ');
    await page.getByRole('button', { name: 'Simulate pulses' }).click();
    await expect.poll(() => used.count(), { timeout: 60000 }).toBe(1);
    expect(await used.innerText()).toContain(`${periodic.periods} periods simulated (until periodic)`);
    expect(await periods.getAttribute('aria-invalid')).toBeNull();
  }, 120_000);

  it('solves the double layer: OHP values equal the API for the same input, profiles drawn, vs-SHE input gives the same', async () => {
    await visit('#/process');
    const form = page.getByRole('form', { name: 'double layer' });
    await page.getByLabel('double-layer electrolyte').fill('0.1 M CsHCO3');
    await page.locator('input[aria-label="potential vs PZC (V)"]').fill('−0.8'); // as printed: Unicode minus
    await page.locator('input[aria-label="Stern capacitance (µF cm⁻²)"]').fill('25');
    await form.getByRole('button', { name: 'Solve double layer' }).click();
    const api = await post<DoubleLayer>('/api/double-layer', {
      electrolyte: '0.1 M CsHCO3',
      potentialVvsPzc: -0.8,
      sternCapacitanceFPerM2: 0.25,
      temperatureK: 298.15,
      co2Saturated: false,
    });
    const cell = (id: string) => page.getByTestId(`ohp-${id}`).innerText();
    await expect.poll(() => page.getByTestId('double-layer-ohp').locator('caption').innerText(), { timeout: 20000 }).toContain('0.1 M CsHCO3');
    expect(await page.getByTestId('double-layer-ohp').locator('caption').innerText()).toContain('E − Epzc = -0.800 V, CS = 25.0 µF cm⁻² (0.25 F m⁻²)');
    // each printed value within its printed rounding of the API's number
    const close = (printed: number, exact: number, digits: number) => expect(Math.abs(printed - exact)).toBeLessThanOrEqual(0.5 * 10 ** -digits + 1e-12);
    close(firstNumber(await cell('potentialVvsBulk')), 1000 * api.ohp.potentialVvsBulk, 2);
    close(firstNumber(await cell('sternDropV')), 1000 * api.ohp.sternDropV, 2);
    close(firstNumber(await cell('fieldVPerNm')), api.ohp.fieldVPerNm, 4);
    close(firstNumber(await cell('surfaceChargeUCPerCm2')), api.surfaceChargeUCPerCm2, 3);
    close(firstNumber(await cell('pH')), api.ohp.pH, 3);
    close(firstNumber(await cell('bulkPH')), api.bulkPH, 3);
    const cs = firstNumber(await cell('cation-Cs+'));
    expect(Math.abs(cs / api.ohp.concentrationsMolPerM3['Cs+']! - 1)).toBeLessThan(5e-4); // 4 significant digits
    expect(api.ohp.cationMolPerM3).toBe(api.ohp.concentrationsMolPerM3['Cs+']);
    const oh = firstNumber(await cell('hydroxideMolPerM3'));
    expect(Math.abs(oh / api.ohp.hydroxideMolPerM3 - 1)).toBeLessThan(5e-4);
    // physics the numbers must show: a cathodic metal charges negatively, Cs⁺ piles up (> 100 mol m⁻³ bulk), OH⁻ is repelled
    expect(api.surfaceChargeUCPerCm2).toBeLessThan(0);
    expect(cs).toBeGreaterThan(100);
    expect(api.ohp.pH).toBeLessThan(api.bulkPH);
    for (const name of ['double layer potential profile', 'double layer cation profile', 'double layer OH⁻ profile'])
      await page.getByRole('img', { name }).locator('svg.marks').waitFor({ timeout: 20000 });
    expect(await page.getByRole('img', { name: 'double layer cation profile' }).innerText()).toContain('Cs⁺');
    // the steric limit of Cs⁺ (1/(N_A a³), a = 0.658 nm: 5829 mol m⁻³) is drawn as one dashed rule
    expect(await page.getByRole('img', { name: 'double layer cation profile' }).locator('g.mark-rule.role-mark line').count()).toBe(1);
    await shot(page.getByRole('img', { name: 'double layer cation profile' }), 'process-double-layer-cations');
    await shot(page, 'process-double-layer');

    // a changed input takes the result (table and charts) away until the form is run again
    await page.locator('input[aria-label="temperature (K)"]').fill('300');
    expect(await page.getByTestId('double-layer-ohp').count()).toBe(0);
    expect(await page.getByRole('img', { name: 'double layer cation profile' }).count()).toBe(0);
    await page.locator('input[aria-label="temperature (K)"]').fill('298.15');

    // the same metal potential given vs SHE with the PZC: −1.0 V vs SHE, PZC −0.2 V vs SHE → −0.8 V vs PZC
    await page.getByLabel('potential reference').selectOption('she');
    await page.locator('input[aria-label="potential (V vs SHE)"]').fill('-1.0');
    await page.locator('input[aria-label="PZC (V vs SHE)"]').fill('-200 mV');
    await form.getByRole('button', { name: 'Solve double layer' }).click();
    await expect.poll(() => page.getByTestId('double-layer-ohp').count(), { timeout: 20000 }).toBe(1);
    close(firstNumber(await cell('potentialVvsBulk')), 1000 * api.ohp.potentialVvsBulk, 2);
    expect(Math.abs(firstNumber(await cell('cation-Cs+')) / api.ohp.concentrationsMolPerM3['Cs+']! - 1)).toBeLessThan(5e-4);
  }, 90_000);

  it('shows each problem beside the input that caused it: server-side (field mapped to its input) and typed', async () => {
    await visit('#/process');
    const form = page.getByRole('form', { name: 'double layer' });
    const problems = page.getByRole('alert', { name: 'double layer problems' });
    // a salt without an alkali cation: the server names the field "electrolyte" and what it allows
    const electrolyte = page.getByLabel('double-layer electrolyte');
    await electrolyte.fill('0.1 M HCl');
    await form.getByRole('button', { name: 'Solve double layer' }).click();
    await expect.poll(() => problems.count(), { timeout: 20000 }).toBe(1);
    expect(await problems.innerText()).toContain('double-layer electrolyte: unknown electrolyte component "HCl"');
    const atElectrolyte = await problemBeside(electrolyte);
    expect(atElectrolyte).toEqual({
      text: 'unknown electrolyte component "HCl" (allowed: salts of Li, Na, K, Cs with HCO3, CO3, OH, NO3, NO2, SO4 (e.g. KHCO3, NaHCO3, Cs2SO4, LiOH))',
      sameLabel: true,
      invalid: 'true',
    });
    const potential = page.locator('input[aria-label="potential vs PZC (V)"]');
    expect(await potential.getAttribute('aria-invalid')).toBeNull(); // only the field at fault is marked
    expect(await page.getByTestId('double-layer-ohp').count()).toBe(0);

    // out of the API's range: the server's field potentialVvsPzc lands on the potential input
    await electrolyte.fill('0.1 M KHCO3');
    await potential.fill('9');
    await form.getByRole('button', { name: 'Solve double layer' }).click();
    await expect.poll(async () => (await potential.getAttribute('aria-invalid')) ?? '', { timeout: 20000 }).toBe('true');
    expect(await problemBeside(potential)).toMatchObject({ text: 'must be at most 3', sameLabel: true });
    expect(await electrolyte.getAttribute('aria-invalid')).toBeNull();

    // typed wrong: found before any request, shown beside the Stern capacitance
    await potential.fill('-0.5');
    const stern = page.locator('input[aria-label="Stern capacitance (µF cm⁻²)"]');
    await stern.fill('abc');
    await form.getByRole('button', { name: 'Solve double layer' }).click();
    await expect.poll(async () => (await stern.getAttribute('aria-invalid')) ?? '').toBe('true');
    expect((await problemBeside(stern)).text).toContain('Stern capacitance (µF cm⁻²): "abc" does not start with a number');
    expect(await potential.getAttribute('aria-invalid')).toBeNull();
    // out of the API's range, said in the unit typed (the API's 100 F m⁻² is 10000 µF cm⁻²)
    await stern.fill('200 F m-2');
    await form.getByRole('button', { name: 'Solve double layer' }).click();
    await expect.poll(async () => (await problemBeside(stern)).text).toBe('Stern capacitance (µF cm⁻²) must be at most 10000, not 20000');
    // fixed: the problems go, the result comes
    await stern.fill('0.2 F m-2');
    await form.getByRole('button', { name: 'Solve double layer' }).click();
    await expect.poll(() => page.getByTestId('double-layer-ohp').count(), { timeout: 20000 }).toBe(1);
    expect(await problems.count()).toBe(0);
    expect(await stern.getAttribute('aria-invalid')).toBeNull();
    expect(await page.getByTestId('double-layer-ohp').locator('caption').innerText()).toContain('CS = 20.0 µF cm⁻² (0.2 F m⁻²)');
  }, 90_000);

  it('takes FE in % and j in mA cm⁻² (A m⁻² alongside) and costs what the API costs for the same case', async () => {
    await visit('#/process');
    const cost = page.getByTestId('tea-summary');
    await expect.poll(() => cost.innerText(), { timeout: 30000 }).toMatch(/Levelized cost \d+\.\d{3} USD\/kg/);
    // the page's defaults: FE 50 %, 300 mA cm⁻² = 3000 A m⁻²
    expect(await page.locator('input[aria-label="TEA FE (%)"]').inputValue()).toBe('50');
    expect(await page.locator('input[aria-label="TEA j (mA cm⁻²)"]').inputValue()).toBe('300');
    expect(await page.locator('label', { has: page.locator('input[aria-label="TEA j (mA cm⁻²)"]') }).innerText()).toContain('= 3000 A m⁻²');
    const api = await post<{ result: { costUsdPerKg: number } }>('/api/tea', {
      product: 'urea',
      electrons: 16,
      faradaicEfficiency: 0.5,
      currentDensityAPerM2: 3000,
      cellVoltageV: 3.2,
      productionTonnesPerDay: 100,
    });
    expect(await cost.innerText()).toContain(`Levelized cost ${api.result.costUsdPerKg.toFixed(3)} USD/kg`);
    // the same current typed in A m⁻² gives the same cost
    await page.locator('input[aria-label="TEA j (mA cm⁻²)"]').fill('3000 A m-2');
    expect(await cost.count()).toBe(0); // the input changed: the old cost is not shown as if current
    await page.getByRole('button', { name: 'Cost it' }).click();
    await expect.poll(() => cost.innerText(), { timeout: 15000 }).toContain(`Levelized cost ${api.result.costUsdPerKg.toFixed(3)} USD/kg`);
    // an FE above 100 % is named beside its input
    const fe = page.locator('input[aria-label="TEA FE (%)"]');
    await fe.fill('150');
    await page.getByRole('button', { name: 'Cost it' }).click();
    await expect.poll(async () => (await fe.getAttribute('aria-invalid')) ?? '').toBe('true');
    expect(await problemBeside(fe)).toEqual({ text: 'TEA FE (%) must be at most 100, not 150', sameLabel: true, invalid: 'true' });
    // the reactor states its partial current in both units: 16 e⁻, FE 50 %, kinetic 20 mA cm⁻²
    await expect
      .poll(() => page.getByTestId('reactor-summary').innerText(), { timeout: 15000 })
      .toMatch(/partial current (\d+\.\d{2}) mA cm⁻² \((\d+\.\d) A m⁻²\)/);
    const [, mA, aPerM2] = /partial current (\d+\.\d{2}) mA cm⁻² \((\d+\.\d) A m⁻²\)/.exec(await page.getByTestId('reactor-summary').innerText())!;
    expect(Math.abs(Number(aPerM2) - 10 * Number(mA))).toBeLessThanOrEqual(0.1 + 1e-9); // each printed to half its last digit
  }, 90_000);

  it('flow reactor: the limiting reactant NO3- gives 2 per urea from the balanced reaction; a contradicting value is named beside its input; none says 1 was assumed', async () => {
    await page.goto(`${session.server.url}/?visit=${++visits}#/process`);
    const stoich = page.getByTestId('reactor-stoichiometry');
    // CO2 + 2 NO3- + 18 H+ + 16 e- → CO(NH2)2 + 7 H2O: 2 nitrate per urea (the form's default limiting reactant)
    await expect
      .poll(() => stoich.innerText(), { timeout: 15000 })
      .toMatch(/^Reactant per product 2 \(2 NO3- per urea in CO2 \+ 2 NO3- \+ 18 H\+ \+ 16 e- → CO\(NH2\)2 \+ 7 H2O/);
    expect(await stoich.innerText()).not.toContain('⚠');
    const form = page.getByRole('form', { name: 'flow reactor' });
    const perProduct = page.locator('input[aria-label="reactant per product (empty: from the reaction)"]');
    await perProduct.fill('1');
    await form.getByRole('button', { name: 'Evaluate' }).click();
    await expect.poll(async () => (await perProduct.getAttribute('aria-invalid')) ?? '').toBe('true');
    expect((await problemBeside(perProduct)).text).toMatch(/allowed: 2, the NO3- per urea of the cathode reaction CO2 \+ 2 NO3- /);
    // neither given: 1 is assumed and the page says so
    await page.locator('input[aria-label="limiting reactant"]').fill('');
    await perProduct.fill('');
    await form.getByRole('button', { name: 'Evaluate' }).click();
    await expect.poll(() => stoich.innerText(), { timeout: 15000 }).toMatch(/^Reactant per product 1 \(assumed default/);
    expect(await stoich.innerText()).toContain('⚠ reactantPerProduct: 1 assumed');
  }, 90_000);

  it('flow reactor: the diffusion coefficient follows the limiting reactant (CO2 1.91e-9, CRC) and a typed one wins', async () => {
    await page.goto(`${session.server.url}/?visit=${++visits}#/process`);
    const diffusion = page.getByTestId('reactor-diffusion');
    await expect
      .poll(() => diffusion.innerText(), { timeout: 15000 })
      .toMatch(/^Reactant diffusion coefficient 1\.902e-9 m² s⁻¹ of NO3- \(NO3- in water .*CRC Handbook/);
    const form = page.getByRole('form', { name: 'flow reactor' });
    await page.locator('input[aria-label="limiting reactant"]').fill('CO2');
    await form.getByRole('button', { name: 'Evaluate' }).click();
    await expect
      .poll(() => diffusion.innerText(), { timeout: 15000 })
      .toMatch(/^Reactant diffusion coefficient 1\.910e-9 m² s⁻¹ of CO2 \(CO2 in water .*CRC Handbook/);
    await page.locator('input[aria-label="reactant D, m² s⁻¹ (empty: of the limiting reactant)"]').fill('1e-9');
    await form.getByRole('button', { name: 'Evaluate' }).click();
    await expect.poll(() => diffusion.innerText(), { timeout: 15000 }).toBe('Reactant diffusion coefficient 1.000e-9 m² s⁻¹ of CO2 (given).');
  }, 90_000);

  it('fits a phone (390 px): no sideways scroll with the double-layer charts and a problem beside its input; no console errors', async () => {
    const context = await session.browser.newContext(PHONE);
    const p = await context.newPage();
    const errors: string[] = [];
    p.on('console', (m) => m.type() === 'error' && !m.text().includes('400 (Bad Request)') && errors.push(m.text()));
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(`${session.server.url}/?visit=${++visits}#/process`);
    for (const name of ['double layer potential profile', 'double layer cation profile', 'double layer OH⁻ profile'])
      await p.getByRole('img', { name }).locator('svg.marks').waitFor({ timeout: 30000 });
    await p.getByLabel('double-layer electrolyte').fill('0.1 M HCl');
    await p.getByRole('form', { name: 'double layer' }).getByRole('button', { name: 'Solve double layer' }).click();
    await p.locator('.field-error').first().waitFor({ timeout: 20000 });
    await p.getByRole('button', { name: /Compare the rate-constant sets/ }).click();
    await p.getByTestId('rate-constant-comparison').waitFor({ timeout: 30000 });
    expect(await p.evaluate('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
    await shot(p, 'phone-process-double-layer');
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
