/**
 * Steady states of the urea model against an independent 60-digit solution: the golden TOFs below come from
 * scripts/independent/exactSteadyState.py (mpmath, log-variable Newton on the mean-field balances, written
 * apart from the TypeScript solver) fed by scripts/independent/dumpRateConstants.ts with the fixture model
 * test/kinetics/fixtures/urea-cu4-ceo2-exact.yaml (a frozen copy of data/models/urea-cu4-ceo2.yaml):
 *   npx tsx scripts/independent/dumpRateConstants.ts test/kinetics/fixtures/urea-cu4-ceo2-exact.yaml -1.6 \
 *     | python3 scripts/independent/exactSteadyState.py
 * Rates span 1e-39 … 1e7 s⁻¹; each must match to 1e-9 relative — or, below what double precision can resolve,
 * be reported as unresolved, never as a wrong number.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { steadyState } from '../../src/kinetics/analyze/steadyState.js';
import { loadModel } from '../../src/store/builtinModels.js';

const model = loadModel({ text: readFileSync(new URL('./fixtures/urea-cu4-ceo2-exact.yaml', import.meta.url), 'utf8') });

/** [potential V vs RHE, descriptors, exact TOF per product (s⁻¹ per site)] */
const GOLDEN: [number, Record<string, number>, Record<string, number>][] = [
  [-0.2, {}, { NO: 2.608305129175e-8, CO: 9.554922665391, urea: 79.73353064685, NH3: 51.6752717083, H2: 2.704221033908e-8 }],
  [-1.6, {}, { NO: 8.125852650756e-15, CO: 1063104.917629, urea: 2.764340697011, NH3: 1563390.885615, H2: 31267872.99912 }],
  [
    -0.3,
    { dG_NO: -2.5, dG_CO: -1.5 },
    { NO: 3.423850383641e-30, CO: 2.406964564271e-23, urea: 0.0009761762528573, NH3: 447.8809739502, H2: 1.449188730235e-11 },
  ],
  [
    -0.3,
    { dG_NO: 0.5, dG_CO: -2.0 },
    { NO: 9.338448853465e-29, CO: 9.688674048973e-22, urea: 1.671418219145e-34, NH3: 6.732485520449e-39, H2: 1.438338333018e-29 },
  ],
  [-0.8, { dG_NO: -2.5, dG_CO: 0.5 }, { NO: 1.630495785686e-31, CO: 101.5433144064, urea: 8.654988352444e-6, NH3: 358791.5706219, H2: 426.5517881713 }],
];

describe('steady states against an independent 60-digit solution', () => {
  for (const [potentialVvsRHE, descriptors, exact] of GOLDEN) {
    it(`urea-cu4-ceo2 at ${potentialVvsRHE} V vs RHE ${JSON.stringify(descriptors)}`, () => {
      const o = steadyState(model, { potentialVvsRHE, descriptors });
      expect(o.converged).toBe(true);
      for (const [product, tof] of Object.entries(exact)) {
        expect(Math.abs(o.tofPerS[product]! / tof - 1), `${product}: ${o.tofPerS[product]} vs exact ${tof}`).toBeLessThan(1e-9);
      }
    });
  }
});
