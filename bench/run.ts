/**
 * `npm run bench`: runs every benchmark group, prints tables and writes bench/results.json.
 * Chemistry: each group's first case is its baseline (ratio column). Store: SQLite and PostgreSQL in the
 * same run. Options by environment: BENCH_MS (time per chemistry case, default 1000), BENCH_RECORDS
 * (synthetic records, default 100000), BENCH_QUERIES (repetitions per query, default 100).
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { chemBenchCases } from './chem.bench.js';
import { runBenchCases } from './harness.js';
import { runStoreBench } from './store.bench.js';

async function main() {
  const budgetMs = Number(process.env.BENCH_MS ?? 1000);
  const chem = runBenchCases(chemBenchCases, budgetMs);
  console.table(
    chem.map((r) => ({ group: r.group, case: r.name, 'ops/s': Math.round(r.opsPerSecond).toLocaleString('en-US'), 'mean µs': r.meanMicroseconds.toFixed(2), 'vs baseline': r.ratioToBaseline.toFixed(3) })),
  );
  const store = await runStoreBench(Number(process.env.BENCH_RECORDS ?? 100_000), Number(process.env.BENCH_QUERIES ?? 100));
  console.table(
    store.map((r) => ({
      database: r.database,
      operation: r.operation,
      'records/s': r.recordsPerSecond ? Math.round(r.recordsPerSecond).toLocaleString('en-US') : '',
      's total': r.seconds?.toFixed(2) ?? '',
      'p50 ms': r.p50Ms?.toFixed(2) ?? '',
      'p95 ms': r.p95Ms?.toFixed(2) ?? '',
    })),
  );
  const meta = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', budgetMs };
  writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify({ meta, chem, store }, null, 2) + '\n');
  console.log(`wrote bench/results.json (node ${meta.node}, ${meta.cpus} cpus)`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
