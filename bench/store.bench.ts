/**
 * Knowledge-base benchmarks: import throughput of synthetic user records (validation + normalization +
 * one transaction) and list-query latency (p50/p95), on the embedded SQLite database and on PostgreSQL
 * in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RawRow } from '../src/data/recordCsv.js';
import { STRATEGIES } from '../src/data/recordSchema.js';
import { RecordStore } from '../src/store/RecordStore.js';
import { startPostgresCluster } from '../scripts/postgresCluster.js';

/** One row of the store benchmark table. */
export interface StoreBenchResult {
  database: string;
  operation: string;
  records: number;
  seconds?: number;
  recordsPerSecond?: number;
  p50Ms?: number;
  p95Ms?: number;
}

const PRODUCTS: [string, string, string][] = [
  ['urea', 'nitrate', 'carbon-dioxide'],
  ['cyclohexanone-oxime', 'nitrite', 'cyclohexanone'],
  ['glycine', 'nitrate', 'glyoxylic-acid'],
  ['alanine', 'nitric-oxide', 'pyruvic-acid'],
  ['formamide', 'ammonia', 'methanol'],
];

/** Deterministic synthetic records (a linear congruential generator, seed 42). */
export function syntheticRows(n: number): RawRow[] {
  let state = 42;
  const rand = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: n }, (_, i) => {
    const [product, nSource, cSource] = PRODUCTS[i % PRODUCTS.length]!;
    const potential = -(0.1 + rand() * 1.4).toFixed(3);
    return {
      line: i + 2,
      data: {
        id: `syn-${i}`,
        catalystPrinted: `Cat-${i % 997}`,
        catalyst: `Cat-${i % 997}`,
        elements: ['Cu'],
        strategy: STRATEGIES[i % STRATEGIES.length],
        productPrinted: product,
        products: [product],
        nitrogenSources: [nSource],
        carbonSources: [cSource],
        electrolytePrinted: '0.1 M KHCO3 + 0.1 M KNO3',
        conditionPrinted: i % 3 === 0 ? `${potential} V vs. Ag/AgCl sat. KCl` : `${potential} V vs. RHE`,
        faradaicEfficiencyPrinted: `${(rand() * 100).toFixed(1)}%`,
        yieldPrinted: `${(rand() * 500).toFixed(2)} mmol h-1 g_cat-1`,
        sourceCitation: 'synthetic benchmark record',
        sourceLocation: `row ${i}`,
      },
    };
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

async function benchOne(database: string, store: RecordStore, rows: RawRow[], queries: number): Promise<StoreBenchResult[]> {
  const t0 = performance.now();
  await store.importRows(rows);
  const seconds = (performance.now() - t0) / 1000;
  const results: StoreBenchResult[] = [
    {
      database,
      operation: `import ${rows.length} records (validate, normalize, 1 transaction)`,
      records: rows.length,
      seconds,
      recordsPerSecond: rows.length / seconds,
    },
  ];
  const shapes: [string, Parameters<RecordStore['list']>[0] | 'facets' | undefined][] = [
    ['list page of 50 by id', { limit: 50, offset: 5000 }],
    ['list product=urea, sort FE, 50', { product: 'urea', sort: 'fe', limit: 50 }],
    ['list strategy + min FE 50 %, sort yield, 50', { strategy: 'dual-site synergy', minFePercent: 50, sort: 'yield', limit: 50 }],
    ['list N source = nitrite + C source = cyclohexanone, 50', { nSource: 'nitrite', cSource: 'cyclohexanone', limit: 50 }],
    ['show one record', undefined],
    ['facets (species per role, with counts)', 'facets'],
  ];
  for (const [operation, query] of shapes) {
    const times: number[] = [];
    for (let i = 0; i < queries; i++) {
      const t = performance.now();
      if (query === 'facets') await store.facets();
      else if (query) await store.list(query);
      else await store.get(`syn-${(i * 7919) % rows.length}`);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    results.push({ database, operation, records: rows.length, p50Ms: percentile(times, 0.5), p95Ms: percentile(times, 0.95) });
  }
  return results;
}

/** Runs the store benchmarks with `n` synthetic records and `queries` repetitions per query shape. */
export async function runStoreBench(n = 100_000, queries = 100): Promise<StoreBenchResult[]> {
  const rows = syntheticRows(n);
  const results: StoreBenchResult[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cncouple-bench-'));
  const sqlite = await RecordStore.open({ dataDir: dir });
  try {
    results.push(...(await benchOne('SQLite (embedded, WAL)', sqlite, rows, queries)));
  } finally {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const cluster = process.env.CNCOUPLE_BENCH_PG_URL ? { url: process.env.CNCOUPLE_BENCH_PG_URL, stop: () => {} } : await startPostgresCluster('cncouple_bench');
  const postgres = await RecordStore.open({ url: cluster.url });
  try {
    results.push(...(await benchOne('PostgreSQL 15 (loopback, fsync off)', postgres, rows, queries)));
  } finally {
    await postgres.close();
    cluster.stop();
  }
  return results;
}
