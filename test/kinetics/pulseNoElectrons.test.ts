import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPulse } from '../../src/kinetics/analyze/pulse.js';
import { runPulseUntilPeriodic } from '../../src/kinetics/analyze/pulseUntilPeriodic.js';
import { compileModel, parseModelText } from '../../src/kinetics/parser/compileModel.js';

/** CO oxidation: a thermal model, no step transfers an electron, so no period has net electrons. */
const coOxidation = compileModel(parseModelText(readFileSync(new URL('./fixtures/co-oxidation.yaml', import.meta.url), 'utf8')));
const program = { e1V: -0.5, t1S: 0.01, e2V: 0, t2S: 0.01 };

describe('pulses without net electrons', () => {
  it('report FE as undefined (NaN, null in JSON), not 0, while the product still forms', () => {
    const last = runPulse(coOxidation, { ...program, periods: 3 }).periods.at(-1)!;
    expect(last.electronRatePerS).toBe(0);
    expect(last.tofPerS.CO2).toBeGreaterThan(0);
    expect(last.faradaicEfficiency.CO2).toBeNaN();
    expect(JSON.parse(JSON.stringify(last)).faradaicEfficiency.CO2).toBeNull();
  });
  it('still settle as periodic: an FE undefined in two periods is no change between them', () => {
    const r = runPulseUntilPeriodic(coOxidation, { ...program, tolerance: 1e-3, maxPeriods: 200 });
    expect(r.periodic).toBe(true);
    expect(r.periods.length).toBeLessThan(200);
  });
});
