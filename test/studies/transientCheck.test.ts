import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/chem/index.js';
import { microenvStudy } from '../../src/studies/process.js';
import { coupleStudy, transientStudy } from '../../src/studies/transport.js';

/** The error a study's check throws for `raw`, or a failure when it accepts it. */
const refusal = (check: () => void) => {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('accepted');
};

describe('electrode reactants the electrolyte does not contain (one check for transient, microenv and couple)', () => {
  const nitrate = [
    { to: 'H2', from: ['H2O'], faradaicEfficiency: 0.5 },
    { to: 'NH3', from: ['NO3-'], faradaicEfficiency: 0.5 },
  ];
  it('transient refuses nitrate over 0.5 M K2SO4, naming products[1].from[0] and the solutes (it used to run and stop with "the time step fell below 9.5e-13 s")', () => {
    const input = transientStudy.input.parse({ ...transientStudy.example, products: nitrate });
    const e = refusal(() => transientStudy.check!(input));
    expect(e.field).toBe('products[1].from[0]');
    expect(e.message).toBe(
      'products[1].from[0]: got "NO3-", which the electrolyte does not contain (allowed: H2O or a solute of the electrolyte "0.5 M K2SO4" (OH-, H+, K+, SO4^2-))',
    );
    // with nitrate in the electrolyte the same products pass
    expect(() => transientStudy.check!({ ...input, electrolyte: '0.5 M K2SO4 + 0.1 M KNO3' })).not.toThrow();
  });
  it('transient refuses a typo the transport model does not know', () => {
    const input = transientStudy.input.parse({ ...transientStudy.example, products: [{ to: 'NH3', from: ['NO3'], faradaicEfficiency: 1 }] });
    expect(refusal(() => transientStudy.check!(input)).message).toMatch(/^products\[0\]\.from\[0\]: got "NO3", not a solute of the transport model/);
  });
  it('microenv refuses it the same way (it used to answer "no steady state even at 0.0000100 A m⁻²")', () => {
    const input = microenvStudy.input.parse({ ...microenvStudy.example, electrolyte: '0.5 M K2SO4', co2Saturated: false, products: nitrate });
    expect(refusal(() => microenvStudy.check!(input)).field).toBe('products[1].from[0]');
  });
  it('couple refuses a source whose solute is tracked but absent (CO2 over unsaturated K2SO4 passed: every tracked name counted)', () => {
    const example = coupleStudy.input.parse(coupleStudy.example);
    const noCarbon = { ...example, electrolyte: '0.5 M K2SO4 + 0.05 M KNO3', co2Saturated: false };
    const e = refusal(() => coupleStudy.check!(noCarbon));
    expect(e.field).toMatch(/^productSources\.(urea|CO)\[0\]$/);
    expect(e.message).toMatch(/got "CO2", which the electrolyte does not contain .*\(OH-, H\+, K\+, NO3-, SO4\^2-\)/);
  });
});
