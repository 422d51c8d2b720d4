/**
 * Solved fraction of descriptor sweeps on 300 × 300 grids (300 points for a one-descriptor model) of every
 * built-in model with descriptors (each axis its default ± 1.5 eV) and of the two CatMAP-like test fixtures
 * (test/kinetics/fixtures: HER with an OH* poison, CO oxidation at 500 K), each also with every axis shifted by
 * +1e-8 eV (robustness: statuses must not flip and resolved TOFs must agree to 1e-3 — a 1e-8 eV shift moves a
 * smooth rate by n·1e-8/kT, 2e-5 for the steepest point found, n ≈ 48 on urea-cu4-ceo2; a jump between
 * branches or an unconstrained trace rate moves it by far more).
 * Also, on a 50 × 50 grid of the same ranges, every point solved alone (no continuation; `SINGLE=n`).
 * `npx tsx bench/solvedFraction.ts` (this tree; `SRC=/path/to/src` for another copy, e.g. main, which has no
 * status: there only converged/failed are counted; `POINTS=n` for n × n grids).
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

interface Grid {
  label: string;
  text: string;
  x: [string, number, number];
  y?: [string, number, number];
}

async function main() {
  const src = process.env.SRC ?? new URL('../src', import.meta.url).pathname;
  const points = Number(process.env.POINTS ?? 300);
  const load = async (p: string) => import(pathToFileURL(`${src}/${p}`).href);
  const { descriptorSweep } = await load('kinetics/mapper/descriptorSweep.ts');
  const { compileModel, parseModelText } = await load('kinetics/parser/compileModel.ts');
  const { SteadyStateSolver } = await load('kinetics/analyze/steadyState.ts');
  const single = Number(process.env.SINGLE ?? 50);
  const root = new URL('..', import.meta.url).pathname;
  const file = (p: string) => readFileSync(`${root}/${p}`, 'utf8');
  const grids: Grid[] = [
    { label: 'urea-cu4-ceo2', text: file('data/models/urea-cu4-ceo2.yaml'), x: ['dG_NO', -2.1, 0.9], y: ['dG_CO', -1.2, 1.8] },
    { label: 'amino-acid-oxime', text: file('data/models/amino-acid-oxime.yaml'), x: ['dG_NH2OH', -1.7, 1.3], y: ['dG_PO', -2.2, 0.8] },
    { label: 'oxime-fe (1-D)', text: file('data/models/oxime-fe.yaml'), x: ['dG_NH2OH', -1.7, 1.3] },
    { label: 'fixture her-poison', text: file('test/kinetics/fixtures/her-poison.yaml'), x: ['H_s', -1, 1.5], y: ['OH_s', -3, 1] },
    { label: 'fixture co-oxidation', text: file('test/kinetics/fixtures/co-oxidation.yaml'), x: ['O_s', -2.5, 1.5], y: ['CO_s', -2.5, 0.5] },
  ];
  const rows = [];
  for (const g of grids) {
    const model = compileModel(parseModelText(g.text));
    const spec = (shift: number) => ({
      x: { name: g.x[0], from: g.x[1] + shift, to: g.x[2] + shift, points },
      ...(g.y ? { y: { name: g.y[0], from: g.y[1] + shift, to: g.y[2] + shift, points } } : {}),
    });
    const t = performance.now();
    const a = descriptorSweep(model, spec(0));
    const seconds = (performance.now() - t) / 1000;
    const b = descriptorSweep(model, spec(1e-8));
    const size = a.converged.length;
    const count = (r: typeof a, code: number) =>
      r.status
        ? r.status.filter((s: number) => s === code).length
        : code === 0
          ? size - r.converged.reduce((p: number, c: number) => p + c, 0)
          : code === 1
            ? r.converged.reduce((p: number, c: number) => p + c, 0)
            : 0;
    let flips = 0;
    let tofDiffer = 0;
    const products = Object.keys(a.log10Tof);
    for (let i = 0; i < size; i++) {
      const sa = a.status ? a.status[i] : a.converged[i];
      const sb = b.status ? b.status[i] : b.converged[i];
      if (sa !== sb) flips++;
      for (const p of products) {
        const ok = a.resolved ? a.resolved[p][i] && b.resolved[p][i] : a.converged[i] && b.converged[i];
        const x = a.log10Tof[p][i];
        const y = b.log10Tof[p][i];
        if (ok && (Number.isFinite(x) !== Number.isFinite(y) || (Number.isFinite(x) && Math.abs(x - y) > 1e-3 / Math.LN10))) tofDiffer++;
      }
    }
    // the same ranges without continuation: every point solved alone from the solver's own starts
    const solver = new SteadyStateSolver(model);
    const singles = { ok: 0, unresolved: 0, failed: 0 };
    const ny = g.y ? single : 1;
    for (let r = 0; r < ny; r++) {
      for (let c = 0; c < single; c++) {
        const descriptors: Record<string, number> = { [g.x[0]]: g.x[1] + ((g.x[2] - g.x[1]) * c) / (single - 1) };
        if (g.y) descriptors[g.y[0]] = g.y[1] + ((g.y[2] - g.y[1]) * r) / (single - 1);
        const o = solver.solve({ descriptors });
        singles[!o.converged ? 'failed' : o.resolved === false ? 'unresolved' : 'ok']++;
      }
    }
    rows.push({
      grid: g.label,
      singleSolves: `${singles.ok} ok, ${singles.unresolved} unresolved, ${singles.failed} failed of ${ny * single}`,
      points: size,
      ok: count(a, 1),
      unresolved: count(a, 2),
      failed: count(a, 0),
      solvedPercent: Number(((100 * (size - count(a, 0))) / size).toFixed(3)),
      okPercent: Number(((100 * count(a, 1)) / size).toFixed(3)),
      perturbedFailed: count(b, 0),
      statusFlips: flips,
      resolvedTofsDiffering: tofDiffer,
      seconds: Number(seconds.toFixed(2)),
    });
  }
  console.table(rows);
  console.log(JSON.stringify(rows));
}
void main();
