/**
 * The use-case layer: each compute route gives exactly what its study's `run` gives in-process, and a
 * request that solves equations never blocks the event loop (it runs on a worker thread).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STUDIES } from '../../src/studies/index.js';
import { describeStudyResult, storedResponseExamples } from '../../src/server/responseExamples.js';
import { openApiDocument } from '../../src/server/routes.js';
import { cli } from '../support/cli.js';
import { useLoopbackServer } from '../support/server.js';

const server = useLoopbackServer('cncouple-studies-');
const dataDir = server.dataDir;
const post = (url: string, body: unknown) => server.call('POST', url, body);

/** The route of every study answered at once (the input is each study's own example). */
const CASES: [string, string][] = [
  ['formula', '/api/formula'],
  ['balance', '/api/balance'],
  ['fe', '/api/fe'],
  ['potential', '/api/potential'],
  ['convert', '/api/convert'],
  ['e0', '/api/e0'],
  ['mechanism.diagram', '/api/mechanism/diagram'],
  ['kinetics.steady', '/api/kinetics/steady'],
  ['mechanism.limiting', '/api/mechanism/limiting'],
  ['kinetics.ramp', '/api/kinetics/ramp'],
  ['kinetics.pulse', '/api/kinetics/pulse'],
  ['microenv', '/api/microenv'],
  ['reactor', '/api/reactor'],
  ['transport.doubleLayer', '/api/double-layer'],
  ['tea', '/api/tea'],
];

/** The route of every background-job study. */
const JOB_CASES: [string, string][] = [
  ['transient', '/api/microenv/transient'],
  ['couple', '/api/couple'],
  ['kinetics.optimize', '/api/kinetics/optimize'],
  ['screen', '/api/screen'],
];

/** Numbers equal to 1e-9 relative (results computed on another machine may differ in the last bits). */
function expectClose(actual: unknown, expected: unknown, where = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    expect(Math.abs(actual - expected), where).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(expected), 1e-300));
  } else if (expected !== null && typeof expected === 'object') {
    expect(typeof actual, where).toBe('object');
    expect(Object.keys(actual as object), where).toEqual(Object.keys(expected));
    for (const [k, v] of Object.entries(expected)) expectClose((actual as Record<string, unknown>)[k], v, `${where}.${k}`);
  } else expect(actual, where).toEqual(expected);
}

/** Studies whose route reads its input's records from the store: test/studies/literatureScreen.test.ts compares route and CLI. */
const STORE_STUDIES = ['screen.literature'];

describe('studies: one definition per operation', () => {
  it('registers every study once, each with a route case here', () => {
    expect(Object.keys(STUDIES).sort()).toEqual([...[...CASES, ...JOB_CASES].map(([name]) => name), ...STORE_STUDIES].sort());
    for (const name of STORE_STUDIES) expect(STUDIES[name]!.inputFromStore).toBe(true);
    for (const [name] of JOB_CASES) expect(STUDIES[name]!.runsOn).toBe('job');
  });

  for (const [name, url] of JOB_CASES) {
    it(`${url} runs ${name}.run as a background job and serves what it returns in-process, with its figure`, async () => {
      const study = STUDIES[name]!;
      const input = study.example;
      const expected = JSON.parse(JSON.stringify(study.run(study.input.parse(input))));
      const started = await post(url, input);
      expect(started.status, JSON.stringify(started.json).slice(0, 300)).toBe(202);
      const id = (started.json as { id: string }).id;
      let job: { status: string; result?: unknown; spec?: unknown; kind?: string };
      do {
        await new Promise((resolve) => setTimeout(resolve, 100));
        job = (await (await fetch(`${server.url}${url}/${id}`)).json()) as typeof job;
      } while (job.status === 'running');
      expect(job.status).toBe('done');
      expect(job.kind).toBe(name);
      expect(job.result).toEqual(expected);
      expect(job.spec).toEqual(JSON.parse(JSON.stringify(study.figure!(expected))));
      // and the jobs resource serves the same result
      expect(await (await fetch(`${server.url}/api/jobs/${id}/result`)).json()).toEqual(expected);
    }, 120_000);
  }

  it('refuses bad job input at submission (400 naming the field), before any job starts', async () => {
    const { status, json } = await post('/api/screen', { model: 'urea-cu4-ceo2', candidates: 'name,dG_NO,dG_CO\na,-1,0\n', product: 'nope' });
    expect(status).toBe(400);
    expect(json).toMatchObject({ error: { field: 'product' } });
  });

  for (const [name, url] of CASES) {
    it(`${url} returns what ${name}.run returns in-process`, async () => {
      const study = STUDIES[name]!;
      const input = study.example;
      const expected = JSON.parse(JSON.stringify(study.run(study.input.parse(input))));
      const { status, json } = await post(url, input);
      expect(status, JSON.stringify(json).slice(0, 300)).toBe(200);
      expect(json).toEqual(expected);
      // and the CLI's `study <name> <file> --json` prints the same result
      const file = path.join(dataDir, `${name}.json`);
      writeFileSync(file, JSON.stringify(input));
      const printed = await cli('study', name, file, '--json');
      expect(printed.code, printed.err).toBe(0);
      expect(JSON.parse(printed.out)).toEqual(expected);
    });
  }

  it('documents every study route with its example input and the schema and example of a real result, kept current', () => {
    const stored = storedResponseExamples();
    const paths = openApiDocument('test').paths as Record<
      string,
      Record<
        string,
        {
          requestBody?: { content: Record<string, { example?: unknown }> };
          responses: Record<string, { content?: Record<string, { schema?: unknown; example?: unknown }> }>;
        }
      >
    >;
    for (const [name, url] of [...CASES, ...JOB_CASES]) {
      const study = STUDIES[name]!;
      const fresh = describeStudyResult(study);
      // stale file: run `npx tsx scripts/responseExamples.ts`
      expect(stored[name]?.schema, `${name}: data/api/responseExamples.json is stale`).toEqual(fresh.schema);
      expectClose(stored[name]!.example, fresh.example, name);
      const post = paths[url]!.post!;
      expect(post.requestBody!.content['application/json']!.example).toEqual(study.example);
      if (study.runsOn === 'job')
        expect(
          (paths[`${url}/{id}`]!.get!.responses['200']!.content!['application/json']!.schema as { properties: { result: unknown } }).properties.result,
        ).toEqual(fresh.schema);
      else expect(post.responses['200']!.content!['application/json']!.schema).toEqual(fresh.schema);
    }
  }, 120_000);

  it('answers health while a long pulse runs on a worker thread', async () => {
    let pulseDone = false;
    const pulse = post('/api/kinetics/pulse', { model: 'urea-cu4-ceo2', e1V: -0.6, t1S: 1, e2V: -0.1, t2S: 1, periods: 20 }).then(
      (r) => ((pulseDone = true), r),
    );
    await new Promise((resolve) => setTimeout(resolve, 100)); // the pulse request is in the server's hands
    const health = await fetch(server.url + '/api/health');
    expect(health.status).toBe(200);
    // answered while the pulse was still computing: on the request thread it would have waited for it
    expect(pulseDone).toBe(false);
    expect((await pulse).status).toBe(200);
  }, 120_000);

  it('turns bad input found inside the worker into a 400 naming the field', async () => {
    const { status, json } = await post('/api/kinetics/steady', { model: 'urea-cu4-ceo2', descriptors: { nope: 1 } });
    expect(status).toBe(400);
    expect(json).toMatchObject({ error: { field: 'descriptors.nope', allowed: expect.stringContaining('dG_NO') } });
  });
});
