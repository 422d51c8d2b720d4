import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/chem/index.js';
import { doubleLayerFromElectrolyte, solveDoubleLayer, SOLVATED_DIAMETERS_NM, type DoubleLayerIon } from '../../src/transport/doubleLayer.js';

// Independent constants for the analytic checks (CODATA 2018 exact values; water ε_r 78.4 at 25 °C)
const F = 96485.33212;
const R = 8.314462618;
const T = 298.15;
const EPS = 78.4 * 8.8541878128e-12;
const VT = (R * T) / F; // 25.693 mV

const salt = (cMolPerM3: number, cationNm: number, anionNm: number): DoubleLayerIon[] => [
  { name: 'M+', chargeNumber: 1, bulkMolPerM3: cMolPerM3, diameterNm: cationNm },
  { name: 'X-', chargeNumber: -1, bulkMolPerM3: cMolPerM3, diameterNm: anionNm },
];

/** Linear interpolation of the numeric profile at x. */
function at(xs: number[], ys: number[], x: number): number {
  let i = 1;
  while (xs[i]! < x) i++;
  const t = (x - xs[i - 1]!) / (xs[i]! - xs[i - 1]!);
  return ys[i - 1]! * (1 - t) + ys[i]! * t;
}

describe('Gouy–Chapman limits (point ions)', () => {
  it('Debye length of 0.1 M 1:1 in water is 0.961 nm (0.304 nm / √I)', () => {
    const r = solveDoubleLayer({ ions: salt(100, 0, 0), potentialVvsPzc: -0.001, sternCapacitanceFPerM2: Infinity });
    expect(r.debyeLengthM / 1e-9).toBeCloseTo(0.304 / Math.sqrt(0.1), 2);
  });

  it('low potential: φ(x) = φ0·exp(−x/λD)', () => {
    const phi0 = -0.001; // |eφ/kT| = 0.039
    const r = solveDoubleLayer({ ions: salt(100, 0, 0), potentialVvsPzc: phi0, sternCapacitanceFPerM2: Infinity });
    const lambda = Math.sqrt((EPS * R * T) / (2 * F * F * 100));
    for (const k of [0.25, 0.5, 1, 2, 4]) {
      expect(Math.abs(at(r.xM, r.potentialV, k * lambda) - phi0 * Math.exp(-k))).toBeLessThan(2e-3 * Math.abs(phi0));
    }
  });

  it('full nonlinear profile: tanh(eφ/4kT) = tanh(eφ0/4kT)·exp(−x/λD), and σ = √(8εRTc)·sinh(eφ0/2kT)', () => {
    const phi0 = -0.2; // eφ0/kT = −7.8
    const c = 10;
    const r = solveDoubleLayer({ ions: salt(c, 0, 0), potentialVvsPzc: phi0, sternCapacitanceFPerM2: Infinity });
    const lambda = Math.sqrt((EPS * R * T) / (2 * F * F * c));
    for (const k of [0.1, 0.5, 1, 2, 4]) {
      const exact = 4 * VT * Math.atanh(Math.tanh(phi0 / (4 * VT)) * Math.exp(-k));
      expect(Math.abs(at(r.xM, r.potentialV, k * lambda) - exact)).toBeLessThan(5e-4);
    }
    const sigma = Math.sqrt(8 * EPS * R * T * c) * Math.sinh(phi0 / (2 * VT));
    expect(r.surfaceChargeCPerM2 / sigma).toBeCloseTo(1, 2);
    expect(r.diffuseChargeCPerM2 / -r.surfaceChargeCPerM2).toBeCloseTo(1, 9); // discrete Gauss law (finite-volume identity)
  });

  it('with a Stern layer the charge satisfies C_S·(E − φ_OHP) = √(8εRTc)·sinh(eφ_OHP/2kT)', () => {
    const r = solveDoubleLayer({ ions: salt(100, 0, 0), potentialVvsPzc: -0.5, sternCapacitanceFPerM2: 0.2 });
    const gc = Math.sqrt(8 * EPS * R * T * 100) * Math.sinh(r.ohpPotentialV / (2 * VT));
    expect(r.surfaceChargeCPerM2 / gc).toBeCloseTo(1, 2);
    expect(r.sternDropV + r.ohpPotentialV).toBeCloseTo(-0.5, 12);
    expect(r.ohpFieldVPerM).toBeCloseTo(r.surfaceChargeCPerM2 / EPS, 0);
  });
});

describe('Bikerman steric limit', () => {
  const limitK = 1 / (6.02214076e23 * 0.662e-9 ** 3); // 5723.7 mol m⁻³ for a = 0.662 nm

  it('equal sizes: σ² = 2ε·RT·ln(1 + 2ν c (cosh ψ0 − 1))/ν (first integral of Poisson–Bikerman)', () => {
    const a = 0.662e-9;
    const nu = 6.02214076e23 * a ** 3;
    for (const E of [-0.3, -1, -2]) {
      const r = solveDoubleLayer({ ions: salt(100, 0.662, 0.662), potentialVvsPzc: E, sternCapacitanceFPerM2: Infinity });
      const psi0 = E / VT;
      const sigma = -Math.sqrt((2 * EPS * R * T * Math.log(1 + 2 * nu * 100 * (Math.cosh(psi0) - 1))) / nu);
      expect(r.surfaceChargeCPerM2 / sigma).toBeCloseTo(1, 2);
    }
  });

  it('OHP cation concentration never exceeds 1/(N_A a³) and approaches it at large negative potential', () => {
    expect(limitK).toBeCloseTo(5723.7, 0);
    let previous = 0;
    for (const E of [-0.1, -0.3, -0.5, -1, -2, -3]) {
      const r = solveDoubleLayer({ ions: salt(100, 0.662, 0.6), potentialVvsPzc: E, sternCapacitanceFPerM2: Infinity });
      const cK = r.ohpConcentrationsMolPerM3['M+']!;
      expect(r.stericLimitMolPerM3['M+']).toBeCloseTo(limitK, 6);
      expect(cK).toBeLessThanOrEqual(limitK * (1 + 1e-12));
      expect(cK).toBeGreaterThanOrEqual(previous); // saturates to the last digit by −2 V
      previous = cK;
    }
    expect(previous / limitK).toBeGreaterThan(0.999);
    const low = solveDoubleLayer({ ions: salt(100, 0.662, 0.6), potentialVvsPzc: -0.1, sternCapacitanceFPerM2: Infinity });
    expect(low.ohpConcentrationsMolPerM3['M+']! / limitK).toBeLessThan(0.5);
    // point ions exceed it by orders of magnitude at the same potential (Gouy–Chapman: c·exp(−eφ/kT))
    const gc = solveDoubleLayer({ ions: salt(100, 0, 0), potentialVvsPzc: -0.5, sternCapacitanceFPerM2: Infinity });
    expect(gc.ohpConcentrationsMolPerM3['M+']! / (100 * Math.exp(0.5 / VT))).toBeCloseTo(1, 6);
  });

  it('mesh refinement moves the OHP values by < 0.1 %', () => {
    const base = solveDoubleLayer({ ions: salt(100, 0.662, 0.6), potentialVvsPzc: -0.8 });
    const fine = solveDoubleLayer({ ions: salt(100, 0.662, 0.6), potentialVvsPzc: -0.8, firstCellM: 0.5e-12, meshGrowth: 1.02 });
    expect(Math.abs(fine.ohpPotentialV / base.ohpPotentialV - 1)).toBeLessThan(1e-3);
    expect(Math.abs(fine.ohpConcentrationsMolPerM3['M+']! / base.ohpConcentrationsMolPerM3['M+']! - 1)).toBeLessThan(1e-3);
  });
});

describe('cation size trend (Ringe et al. 2019; Bohra et al. 2019)', () => {
  it('at −1 V vs pzc the OHP cation concentration orders Cs⁺ > K⁺ > Na⁺ > Li⁺ (smaller solvated size packs more)', () => {
    const sizes = { 'Li+': 0.764, 'Na+': 0.716, 'K+': 0.662, 'Cs+': 0.658 };
    const c = Object.fromEntries(
      Object.entries(sizes).map(([name, d]) => [
        name,
        solveDoubleLayer({ ions: salt(100, d, 0.6), potentialVvsPzc: -1, sternCapacitanceFPerM2: 0.2 }).ohpConcentrationsMolPerM3['M+']!,
      ]),
    );
    expect(c['Cs+']!).toBeGreaterThan(c['K+']!);
    expect(c['K+']!).toBeGreaterThan(c['Na+']!);
    expect(c['Na+']!).toBeGreaterThan(c['Li+']!);
    // each close to its own steric limit 1/(N_A a³): Li⁺ 3726, Cs⁺ 5830 mol m⁻³
    expect(c['Li+']! / (1 / (6.02214076e23 * 0.764e-9 ** 3))).toBeGreaterThan(0.9);
  });
});

describe('published GMPNP trend with the electrolyte path (Bohra et al. 2019; Ringe et al. 2019)', () => {
  it('the sizes equal the solv_size entries of the authors’ GMPNP parameter file (divyabohra/GMPNP utilities/parameters.yaml)', () => {
    const authors = { 'Li+': 0.764, 'Na+': 0.716, 'K+': 0.662, 'Cs+': 0.658, 'H+': 0.56, 'OH-': 0.6, 'CO3^2-': 0.788 };
    expect(Object.fromEntries(Object.entries(SOLVATED_DIAMETERS_NM).map(([k, v]) => [k, v.diameterNm]))).toEqual(authors);
    for (const d of Object.values(SOLVATED_DIAMETERS_NM)) expect(d.source).toMatch(/divyabohra\/GMPNP.*10\.1039\/C9EE02485A/);
  });

  it('CO2-saturated 0.1 M LiHCO3/NaHCO3/KHCO3/CsHCO3 at −1 V vs pzc: OHP cation Cs⁺ > K⁺ > Na⁺ > Li⁺, each below its own steric limit', () => {
    const ohp = (salt: string) => doubleLayerFromElectrolyte({ electrolyte: `0.1 M ${salt}`, potentialVvsPzc: -1, co2Saturated: true });
    const [li, na, k, cs] = ['LiHCO3', 'NaHCO3', 'KHCO3', 'CsHCO3'].map(ohp) as [
      ReturnType<typeof ohp>,
      ReturnType<typeof ohp>,
      ReturnType<typeof ohp>,
      ReturnType<typeof ohp>,
    ];
    expect([li.cations, na.cations, k.cations, cs.cations]).toEqual([['Li+'], ['Na+'], ['K+'], ['Cs+']]);
    expect(cs.ohpCationMolPerM3).toBeGreaterThan(k.ohpCationMolPerM3);
    expect(k.ohpCationMolPerM3).toBeGreaterThan(na.ohpCationMolPerM3);
    expect(na.ohpCationMolPerM3).toBeGreaterThan(li.ohpCationMolPerM3);
    // steric limits 1/(N_A a³) computed here: Li⁺ 0.764 nm → 3724, Cs⁺ 0.658 nm → 5829 mol m⁻³
    expect(li.stericLimitMolPerM3['Li+']).toBeCloseTo(1 / (6.02214076e23 * 0.764e-9 ** 3), 6);
    expect(li.ohpCationMolPerM3 / li.stericLimitMolPerM3['Li+']!).toBeGreaterThan(0.85);
    expect(cs.ohpCationMolPerM3).toBeLessThan(cs.stericLimitMolPerM3['Cs+']!);
    // the same bulk pH for every cation (a spectator of the acid–base chemistry)
    expect(new Set([li, na, k, cs].map((r) => r.bulkPH.toFixed(12))).size).toBe(1);
  });

  it('the TSDoc example "0.05 M Cs2SO4" works: Cs⁺ from the parser, sulfate a point ion with a warning, Gauss and neutrality hold', () => {
    const r = doubleLayerFromElectrolyte({ electrolyte: '0.05 M Cs2SO4', potentialVvsPzc: -0.5 });
    expect(r.cations).toEqual(['Cs+']);
    expect(r.concentrationsMolPerM3['Cs+']!.at(-1)).toBeCloseTo(100, 6);
    expect(r.concentrationsMolPerM3['SO4^2-']!.at(-1)).toBeCloseTo(50, 6);
    expect(r.diametersNm['Cs+']!.diameterNm).toBe(0.658);
    expect(r.warnings.join()).toMatch(/SO4\^2-: no sourced solvated size/);
    expect(r.diffuseChargeCPerM2 / -r.surfaceChargeCPerM2).toBeCloseTo(1, 9);
    expect(r.ohpConcentrationsMolPerM3['Cs+']).toBeGreaterThan(100);
    expect(r.ohpConcentrationsMolPerM3['SO4^2-']).toBeLessThan(50);
  });

  it('warns when a point ion piles up at the OHP beyond what a sized ion can pack (sulfate at a positive potential)', () => {
    // the smallest sized ion present is H⁺, 0.56 nm: 1/(N_A a³) = 9456 mol m⁻³, the densest any sized ion here packs
    const hLimit = 1 / (6.02214076e23 * 0.56e-9 ** 3);
    const anodic = doubleLayerFromElectrolyte({ electrolyte: '0.5 M K2SO4', potentialVvsPzc: 1 });
    expect(anodic.stericLimitMolPerM3['H+']).toBeCloseTo(hLimit, 6);
    expect(anodic.ohpConcentrationsMolPerM3['SO4^2-']).toBeGreaterThan(hLimit);
    expect(anodic.warnings.join('\n')).toMatch(/SO4\^2-: 1\.\d\de\+4 mol m⁻³ at the OHP as a point ion, above the 9\.46e\+3 mol m⁻³ .*ionDiametersNm\.SO4\^2-/);
    // cathodic: sulfate is repelled, only the "no sourced size" warning remains
    const cathodic = doubleLayerFromElectrolyte({ electrolyte: '0.5 M K2SO4', potentialVvsPzc: -1 });
    expect(cathodic.warnings).toEqual(['SO4^2-: no sourced solvated size; treated as a point ion (set ionDiametersNm to change)']);
    // a size for sulfate bounds it by its own steric limit, and the warning goes
    const sized = doubleLayerFromElectrolyte({ electrolyte: '0.5 M K2SO4', potentialVvsPzc: 1, ionDiametersNm: { 'SO4^2-': 0.758 } }); // a test size, not a sourced one
    expect(sized.ohpConcentrationsMolPerM3['SO4^2-']).toBeLessThan(sized.stericLimitMolPerM3['SO4^2-']!);
    expect(sized.warnings).toEqual([]);
  });

  it('a salt whose cation has no data is refused by name', () => {
    expect(() => doubleLayerFromElectrolyte({ electrolyte: '0.1 M RbHCO3', potentialVvsPzc: -0.5 })).toThrow(/^electrolyte: "RbHCO3": the cation Rb\+/);
  });
});

describe('the tridiagonal solve moved to src/numerics: results unchanged beyond round-off', () => {
  // printed with 17 digits by the code before the move (commit 6705943, inline Thomas algorithm, cations split by regex)
  it('OHP values of three cases agree with the previous build to 1e-13', () => {
    const close = (got: number, was: number) => expect(Math.abs(got - was)).toBeLessThanOrEqual(1e-13 * Math.abs(was));
    const a = doubleLayerFromElectrolyte({ electrolyte: '0.1 M KHCO3', potentialVvsPzc: -0.5 });
    close(a.ohpPotentialV, -0.084089919789317957);
    close(a.surfaceChargeCPerM2, -0.083182016042136417);
    close(a.ohpConcentrationsMolPerM3['K+']!, 1828.3743503314765);
    close(a.ohpConcentrationsMolPerM3['HCO3-']!, 2.5729947996149201);
    close(a.ohpConcentrationsMolPerM3['OH-']!, 0.000057380607952159036);
    expect(a.iterations).toBe(8);
    const b = doubleLayerFromElectrolyte({ electrolyte: '0.1 M CsHCO3', potentialVvsPzc: -1, co2Saturated: true });
    close(b.ohpPotentialV, -0.1366920615257915);
    close(b.surfaceChargeCPerM2, -0.17266158769484172);
    close(b.ohpConcentrationsMolPerM3['Cs+']!, 4552.9322630969546);
    close(b.ohpConcentrationsMolPerM3['H+']!, 0.0069188990243899788);
    expect(b.iterations).toBe(12);
    const c = solveDoubleLayer({ ions: salt(10, 0, 0), potentialVvsPzc: -0.2, sternCapacitanceFPerM2: Infinity });
    close(c.surfaceChargeCPerM2, -0.28751289160804622);
    close(c.potentialV[50]!, -0.13627199694373093);
    expect(c.iterations).toBe(7);
  });
});

describe('potential of zero charge and capacitance', () => {
  it('at E = E_pzc there is no charge and the OHP holds the bulk; σ_M rises monotonically with E (positive capacitance)', () => {
    const zero = doubleLayerFromElectrolyte({ electrolyte: '0.1 M KHCO3', potentialVvsPzc: 0 });
    expect(Math.abs(zero.surfaceChargeCPerM2)).toBeLessThan(1e-12);
    expect(zero.ohpPH).toBeCloseTo(zero.bulkPH, 10);
    expect(zero.ohpConcentrationsMolPerM3['K+']).toBeCloseTo(100, 8);
    let previous = -Infinity;
    for (let E = -2; E <= 2.0001; E += 0.25) {
      const r = doubleLayerFromElectrolyte({ electrolyte: '0.1 M KHCO3', potentialVvsPzc: E, sternCapacitanceFPerM2: 0.2 });
      expect(r.surfaceChargeCPerM2).toBeGreaterThan(previous);
      if (E !== 0) expect(Math.sign(r.surfaceChargeCPerM2)).toBe(Math.sign(E));
      // never more charge than the Stern layer alone would carry at the full potential
      expect(Math.abs(r.surfaceChargeCPerM2)).toBeLessThan(0.2 * Math.abs(E) + 1e-12);
      previous = r.surfaceChargeCPerM2;
    }
  });

  it('converges from −3 to +3 V vs pzc with and without a Stern layer, sized counter-ions below their limits', () => {
    for (const electrolyte of ['0.001 M KHCO3', '1 M KOH', '0.5 M K2SO4', '0.1 M NaNO3'])
      for (const E of [-3, -1, 1, 3])
        for (const cS of [0.05, Infinity]) {
          const r = doubleLayerFromElectrolyte({ electrolyte, potentialVvsPzc: E, sternCapacitanceFPerM2: cS });
          expect(r.residualStep).toBeLessThanOrEqual(1e-10);
          for (const [ion, c] of Object.entries(r.ohpConcentrationsMolPerM3)) expect(c).toBeLessThanOrEqual(r.stericLimitMolPerM3[ion]! * (1 + 1e-12));
        }
  });
});

describe('doubleLayerFromElectrolyte', () => {
  it('0.1 M KHCO3 (CO2-saturated) at −0.5 V vs pzc: OHP pH = bulk pH + eφ_OHP/(kT ln 10); OH⁻ depleted, K⁺ enriched', () => {
    const r = doubleLayerFromElectrolyte({ electrolyte: '0.1 M KHCO3', potentialVvsPzc: -0.5, co2Saturated: true });
    expect(r.cations).toEqual(['K+']);
    expect(r.bulkPH).toBeCloseTo(6.82, 2);
    expect(r.ohpPH - r.bulkPH).toBeCloseTo(r.ohpPotentialV / (VT * Math.LN10), 6);
    expect(r.ohpPH).toBeLessThan(r.bulkPH);
    // the concentration pH is what the reported H⁺ gives; crowding K⁺ lowers that concentration below the activity
    expect(r.ohpConcentrationPH).toBeCloseTo(-Math.log10(r.ohpConcentrationsMolPerM3['H+']! / 1000), 12);
    expect(r.ohpConcentrationPH).toBeGreaterThan(r.ohpPH);
    expect(r.ohpCationMolPerM3).toBeGreaterThan(100);
    expect(r.ohpCationMolPerM3).toBeLessThan(r.stericLimitMolPerM3['K+']!);
    expect(r.ohpHydroxideMolPerM3).toBeLessThan(r.concentrationsMolPerM3['OH-']!.at(-1)!);
    expect(r.diffuseChargeCPerM2 / -r.surfaceChargeCPerM2).toBeCloseTo(1, 2);
    expect(r.warnings.join()).toMatch(/HCO3-/);
  });

  it('splits a mixed-cation electrolyte into its cations', () => {
    const r = doubleLayerFromElectrolyte({ electrolyte: '0.05 M KHCO3 + 0.05 M CsHCO3', potentialVvsPzc: -0.5 });
    expect(r.cations.sort()).toEqual(['Cs+', 'K+']);
    expect(r.concentrationsMolPerM3['K+']!.at(-1)).toBeCloseTo(50, 6);
    expect(r.concentrationsMolPerM3['Cs+']!.at(-1)).toBeCloseTo(50, 6);
  });

  it('rejects bad input with the field name', () => {
    expect(() => doubleLayerFromElectrolyte({ electrolyte: '0.1 M KHCO3', potentialVvsPzc: -5 })).toThrow(/potentialVvsPzc/);
    expect(() => doubleLayerFromElectrolyte({ electrolyte: '0.1 M KHCO3', potentialVvsPzc: -0.5, sternCapacitanceFPerM2: 0 })).toThrow(InputError);
    expect(() => doubleLayerFromElectrolyte({ electrolyte: '0.1 M XYZ', potentialVvsPzc: -0.5 })).toThrow(/electrolyte/);
    expect(() => solveDoubleLayer({ ions: [{ name: 'K+', chargeNumber: 1, bulkMolPerM3: 100, diameterNm: 0.66 }], potentialVvsPzc: -0.5 })).toThrow(
      /electroneutral/,
    );
  });
});
