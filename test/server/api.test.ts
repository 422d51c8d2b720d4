/** API integration tests against a real server on loopback (fetch over TCP, not in-process injection). */
import { describe, expect, it } from 'vitest';
import { pollJob, readJobEvents } from '../support/jobs.js';
import { useLoopbackServer } from '../support/server.js';

const server = useLoopbackServer('cncouple-api-');
const call = server.call;

const user = {
  catalystPrinted: 'API-Cu',
  catalyst: 'API-Cu',
  strategy: 'interface engineering',
  productPrinted: 'urea',
  products: ['urea'],
  nitrogenSources: ['NO3-'],
  carbonSources: ['CO2'],
  faradaicEfficiencyPrinted: '33%',
  sourceCitation: 'api test',
  sourceLocation: 'run 1',
};

describe('HTTP API', () => {
  it('computes: formula, balance, FE, potential, convert, E°', async () => {
    expect((await call('POST', '/api/formula', { formula: 'CO(NH2)2' })).json.molarMass).toBeCloseTo(60.056, 3);
    expect((await call('POST', '/api/balance', { from: 'CO2, NO3-', to: 'urea' })).json.electrons).toBe(16);
    expect((await call('POST', '/api/fe', { from: ['CO2', 'NO3-'], to: 'urea', chargeC: 12.5, amountMol: 6.1e-6 })).json.faradaicEfficiency).toBeCloseTo(
      0.7533575,
      7,
    );
    expect((await call('POST', '/api/potential', { potentialV: -0.9, from: 'Ag/AgCl sat. KCl', to: 'RHE', pH: 7 })).json.potentialV).toBeCloseTo(-0.2888846, 7);
    expect(
      (await call('POST', '/api/convert', { value: 0.78, fromUnit: 'mmol h-1 cm-2', toUnit: 'mg h-1 cm-2', species: 'cyclohexanone oxime' })).json.value,
    ).toBeCloseTo(88.2648, 4);
    expect((await call('POST', '/api/e0', { from: 'CO2, NO3-', to: 'urea', pH: 7 })).json.e0VsSHE).toBeCloseTo(0.8109445, 6);
    const facets = (await call('GET', '/api/records/facets')).json;
    expect(facets.products.find((f: { id: string }) => f.id === 'urea')).toMatchObject({ name: 'urea', records: expect.any(Number) });
    const electrodes = (await call('GET', '/api/reference-electrodes')).json;
    expect(electrodes.find((r: { name: string }) => r.name === 'Hg/HgO (1 M KOH)')).toMatchObject({
      potentialVvsSHE: 0.098,
      source: expect.stringContaining('CRC Handbook'),
    });
    expect(electrodes.every((r: { source: string }) => r.source.length > 0)).toBe(true);
  });

  it('answers bad input with 400, the field path and the allowed form — never 500', async () => {
    const cases: [string, string, unknown, string][] = [
      ['POST', '/api/formula', { formula: 'CXx' }, 'formula'],
      ['POST', '/api/formula', {}, 'formula'],
      ['POST', '/api/balance', { from: 'CO2', to: 'urea' }, 'from/to'],
      ['POST', '/api/potential', { potentialV: 'high', from: 'SCE', to: 'RHE' }, 'potentialV'],
      ['POST', '/api/potential', { potentialV: 0, from: 'Ag/AgCl', to: 'RHE', pH: 7 }, 'from'],
      ['POST', '/api/fe', { to: 'urea', electrons: 16, chargeC: 0, amountMol: 1e-6 }, 'chargeC'],
      ['POST', '/api/records', { ...user, strategy: 'magic' }, 'strategy'],
      ['GET', '/api/records?minFePercent=200', undefined, 'minFePercent'],
      ['GET', '/api/records?product=unobtainium', undefined, 'product'],
    ];
    for (const [method, url, body, field] of cases) {
      const r = await call(method, url, body);
      expect(r.status, `${method} ${url} ${JSON.stringify(body)}`).toBe(400);
      expect(r.json.error.field).toBe(field);
      expect(r.json.error.message).toBeTruthy();
    }
    const broken = await call('POST', '/api/formula', '{not json');
    expect(broken.status).toBe(400);
    expect((await call('GET', '/api/records/nope')).status).toBe(404);
    expect((await call('GET', '/api/nope')).status).toBe(404);
    expect((await call('DELETE', '/api/records/cu-s-cyclohexanone-oxime')).status).toBe(409);
  });

  it('lists, filters, shows, creates, updates, forks and deletes records', async () => {
    const list = await call('GET', '/api/records?product=urea&sort=fe&limit=3');
    expect(list.json.total).toBe(13);
    expect(list.json.records).toHaveLength(3);
    expect((await call('GET', '/api/records/ag-50-cyclohexanone-oxime')).json.normalized.currentDensityAPerM2).toBe(1000);
    // the list output says how each value was obtained and whether the product is a C–N coupling product (audit D1, D2)
    const byYield = (await call('GET', '/api/records?sort=yield&limit=100')).json.records as {
      id: string;
      normalized: { readings: Record<string, string | null>; cnCoupling: boolean };
    }[];
    expect(byYield.find((r) => r.id === 'cupc-urea-text')?.normalized.readings.yield).toBe('derived');
    expect(byYield.find((r) => r.id === 'cu1-ceo2-urea')?.normalized.readings.yield).toBe('assumed');
    expect(byYield.at(-1)?.normalized.cnCoupling).toBe(false);
    const created = await call('POST', '/api/records', user);
    expect(created.status).toBe(201);
    expect(created.json.id).toBe('api-cu-urea');
    expect((await call('POST', '/api/records', user)).status).toBe(409);
    expect((await call('PUT', '/api/records/api-cu-urea', { ...user, faradaicEfficiencyPrinted: '44%' })).json.normalized.faradaicEfficiency.value).toBe(0.44);
    expect((await call('POST', '/api/records/cu-s-cyclohexanone-oxime/fork', {})).status).toBe(201);
    expect((await call('DELETE', '/api/records/cu-s-cyclohexanone-oxime-fork')).status).toBe(200);
    expect((await call('GET', '/api/flags')).json).toHaveLength(37); // 33 + B-FeNi-DASC's n-source-assumed + n-source-from-text on rows 3, 22, 25
    expect((await call('GET', '/api/check')).json.map((c: { id: string }) => c.id).sort()).toEqual([
      'ag-50-cyclohexanone-oxime',
      'bdd-formamide',
      'pt-formamide',
    ]);
  });

  it('imports all-or-nothing with per-row problems, and exports CSV', async () => {
    const bad = await call('POST', '/api/records/import', {
      format: 'json',
      content: JSON.stringify([
        { ...user, catalyst: 'I1' },
        { ...user, catalyst: 'I2', products: ['unobtainium'] },
      ]),
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.problems).toEqual([{ line: 2, field: 'products.0', message: expect.stringContaining('species registry') }]);
    expect((await call('GET', '/api/records?q=I1')).json.total).toBe(0);
    const csv = await call('GET', '/api/records/export?format=csv&origin=user');
    expect(csv.type).toContain('text/csv');
    expect(csv.text.split('\n')[0]).toMatch(/^id,origin,forkedFrom,catalystPrinted,catalyst,/);
  });

  it('publishes OpenAPI, docs and SVG plots', async () => {
    const doc = await call('GET', '/api/openapi.json');
    expect(doc.json.openapi).toBe('3.1.0');
    expect(Object.keys(doc.json.paths)).toContain('/api/records/{id}');
    expect(doc.json.paths['/api/formula'].post.requestBody.content['application/json'].schema.properties.formula.type).toBe('string');
    expect((await call('GET', '/api/docs')).text).toContain('/api/records/{id}');
    const svg = await call('GET', '/api/plots/fe-vs-potential.svg?strategy=defect%20engineering');
    expect(svg.type).toContain('image/svg+xml');
    expect(svg.text).toContain('Potential (V vs RHE)');
  });

  it('serves models, diagrams, steady states and pulses', async () => {
    const models = (await call('GET', '/api/models')).json;
    expect(models.map((m: { name: string }) => m.name)).toEqual(['amino-acid-oxime', 'oxime-fe', 'urea-cu4-ceo2', 'urea-pdcu-tio2']);
    const diagram = await call('POST', '/api/mechanism/diagram', { model: 'urea-cu4-ceo2', potentialVvsRHE: -0.4 });
    expect(diagram.json.diagrams.find((d: { pathway: string }) => d.pathway === 'urea').limitingPotentialV).toBeCloseTo((0.4 - 0.12109) / 2, 4); // CO2(aq) → *CO: −(ΔG_CO2→CO(g) + dG_CO)/2
    const steady = await call('POST', '/api/kinetics/steady', { model: 'urea-cu4-ceo2', potentialsVvsRHE: [-0.3, -0.4] });
    expect(steady.json.map((p: { converged: boolean }) => p.converged)).toEqual([true, true]);
    expect(steady.json[0].faradaicEfficiency.urea).toBeCloseTo(0.7466, 3);
    const pulse = await call('POST', '/api/kinetics/pulse', { model: 'urea-cu4-ceo2', e1V: -0.5, t1S: 0.5, e2V: -0.1, t2S: 0.5, periods: 3 });
    expect(pulse.json.periods).toHaveLength(3);
    // a model sent as text is validated like a file; a name is never read as a path
    expect((await call('POST', '/api/kinetics/steady', { modelText: 'name: x' })).json.error.field).toBe('units');
    expect((await call('POST', '/api/kinetics/steady', { model: '/etc/passwd' })).status).toBe(400);
    expect((await call('POST', '/api/kinetics/steady', {})).json.error.field).toBe('model');
  });

  it('runs a descriptor sweep as a background job that does not block other requests, and cancels', async () => {
    const grid = (points: number) => ({
      model: 'urea-cu4-ceo2',
      x: { name: 'dG_NO', from: -1.5, to: 0.5, points },
      y: { name: 'dG_CO', from: -0.5, to: 1, points },
    });
    // a 200 × 200 sweep (40 000 solves, well over 0.1 s on any machine) is still running when a request made after it has been answered
    const large = await call('POST', '/api/kinetics/sweeps', grid(200));
    expect(large.status).toBe(202);
    expect((await call('POST', '/api/formula', { formula: 'NO3-' })).json.charge).toBe(-1);
    expect((await call('GET', `/api/kinetics/sweeps/${large.json.id}`)).json).toMatchObject({ status: 'running', progress: { total: 40000 } });
    expect((await call('DELETE', `/api/kinetics/sweeps/${large.json.id}`)).json.status).toBe('cancelled');
    const started = await call('POST', '/api/kinetics/sweeps', grid(40));
    const state = await pollJob(async () => (await call('GET', `/api/kinetics/sweeps/${started.json.id}`)).json, { intervalMs: 100, maxPolls: 200 });
    expect(state).toMatchObject({ status: 'done', progress: { done: 1600, total: 1600 } });
    const result = (await call('GET', `/api/kinetics/sweeps/${started.json.id}/result?product=urea`)).json;
    expect(result).toMatchObject({ points: 1600, converged: 1600 }); // the JSON `kinetics sweep --json` prints
    expect(result.status.every((s: string) => s === 'ok')).toBe(true);
    expect(result.spec.title.text).toContain('log10 TOF of urea');
    expect((await call('GET', '/api/kinetics/sweeps/nope')).status).toBe(404);
  });

  it('resumes a cancelled sweep: the rows it finished are not solved again', async () => {
    const body = { model: 'urea-cu4-ceo2', x: { name: 'dG_NO', from: -1.5, to: 0.5, points: 200 }, y: { name: 'dG_CO', from: -0.5, to: 1, points: 200 } };
    const first = (await call('POST', '/api/kinetics/sweeps', body)).json;
    // wait until a chunk (50 rows on 2 workers) has finished — 25 000 points cannot all be in two running chunks — then cancel
    await pollJob(async () => (await call('GET', `/api/kinetics/sweeps/${first.id}`)).json, {
      intervalMs: 25,
      maxPolls: 400,
      while: (s) => s.status === 'running' && s.progress.done < 25_000,
    });
    const stopped = (await call('DELETE', `/api/kinetics/sweeps/${first.id}`)).json.status;
    expect(stopped).toMatch(/cancelled|done/); // (on a very fast machine it may have finished: then every row is kept)
    expect((await call('POST', '/api/kinetics/sweeps', { ...body, resumeFrom: first.id, x: { ...body.x, points: 199 } })).json.error).toMatchObject({
      field: 'resumeFrom',
      message: expect.stringContaining('another model or grid'),
    });
    expect((await call('POST', '/api/kinetics/sweeps', { ...body, resumeFrom: 'nope' })).json.error.field).toBe('resumeFrom');
    const resumed = await call('POST', '/api/kinetics/sweeps', { ...body, resumeFrom: first.id });
    expect(resumed.status).toBe(202);
    expect(resumed.json.resumedRows).toBeGreaterThanOrEqual(50);
    if (stopped === 'cancelled') expect(resumed.json.resumedRows).toBeLessThan(200);
    const done = await pollJob(async () => (await call('GET', `/api/kinetics/sweeps/${resumed.json.id}`)).json, { intervalMs: 50, maxPolls: 400 });
    expect(done).toMatchObject({ status: 'done', progress: { done: 40000, total: 40000 } });
    const result = (await call('GET', `/api/kinetics/sweeps/${resumed.json.id}/result`)).json;
    expect(result).toMatchObject({ points: 40000, converged: 40000 });
  });

  it('serves the microenvironment, reactor and TEA with validation', async () => {
    const micro = await call('POST', '/api/microenv', {
      electrolyte: '0.5 M K2SO4',
      currentDensitiesMAPerCm2: [100],
      products: [{ to: 'H2', from: ['H2O'], faradaicEfficiency: 1 }],
    });
    expect(micro.json.results[0].surfacePH).toBeCloseTo(12.99, 1);
    expect(
      (
        await call('POST', '/api/microenv', {
          electrolyte: '0.5 M NaCl',
          currentDensitiesMAPerCm2: [1],
          products: [{ to: 'H2', from: ['H2O'], faradaicEfficiency: 1 }],
        })
      ).json.error.field,
    ).toBe('electrolyte');
    const reactor = await call('POST', '/api/reactor', {
      product: 'urea',
      electrons: 16,
      faradaicEfficiency: 0.5,
      inletConcentrationMolPerM3: 50,
      reactantPerProduct: 2,
    });
    expect(reactor.json.channel.conversion).toBeGreaterThan(0);
    const tea = await call('POST', '/api/tea', { product: 'urea', electrons: 16, faradaicEfficiency: 0.5, currentDensityAPerM2: 3000, cellVoltageV: 3.2 });
    expect(tea.json.result.costUsdPerKg).toBeGreaterThan(0);
    expect(
      (await call('POST', '/api/tea', { product: 'urea', electrons: 16, faradaicEfficiency: 2, currentDensityAPerM2: 3000, cellVoltageV: 3.2 })).json.error
        .field,
    ).toBe('faradaicEfficiency');
  });

  it('runs a transient microenvironment as a background job that reaches the steady surface pH', async () => {
    const h2 = [{ to: 'H2', from: ['H2O'], faradaicEfficiency: 1 }];
    const started = await call('POST', '/api/microenv/transient', {
      electrolyte: '0.5 M K2SO4',
      products: h2,
      steps: [{ currentDensityMAPerCm2: 100, durationS: 5 }],
    });
    expect(started.status).toBe(202);
    const state = await pollJob(async () => (await call('GET', `/api/microenv/transient/${started.json.id}`)).json, { intervalMs: 100, maxPolls: 300 });
    expect(state).toMatchObject({ status: 'done', progress: { done: 5000, total: 5000 } });
    const steady = (await call('POST', '/api/microenv', { electrolyte: '0.5 M K2SO4', currentDensitiesMAPerCm2: [100], products: h2 })).json.results[0];
    expect(state.result.surfacePH.at(-1)).toBeCloseTo(steady.surfacePH, 4);
    expect(state.spec.title.text).toBe('Surface pH under the current program');
    const bad = await call('POST', '/api/microenv/transient', {
      electrolyte: '0.5 M NaCl',
      products: h2,
      steps: [{ currentDensityMAPerCm2: 1, durationS: 1 }],
    });
    expect([bad.status, bad.json.error.field]).toEqual([400, 'electrolyte']);
    const both = await call('POST', '/api/microenv/transient', {
      electrolyte: '0.5 M K2SO4',
      products: h2,
      steps: [{ currentDensityMAPerCm2: 1, durationS: 1 }],
      pulse: { highMAPerCm2: 1, tHighS: 1, lowMAPerCm2: 0, tLowS: 1, periods: 2 },
    });
    expect([both.status, both.json.error.field]).toEqual([400, 'steps']);
    const long = await call('POST', '/api/microenv/transient', {
      electrolyte: '0.5 M K2SO4',
      products: h2,
      pulse: { highMAPerCm2: 100, tHighS: 1, lowMAPerCm2: 0, tLowS: 1, periods: 200 },
    });
    expect((await call('DELETE', `/api/microenv/transient/${long.json.id}`)).json.status).toBe('cancelled');
    expect((await call('GET', '/api/microenv/transient/nope')).status).toBe(404);
  });

  it('runs FE vs current density with transport as a background job, validating the model and product sources first', async () => {
    const body = {
      model: 'urea-cu4-ceo2',
      electrolyte: '0.1 M KHCO3 + 0.05 M KNO3',
      co2Saturated: true,
      currentDensitiesMAPerCm2: [3],
      productSources: { urea: ['CO2', 'NO3-'], NH3: ['NO3-'], NO: ['NO3-'], CO: ['CO2'], H2: ['H2O'] },
    };
    const started = await call('POST', '/api/couple', body);
    expect(started.status).toBe(202);
    const state = await pollJob(async () => (await call('GET', `/api/couple/${started.json.id}`)).json, { intervalMs: 100, maxPolls: 300 });
    expect(state).toMatchObject({ status: 'done', progress: { done: 1, total: 1 } });
    expect(state.result[0].faradaicEfficiency.urea).toBeCloseTo(0.7254, 4); // as `cncouple couple … --j 3` (72.54 %, kinetics at the surface pH 9.55)
    expect(state.spec.title.text).toBe('Faradaic efficiency vs current density');
    const missing = await call('POST', '/api/couple', { ...body, productSources: { urea: ['CO2', 'NO3-'] } });
    expect([missing.status, missing.json.error.field]).toEqual([400, 'productSources.NH3']);
    expect((await call('POST', '/api/couple', { ...body, model: undefined })).json.error.field).toBe('model');
    expect((await call('GET', `/api/microenv/transient/${started.json.id}`)).status).toBe(404); // a coupling id is not a transient run
  });

  it('streams any job as server-sent events: throttled progress, then one end event; cancel ends the stream', async () => {
    /** Reads a job's event stream to its end (it must open as text/event-stream): each event's name, parsed data and arrival time (ms). */
    const readEvents = (id: string) => readJobEvents(server.url, id);
    const h2 = [{ to: 'H2', from: ['H2O'], faradaicEfficiency: 1 }];
    const started = await call('POST', '/api/microenv/transient', {
      electrolyte: '0.5 M K2SO4',
      products: h2,
      steps: [{ currentDensityMAPerCm2: 100, durationS: 5 }],
    });
    const streamStartMs = performance.now();
    const events = await readEvents(started.json.id);
    const streamMs = performance.now() - streamStartMs;
    const progress = events.filter((e) => e.event === 'progress');
    expect(events.at(-1)).toMatchObject({ event: 'end', data: { status: 'done', progress: { done: 5000, total: 5000 } } });
    expect(events.filter((e) => e.event === 'end')).toHaveLength(1);
    expect(progress.length).toBeGreaterThan(1);
    progress.slice(1).forEach((e, i) => {
      expect(e.data.progress.done).toBeGreaterThanOrEqual(progress[i]!.data.progress.done);
    });
    // throttled to one progress event per 100 ms window on the server: arrival gaps can bunch in transit, the count cannot
    expect(progress.length).toBeLessThanOrEqual(Math.ceil(streamMs / 100) + 1);
    expect(events.at(-1)!.data.result).toBeUndefined(); // the result comes from the job's own URL
    // a finished job's stream is its end event alone
    expect((await readEvents(started.json.id)).map((e) => e.event)).toEqual(['end']);
    // cancelling ends a follower's stream with the cancelled state
    const long = await call('POST', '/api/microenv/transient', {
      electrolyte: '0.5 M K2SO4',
      products: h2,
      pulse: { highMAPerCm2: 100, tHighS: 1, lowMAPerCm2: 0, tLowS: 1, periods: 200 },
    });
    const following = readEvents(long.json.id);
    await new Promise((r) => setTimeout(r, 300));
    await call('DELETE', `/api/microenv/transient/${long.json.id}`);
    expect((await following).at(-1)).toMatchObject({ event: 'end', data: { status: 'cancelled' } });
    expect((await call('GET', '/api/jobs/nope/events')).status).toBe(404);
  });

  it('keeps user data across a restart', async () => {
    await server.restart();
    expect((await call('GET', '/api/records/api-cu-urea')).json.faradaicEfficiencyPrinted).toBe('44%');
  });
});
