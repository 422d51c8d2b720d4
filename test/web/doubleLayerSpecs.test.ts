import { describe, expect, it } from 'vitest';
import { type DoubleLayerResponse, doubleLayerSpecs, ionText } from '../../web/src/doubleLayerSpecs.js';

/** A hand-made answer of POST /api/double-layer: three nodes, one sized cation, one point anion. */
function response(): DoubleLayerResponse {
  return {
    model: 'equilibrium GMPB',
    electrolyte: '0.1 M KHCO3',
    potentialVvsPzc: -0.5,
    sternCapacitanceFPerM2: 0.2,
    cations: ['K+'],
    bulkPH: 8.34,
    ohp: {
      potentialVvsBulk: -0.084,
      sternDropV: -0.416,
      fieldVPerNm: -0.12,
      pH: 6.92,
      concentrationPH: 7.08,
      cationMolPerM3: 1828,
      hydroxideMolPerM3: 5.7e-5,
      concentrationsMolPerM3: { 'K+': 1828, 'HCO3-': 2.6, 'OH-': 5.7e-5 },
    },
    surfaceChargeCPerM2: -0.0832,
    surfaceChargeUCPerCm2: -8.32,
    diffuseChargeCPerM2: 0.0832,
    debyeLengthNm: 0.957,
    stericLimitMolPerM3: { 'K+': 5724, 'HCO3-': null, 'OH-': 7688 },
    diametersNm: {},
    newtonIterations: 8,
    warnings: [],
    profile: {
      xNm: [0, 0.5, 10],
      potentialV: [-0.084, -0.03, 0],
      concentrationsMolPerM3: { 'K+': [1828, 300, 100], 'HCO3-': [2.6, 40, 100], 'OH-': [5.7e-5, 0, 2.2e-3] },
    },
  } as unknown as DoubleLayerResponse;
}

type Layer = { data: { values: Record<string, unknown>[] }; mark: unknown };
type Spec = { title: { subtitle: string }; data: { values: Record<string, unknown>[] }; layer: Layer[] };

describe('doubleLayerSpecs', () => {
  it('prints ion names with sub- and superscripts', () => {
    expect(['K+', 'Cs+', 'OH-', 'HCO3-', 'CO3^2-', 'SO4^2-'].map(ionText)).toEqual(['K⁺', 'Cs⁺', 'OH⁻', 'HCO₃⁻', 'CO₃²⁻', 'SO₄²⁻']);
  });

  it('plots the potential in mV, the cation in M with its steric limit, and OH⁻ on a log axis without non-positive values', () => {
    const { potential, cations, hydroxide } = doubleLayerSpecs(response()) as unknown as Record<string, Spec>;
    // −0.084 V → −84 mV at the OHP, 0 at the far edge
    expect(potential!.data.values).toEqual([
      { xNm: 0, mV: -84 },
      { xNm: 0.5, mV: -30 },
      { xNm: 10, mV: 0 },
    ]);
    expect(potential!.title.subtitle).toBe('OHP -84.0 mV vs bulk; Stern drop -416.0 mV; E − E_pzc -0.500 V');
    // only the cation is plotted (1828 mol m⁻³ = 1.828 M), and its steric limit 5724 mol m⁻³ = 5.724 M as a rule
    expect(cations!.layer[0]!.data.values).toEqual([
      { xNm: 0, ion: 'K⁺', cM: 1.828 },
      { xNm: 0.5, ion: 'K⁺', cM: 0.3 },
      { xNm: 10, ion: 'K⁺', cM: 0.1 },
    ]);
    expect(cations!.layer[1]!.data.values).toEqual([{ ion: 'K⁺', limitM: 5.724 }]);
    // the zero at 0.5 nm cannot sit on a log axis: left out, not drawn as 0
    expect(hydroxide!.data.values).toEqual([
      { xNm: 0, cM: 5.7e-8 },
      { xNm: 10, cM: 2.2e-6 },
    ]);
    expect(hydroxide!.title.subtitle).toBe('5.70e-8 M at the OHP; OHP pH 6.92 (bulk 8.34)');
  });

  it('draws no steric rule for a point cation (no sourced size)', () => {
    const r = response();
    (r.stericLimitMolPerM3 as Record<string, number | null>)['K+'] = null;
    const { cations } = doubleLayerSpecs(r) as unknown as Record<string, Spec>;
    expect(cations!.layer).toHaveLength(1);
  });
});
