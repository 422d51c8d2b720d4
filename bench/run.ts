/**
 * `npm run bench`: runs every benchmark group, prints a table and writes bench/results.json.
 * Each group's first case is its baseline; the ratio column compares to it in the same run.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { chemBenchCases } from './chem.bench.js';
import { runBenchCases } from './harness.js';

const budgetMs = Number(process.env.BENCH_MS ?? 1000);
const results = runBenchCases(chemBenchCases, budgetMs);
const rows = results.map((r) => ({
  group: r.group,
  case: r.name,
  'ops/s': Math.round(r.opsPerSecond).toLocaleString('en-US'),
  'mean µs': r.meanMicroseconds.toFixed(2),
  'vs baseline': r.ratioToBaseline.toFixed(3),
}));
console.table(rows);
const meta = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', budgetMs };
writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify({ meta, results }, null, 2) + '\n');
console.log(`wrote bench/results.json (${results.length} cases, node ${meta.node}, ${meta.cpus} cpus)`);
