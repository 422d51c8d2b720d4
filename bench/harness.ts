/** A tiny benchmark harness: runs each case for a time budget and reports operations per second. */
export interface BenchCase {
  /** Group name; the first case of a group is its baseline for the ratio column. */
  group: string;
  name: string;
  /** One operation. */
  run: () => unknown;
}

/** One benchmark row, as written to bench/results.json. */
export interface BenchResult {
  group: string;
  name: string;
  opsPerSecond: number;
  meanMicroseconds: number;
  /** opsPerSecond / opsPerSecond of the group's baseline (first case). */
  ratioToBaseline: number;
}

/** Runs every case for about `budgetMs` after a short warm-up. */
export function runBenchCases(cases: BenchCase[], budgetMs = 1000): BenchResult[] {
  const results: BenchResult[] = [];
  const baselines = new Map<string, number>();
  for (const c of cases) {
    for (let i = 0; i < 200; i++) c.run();
    let iterations = 0;
    const start = process.hrtime.bigint();
    let elapsedNs = 0n;
    const budgetNs = BigInt(budgetMs) * 1_000_000n;
    while (elapsedNs < budgetNs) {
      for (let i = 0; i < 100; i++) c.run();
      iterations += 100;
      elapsedNs = process.hrtime.bigint() - start;
    }
    const seconds = Number(elapsedNs) / 1e9;
    const opsPerSecond = iterations / seconds;
    if (!baselines.has(c.group)) baselines.set(c.group, opsPerSecond);
    results.push({
      group: c.group,
      name: c.name,
      opsPerSecond,
      meanMicroseconds: (seconds / iterations) * 1e6,
      ratioToBaseline: opsPerSecond / (baselines.get(c.group) ?? opsPerSecond),
    });
  }
  return results;
}
