import { describe, expect, it } from 'vitest';
import { coupleStudy } from '../../src/studies/transport.js';

describe('couple study input check', () => {
  const example = coupleStudy.input.parse(coupleStudy.example);

  it('accepts the example (sources CO2, NO3-, H2O)', () => {
    expect(() => coupleStudy.check!(example)).not.toThrow();
  });

  it('refuses a source the electrolyte model does not track, naming the field (was silently coupled)', () => {
    const typo = { ...example, productSources: { ...example.productSources, urea: ['CO2', 'NO3'] } };
    expect(() => coupleStudy.check!(typo)).toThrow(
      /^productSources\.urea\[1\]: got "NO3", not a solute of the transport model \(allowed: H2O or a solute of the electrolyte ".*" \(.*NO3-/,
    );
  });
});
