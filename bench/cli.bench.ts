/**
 * CLI start-up: wall time of whole commands (median of repeated runs, each a fresh process) against the
 * baseline of a Node process that does nothing, in the same run. Needs the build (`npm run bench` makes it).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** One row of the CLI table. */
export interface CliBenchResult {
  command: string;
  runs: number;
  medianMs: number;
  /** medianMs minus the baseline's median. */
  overBaselineMs: number;
}

const root = fileURLToPath(new URL('..', import.meta.url));

function medianMs(file: string, args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    execFileSync(file, args, { cwd: root, stdio: 'ignore' });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

/** Times the baseline (`node -e 0`), `cncouple --version`, `cncouple formula`, and the same through npx. */
export function runCliBench(runs = 9): CliBenchResult[] {
  const cases: [string, string, string[]][] = [
    ['baseline: node -e 0', process.execPath, ['-e', '0']],
    ['node dist/cli/main.js --version', process.execPath, ['dist/cli/main.js', '--version']],
    ['node dist/cli/main.js formula "CO(NH2)2"', process.execPath, ['dist/cli/main.js', 'formula', 'CO(NH2)2']],
    ['baseline: npx node -e 0', 'npx', ['node', '-e', '0']],
    ['npx cncouple --version', 'npx', ['cncouple', '--version']],
  ];
  const medians = cases.map(([command, file, args]) => ({ command, runs, medianMs: medianMs(file, args, runs) }));
  const node = medians[0]!.medianMs;
  const npx = medians[3]!.medianMs;
  return medians.map((m) => ({ ...m, overBaselineMs: m.medianMs - (m.command.includes('npx') ? npx : node) }));
}
