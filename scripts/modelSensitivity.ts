/**
 * Sensitivity of a model's conclusion to each energy: every adsorbate's free energy (the steps that make it
 * shift by +δ, those that consume it by −δ: pathway totals stay on the chemistry core's value), every explicit
 * barrier and every descriptor, each by ±δ; prints the FE of the target product (and the dominant product) at
 * one potential. Used for docs/models/*.md.
 *
 *   npx tsx scripts/modelSensitivity.ts urea-cu4-ceo2 --potential -0.2 --target urea [--delta 0.2] [--descriptor Ea_CN=0.93]
 */
import { builtinModelText } from '../src/store/builtinModels.js';
import { compileModel, parseModelText, type CompiledModel } from '../src/kinetics/parser/compileModel.js';
import type { ModelFile } from '../src/kinetics/parser/modelSchema.js';
import { steadyState } from '../src/kinetics/analyze/steadyState.js';

const args = process.argv.slice(2);
const name = args[0]!;
const opt = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const U = Number(opt('--potential') ?? 'NaN');
const target = opt('--target')!;
const delta = Number(opt('--delta') ?? '0.2');
const descriptors: Record<string, number> = {};
args.forEach((a, i) => {
  if (a === '--descriptor') {
    const [k, v] = args[i + 1]!.split('=');
    descriptors[k!] = Number(v);
  }
});

const baseFile = parseModelText(builtinModelText(name), name);
const base = compileModel(baseFile);
type Energy = ModelFile['steps'][number]['dG'];
const shift = (v: Energy, d: number): Energy => (v === undefined ? d : typeof v === 'number' ? v + d : { intercept: (v.intercept ?? 0) + d, slopes: v.slopes });

function run(model: CompiledModel, extra: Record<string, number> = {}) {
  const o = steadyState(model, { potentialVvsRHE: U, descriptors: { ...descriptors, ...extra } });
  const fe = o.faradaicEfficiency;
  const dominant = Object.entries(fe).sort((a, b) => b[1] - a[1])[0]!;
  return `${o.converged ? '' : '(not converged) '}FE ${target} ${(100 * fe[target]!).toFixed(2)} % · top ${dominant[0]} ${(100 * dominant[1]).toFixed(1)} % · j ${(o.currentDensityAPerM2 / 10).toExponential(2)} mA cm⁻²`;
}

const rows: string[] = [`| energy (source) | −${delta} eV | +${delta} eV |`, '|---|---|---|'];
console.log(`${name} at ${U} V vs RHE${Object.keys(descriptors).length ? ` with ${JSON.stringify(descriptors)}` : ''}: ${run(base)}`);
base.adsorbates.forEach((ads, a) => {
  const cells = [-delta, delta].map((d) => {
    const file = structuredClone(baseFile) as ModelFile;
    base.steps.forEach((s, j) => {
      let nu = 0;
      s.prodAds.forEach((k, i) => k === a && (nu += s.prodAdsNu[i]!));
      s.reactAds.forEach((k, i) => k === a && (nu -= s.reactAdsNu[i]!));
      if (nu !== 0) file.steps[j]!.dG = shift(file.steps[j]!.dG, d * nu);
    });
    return run(compileModel(file));
  });
  rows.push(`| G(${ads}) (all steps that make or use it) | ${cells[0]} | ${cells[1]} |`);
});
baseFile.steps.forEach((step, j) => {
  if (step.Ea === undefined) return;
  const cells = [-delta, delta].map((d) => {
    const file = structuredClone(baseFile) as ModelFile;
    const Ea = file.steps[j]!.Ea!;
    file.steps[j]!.Ea = typeof Ea === 'object' && 'bep' in Ea ? { bep: { ...Ea.bep, beta: Ea.bep.beta + d } } : shift(Ea, d);
    return run(compileModel(file));
  });
  const cited =
    /ref\. \d+/.test(step.source ?? '') &&
    !/^assumed/.test(step.source ?? '') &&
    !/barrier [\d.]+ eV assumed|barrier assumed|assumed barrier/.test(step.source ?? '')
      ? 'cited'
      : 'assumed';
  rows.push(`| Ea(${step.id}) (${cited}) | ${cells[0]} | ${cells[1]} |`);
});
for (const d of base.descriptors) {
  const value = descriptors[d] ?? baseFile.descriptors[d]!;
  const cells = [-delta, delta].map((x) => run(base, { [d]: value + x }));
  rows.push(`| descriptor ${d} = ${value} | ${cells[0]} | ${cells[1]} |`);
}
console.log(rows.join('\n'));
