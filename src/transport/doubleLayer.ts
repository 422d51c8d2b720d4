import {
  AVOGADRO_PER_MOL,
  BOLTZMANN_J_PER_K,
  ELEMENTARY_CHARGE_C,
  FARADAY_C_PER_MOL,
  GAS_CONSTANT_J_PER_MOL_K,
  InputError,
  STANDARD_TEMPERATURE_K,
  assertFiniteInRange,
} from '../chem/index.js';
import { TridiagonalSolver } from '../numerics/tridiagonal.js';
import { electrolyteFromText } from './electrolyteFromText.js';
import { SOLUTES } from './transportData.js';

/**
 * Equilibrium diffuse double layer at the electrode: the generalized modified Poisson–Boltzmann (GMPB) model,
 * i.e. the zero-current steady state of the GMPNP equations of Bohra et al. (Energy Environ. Sci. 2019, 12, 3380,
 * doi:10.1039/C9EE02485A) with the Bikerman steric chemical potential −kT·ln(1 − Σ_j N_A a_j³ c_j) shared by all
 * ions, a Stern layer of given capacitance between the metal and the outer Helmholtz plane (OHP), and the
 * potential of zero charge (pzc) as the reference of the metal potential (Ringe et al., Energy Environ. Sci. 2019,
 * 12, 3001, doi:10.1039/C9EE01341E, use the same three ingredients).
 *
 * Equilibrium closes the Boltzmann–Bikerman distribution in explicit form. With ψ = eφ/kT (φ relative to the
 * diffuse-layer edge, the bulk), E_i = c_i^b·exp(−z_i ψ) and ν_i = N_A a_i³,
 *   c_i(ψ) = E_i / (Φ_b + Σ_j ν_j E_j),   Φ_b = 1 − Σ_j ν_j c_j^b,
 * so every c_i is bounded by 1/ν_i (the steric limit, reached when one counter-ion fills the lattice).
 * Poisson: ε d²φ/dx² = −F Σ z_i c_i. Boundary conditions: φ → 0 at the far edge (x = L);
 * at the OHP (x = 0) the Stern layer, σ_M = C_S·(E − φ_OHP) = −ε dφ/dx|₀ (E = metal potential vs pzc).
 */

/** Relative permittivity of water at 25 °C, 78.4 (CRC Handbook of Chemistry and Physics, "Permittivity of water"; the value LLNL/echemfem examples/BMCSL.py uses). */
export const WATER_RELATIVE_PERMITTIVITY = 78.4;
/** Vacuum permittivity ε₀, F m⁻¹ (CODATA 2018, Tiesinga et al., Rev. Mod. Phys. 93, 025010 (2021)). */
export const VACUUM_PERMITTIVITY_F_PER_M = 8.8541878128e-12;
/** Default Stern-layer capacitance, F m⁻² (20 µF cm⁻², the order of Helmholtz capacitances of metals in water; Bard & Faulkner, Electrochemical Methods, 2nd ed., ch. 13). */
export const DEFAULT_STERN_CAPACITANCE_F_PER_M2 = 0.2;

/** A solvated-ion diameter with its source. */
export interface IonDiameter {
  /** Solvated (hydrated) diameter a_i, nm; the Bikerman lattice cell is a_i³. */
  diameterNm: number;
  source: string;
}

/**
 * Where the solvated diameters come from. The paper's Table 1 could not be opened with the tools available (only
 * its abstract pages); the values below were checked one by one against the parameter file of the authors' own
 * GMPNP code, which its README says produced the paper's results: divyabohra/GMPNP, `utilities/parameters.yaml`
 * (key `solv_size`, commit 2b0843f9a653b192dca290ad324146ec2205f527; its comment: "find in Marcus, Entremont and
 * ncbi study"). They are commonly quoted as twice the hydrated radii of Nightingale, J. Phys. Chem. 1959, 63, 1381
 * (doi:10.1021/j150579a011); that table was not opened here.
 */
const BOHRA_GMPNP =
  'solv_size in utilities/parameters.yaml of divyabohra/GMPNP (commit 2b0843f9a653b192dca290ad324146ec2205f527), the code of Bohra et al., Energy Environ. Sci. 2019, 12, 3380 (doi:10.1039/C9EE02485A)';

/**
 * Solvated diameters, nm, each equal to the `solv_size` entry of the authors' GMPNP parameter file (see
 * `BOHRA_GMPNP`): Li⁺ 0.764, Na⁺ 0.716, K⁺ 0.662, Cs⁺ 0.658, H⁺ 0.56, OH⁻ 0.60, CO₃²⁻ 0.788. LLNL/echemfem
 * examples/BMCSL.py independently uses 0.76 nm for Li⁺ and 0.66 nm for Cs⁺ (López-García et al., J. Colloid
 * Interface Sci. 2007, doi:10.1016/j.jcis.2007.08.006). The same file gives HCO₃⁻ 0.8 nm marked "guess value":
 * not taken. HCO₃⁻, NO₃⁻, NO₂⁻, SO₄²⁻ and NH₄⁺ have no sourced size here and are treated as point ions, with a warning
 * (`ionDiametersNm` sets a size).
 */
export const SOLVATED_DIAMETERS_NM: Readonly<Record<string, IonDiameter>> = {
  'Li+': { diameterNm: 0.764, source: BOHRA_GMPNP },
  'Na+': { diameterNm: 0.716, source: BOHRA_GMPNP },
  'K+': { diameterNm: 0.662, source: BOHRA_GMPNP },
  'Cs+': { diameterNm: 0.658, source: BOHRA_GMPNP },
  'H+': { diameterNm: 0.56, source: BOHRA_GMPNP },
  'OH-': { diameterNm: 0.6, source: BOHRA_GMPNP },
  'CO3^2-': { diameterNm: 0.788, source: BOHRA_GMPNP },
};

/** One ion in the electrolyte at the diffuse-layer edge. */
export interface DoubleLayerIon {
  /** Name, e.g. `K+`, `CO3^2-`. */
  name: string;
  /** Charge number z (signed, non-zero). */
  chargeNumber: number;
  /** Concentration at the diffuse-layer edge, mol m⁻³ (= mM). */
  bulkMolPerM3: number;
  /** Solvated diameter, nm; 0 = point ion (Gouy–Chapman). */
  diameterNm: number;
}

/** Options of {@link solveDoubleLayer}. */
export interface SolveDoubleLayerOptions {
  /** Ions at the diffuse-layer edge; must be electroneutral to 1e-6 of the ionic strength. */
  ions: DoubleLayerIon[];
  /** Metal potential relative to the potential of zero charge, V (E − E_pzc; negative = cathodic). */
  potentialVvsPzc: number;
  /** Stern-layer capacitance, F m⁻²; `Infinity` puts the diffuse layer at the metal (φ_OHP = E − E_pzc). Default 0.2. */
  sternCapacitanceFPerM2?: number;
  /** Relative permittivity of the diffuse layer. Default 78.4 (water, 25 °C). */
  relativePermittivity?: number;
  /** Temperature, K. Default 298.15. */
  temperatureK?: number;
  /** Domain length, m. Default 40 Debye lengths + 20 nm. */
  domainLengthM?: number;
  /** First cell at the OHP, m. Default min(λ_D/200, 2 pm). */
  firstCellM?: number;
  /** Geometric growth of cell widths away from the OHP. Default 1.04. */
  meshGrowth?: number;
}

/** Result of {@link solveDoubleLayer}; x is the distance from the OHP into the solution. */
export interface DoubleLayerResult {
  /** Node positions, m (x = 0 at the OHP). */
  xM: number[];
  /** Potential relative to the diffuse-layer edge, V, at each node. */
  potentialV: number[];
  /** Concentration of each ion at each node, mol m⁻³. */
  concentrationsMolPerM3: Record<string, number[]>;
  /** Potential at the OHP relative to the bulk, V. */
  ohpPotentialV: number;
  /** Potential drop across the Stern layer, V (E − E_pzc − φ_OHP). */
  sternDropV: number;
  /** Metal surface charge density, C m⁻² (σ_M = C_S·(E − φ_OHP); the diffuse layer holds −σ_M). */
  surfaceChargeCPerM2: number;
  /** Diffuse-layer charge integrated from the profile, C m⁻² (checks Gauss's law: ≈ −σ_M). */
  diffuseChargeCPerM2: number;
  /** Field at the OHP on the solution side, V m⁻¹, along x (from the metal into the solution): −dφ/dx = σ_M/ε. */
  ohpFieldVPerM: number;
  /** Concentration of each ion at the OHP, mol m⁻³. */
  ohpConcentrationsMolPerM3: Record<string, number>;
  /** Steric limit 1/(N_A a³) of each ion with a size, mol m⁻³ (Infinity for point ions). */
  stericLimitMolPerM3: Record<string, number>;
  /** Debye length of the bulk electrolyte, m. */
  debyeLengthM: number;
  /** Newton iterations used. */
  iterations: number;
  /** Final max-norm of the Newton update, in units of kT/e. */
  residualStep: number;
}

const cell = (n: number) => new Float64Array(n);

/**
 * Solves the equilibrium GMPB double layer (Newton on a graded 1-D mesh, tridiagonal Jacobian).
 * @throws {InputError} for a non-neutral or empty ion set, a negative size or concentration, or out-of-range options
 * @throws {Error} if Newton does not converge in 500 iterations (never returns an unconverged profile)
 * @example solveDoubleLayer({ ions: [{ name: 'K+', chargeNumber: 1, bulkMolPerM3: 100, diameterNm: 0.662 }, { name: 'Cl-', chargeNumber: -1, bulkMolPerM3: 100, diameterNm: 0 }], potentialVvsPzc: -0.5 }).ohpConcentrationsMolPerM3['K+']
 */
export function solveDoubleLayer(options: SolveDoubleLayerOptions): DoubleLayerResult {
  const o = options;
  const T = assertFiniteInRange('temperatureK', o.temperatureK ?? STANDARD_TEMPERATURE_K, 200, 500, 'K');
  const epsR = assertFiniteInRange('relativePermittivity', o.relativePermittivity ?? WATER_RELATIVE_PERMITTIVITY, 1, 200);
  const E = assertFiniteInRange('potentialVvsPzc', o.potentialVvsPzc, -3, 3, 'V');
  const cS = o.sternCapacitanceFPerM2 ?? DEFAULT_STERN_CAPACITANCE_F_PER_M2;
  if (!(cS > 0)) throw new InputError('sternCapacitanceFPerM2', 'a positive number of F m⁻² (or Infinity for no Stern layer)', `got ${cS}`);
  if (o.ions.length === 0) throw new InputError('ions', 'at least one cation and one anion', 'empty');
  const n = o.ions.length;
  const z = cell(n);
  const cb = cell(n);
  const nu = cell(n);
  let charge = 0;
  let ionicStrength = 0;
  let phiB = 1;
  o.ions.forEach((ion, i) => {
    if (!Number.isInteger(ion.chargeNumber) || ion.chargeNumber === 0)
      throw new InputError(`ions[${i}].chargeNumber`, 'a non-zero integer', `got ${ion.chargeNumber}`);
    if (!(ion.bulkMolPerM3 >= 0 && Number.isFinite(ion.bulkMolPerM3)))
      throw new InputError(`ions[${i}].bulkMolPerM3`, 'a finite concentration ≥ 0 mol m⁻³', `got ${ion.bulkMolPerM3}`);
    if (!(ion.diameterNm >= 0 && ion.diameterNm < 5)) throw new InputError(`ions[${i}].diameterNm`, 'a diameter from 0 to 5 nm', `got ${ion.diameterNm}`);
    z[i] = ion.chargeNumber;
    cb[i] = ion.bulkMolPerM3;
    nu[i] = AVOGADRO_PER_MOL * (ion.diameterNm * 1e-9) ** 3;
    charge += ion.chargeNumber * ion.bulkMolPerM3;
    ionicStrength += 0.5 * ion.chargeNumber ** 2 * ion.bulkMolPerM3;
    phiB -= nu[i]! * ion.bulkMolPerM3;
  });
  if (!(ionicStrength > 0)) throw new InputError('ions', 'a positive ionic strength', 'all concentrations are 0');
  if (Math.abs(charge) > 1e-6 * ionicStrength) throw new InputError('ions', 'an electroneutral bulk (Σ z_i c_i = 0)', `net charge ${charge} mol m⁻³`);
  if (!(phiB > 0.01))
    throw new InputError('ions', 'a bulk that fills less than 99 % of the volume (Σ N_A a³ c < 0.99)', `ions fill ${((1 - phiB) * 100).toFixed(1)} %`);

  const eps = epsR * VACUUM_PERMITTIVITY_F_PER_M;
  const thermalV = (BOLTZMANN_J_PER_K * T) / ELEMENTARY_CHARGE_C;
  const debyeLengthM = Math.sqrt((eps * GAS_CONSTANT_J_PER_MOL_K * T) / (2 * FARADAY_C_PER_MOL ** 2 * ionicStrength));
  const L = o.domainLengthM ?? 40 * debyeLengthM + 20e-9;
  const h0 = o.firstCellM ?? Math.min(debyeLengthM / 200, 2e-12);
  const growth = o.meshGrowth ?? 1.04;
  assertFiniteInRange('domainLengthM', L, 1e-9, 1e-3, 'm');
  assertFiniteInRange('firstCellM', h0, 1e-15, L / 10, 'm');
  assertFiniteInRange('meshGrowth', growth, 1, 1.5);
  const hMax = Math.max(h0, debyeLengthM / 4);
  const xs: number[] = [0];
  for (let h = h0; xs[xs.length - 1]! < L; h = Math.min(h * growth, hMax)) xs.push(xs[xs.length - 1]! + h);
  xs[xs.length - 1] = Math.max(L, xs[xs.length - 2]! + h0);
  const N = xs.length - 1; // unknowns ψ_0..ψ_{N−1}; ψ_N = 0
  const hs = cell(N);
  for (let i = 0; i < N; i++) hs[i] = xs[i + 1]! - xs[i]!;

  // ρ(ψ) in C m⁻³ and dρ/dψ; work arrays outside the loop
  const ex = cell(n);
  const rhoAt = (psi: number, out: Float64Array) => {
    let denom = phiB;
    let s1 = 0; // Σ ν_j z_j E_j
    for (let j = 0; j < n; j++) {
      const ej = cb[j]! * Math.exp(-z[j]! * psi);
      ex[j] = ej;
      denom += nu[j]! * ej;
      s1 += nu[j]! * z[j]! * ej;
    }
    let rho = 0;
    let drho = 0;
    for (let j = 0; j < n; j++) {
      const c = ex[j]! / denom;
      rho += z[j]! * c;
      drho += z[j]! * (-z[j]! * c + (c * s1) / denom);
    }
    out[0] = FARADAY_C_PER_MOL * rho;
    out[1] = FARADAY_C_PER_MOL * drho;
    return denom;
  };

  const kT = eps * thermalV; // ε·kT/e, C m⁻¹ per unit ψ-gradient
  const psiE = E / thermalV;
  const finiteStern = Number.isFinite(cS);
  const psi = cell(N);
  // initial guess: Gouy–Chapman-like decay of half the applied potential
  for (let i = 0; i < N; i++) psi[i] = (finiteStern ? 0.5 : 1) * psiE * Math.exp(-xs[i]! / debyeLengthM);
  const jac = new TridiagonalSolver(N);
  const a = jac.lower;
  const b = jac.diagonal;
  const c = jac.upper;
  const r = cell(N);
  const rr = cell(2);
  let iterations = 0;
  let step = Infinity;
  for (; iterations < 500 && step > 1e-10; iterations++) {
    for (let i = 0; i < N; i++) {
      rhoAt(psi[i]!, rr);
      const right = psi[i + 1] ?? 0;
      const left = i > 0 ? psi[i - 1]! : 0;
      const wR = kT / hs[i]!;
      const vol = i > 0 ? 0.5 * (hs[i - 1]! + hs[i]!) : 0.5 * hs[0]!;
      // residual: ε(kT/e)·[flux balance] + ρ·volume (Robin / Dirichlet at node 0)
      if (i === 0) {
        if (finiteStern) {
          r[0] = wR * (right - psi[0]!) + cS * thermalV * (psiE - psi[0]!) + rr[0]! * vol;
          a[0] = 0;
          b[0] = -wR - cS * thermalV + rr[1]! * vol;
          c[0] = wR;
        } else {
          r[0] = psiE - psi[0]!;
          a[0] = 0;
          b[0] = -1;
          c[0] = 0;
        }
      } else {
        const wL = kT / hs[i - 1]!;
        r[i] = wR * (right - psi[i]!) - wL * (psi[i]! - left) + rr[0]! * vol;
        a[i] = wL;
        b[i] = -wR - wL + rr[1]! * vol;
        c[i] = i < N - 1 ? wR : 0;
      }
    }
    // solve J·δ = −r (Thomas algorithm, src/numerics/tridiagonal.ts), in place in r
    for (let i = 0; i < N; i++) r[i] = -r[i]!;
    if (!jac.solve(r)) {
      step = Number.NaN; // a zero pivot: reported as not converged below
      break;
    }
    step = 0;
    for (let i = 0; i < N; i++) step = Math.max(step, Math.abs(r[i]!));
    // damping: no node moves by more than 2 kT/e per iteration
    const scale = step > 2 ? 2 / step : 1;
    for (let i = 0; i < N; i++) psi[i] = psi[i]! + scale * r[i]!;
    if (!Number.isFinite(step)) break;
  }
  if (!(step <= 1e-10)) throw new Error(`double layer: Newton did not converge (last update ${step} kT/e after ${iterations} iterations)`);

  const names = o.ions.map((ion) => ion.name);
  const conc: Record<string, number[]> = Object.fromEntries(names.map((nm) => [nm, [] as number[]]));
  const potentialV: number[] = [];
  let diffuse = 0;
  for (let i = 0; i <= N; i++) {
    const p = i < N ? psi[i]! : 0;
    potentialV.push(p * thermalV);
    const denom = rhoAt(p, rr);
    for (let j = 0; j < n; j++) conc[names[j]!]!.push(ex[j]! / denom);
    const w = i === 0 ? hs[0]! / 2 : i === N ? hs[N - 1]! / 2 : 0.5 * (hs[i - 1]! + hs[i]!);
    diffuse += rr[0]! * w;
  }
  const ohpPotentialV = psi[0]! * thermalV;
  // σ_M from the Stern relation, or from the flux through the first half cell (Gauss) without a Stern layer
  rhoAt(psi[0]!, rr);
  const sigma = finiteStern ? cS * (E - ohpPotentialV) : -((kT * (psi[1]! - psi[0]!)) / hs[0]! + (rr[0]! * hs[0]!) / 2);
  return {
    xM: xs,
    potentialV,
    concentrationsMolPerM3: conc,
    ohpPotentialV,
    sternDropV: E - ohpPotentialV,
    surfaceChargeCPerM2: sigma,
    diffuseChargeCPerM2: diffuse,
    ohpFieldVPerM: sigma / eps,
    ohpConcentrationsMolPerM3: Object.fromEntries(names.map((nm) => [nm, conc[nm]![0]!])),
    stericLimitMolPerM3: Object.fromEntries(names.map((nm, j) => [nm, nu[j]! > 0 ? 1 / nu[j]! : Infinity])),
    debyeLengthM,
    iterations,
    residualStep: step,
  };
}

/** Options of {@link doubleLayerFromElectrolyte}: {@link SolveDoubleLayerOptions} without `ions`. */
export interface DoubleLayerFromElectrolyteOptions extends Omit<SolveDoubleLayerOptions, 'ions'> {
  /** Printed electrolyte, e.g. "0.1 M KHCO3" or "0.05 M Cs2SO4" (Li/Na/K/Cs salts that `bulkComposition` knows). */
  electrolyte: string;
  /** Bulk saturated with 1 bar CO2 (fixes the bulk pH of bicarbonate). Default false. */
  co2Saturated?: boolean;
  /** Override or add solvated diameters, nm, by ion name (e.g. `{ 'HCO3-': 0.8 }`). */
  ionDiametersNm?: Record<string, number>;
}

/** Result of {@link doubleLayerFromElectrolyte}: the profile plus the OHP summary. */
export interface DoubleLayerFromElectrolyteResult extends DoubleLayerResult {
  /** Cation names in the electrolyte, e.g. ['K+']. */
  cations: string[];
  /** Bulk pH (diffuse-layer edge). */
  bulkPH: number;
  /**
   * pH at the OHP as an activity: pH_OHP = pH_bulk + e·φ_OHP/(kT·ln 10) (the proton's electrochemical potential,
   * steric term included, is uniform at equilibrium). Where cations crowd the OHP the steric factor lowers the
   * H⁺ *concentration* below this activity: see {@link ohpConcentrationPH}.
   */
  ohpPH: number;
  /**
   * −log10 of the H⁺ concentration at the OHP (mol L⁻¹) that {@link DoubleLayerResult.ohpConcentrationsMolPerM3}
   * reports; NaN when H⁺ is not among the ions. Equals {@link ohpPH} without steric crowding.
   */
  ohpConcentrationPH: number;
  /** OH⁻ at the OHP including the steric factor, mol m⁻³. */
  ohpHydroxideMolPerM3: number;
  /** Total cation concentration at the OHP, mol m⁻³. */
  ohpCationMolPerM3: number;
  /** Diameter used for each ion, nm, and its source ("point ion: no sourced size" when 0 by default). */
  diametersNm: Record<string, IonDiameter>;
  /** Warnings (e.g. ions treated as point ions). */
  warnings: string[];
}

/**
 * The equilibrium double layer of a printed electrolyte (Li⁺/Na⁺/K⁺/Cs⁺ salts that {@link bulkComposition}
 * knows), with the solvated diameters of {@link SOLVATED_DIAMETERS_NM}.
 * @throws {InputError} for an unknown salt, a salt without an alkali cation, or out-of-range options
 * @example doubleLayerFromElectrolyte({ electrolyte: '0.1 M KHCO3', potentialVvsPzc: -0.5 }).ohpCationMolPerM3
 */
export function doubleLayerFromElectrolyte(options: DoubleLayerFromElectrolyteOptions): DoubleLayerFromElectrolyteResult {
  // the electrolyte parser's species: each salt cation under its own name (Li+, Na+, K+, Cs+)
  const bulk = electrolyteFromText(options.electrolyte, options.co2Saturated ?? false);
  if (bulk.cations.length === 0)
    throw new InputError('electrolyte', 'at least one Li, Na, K or Cs salt, e.g. "0.1 M KHCO3"', `"${options.electrolyte}" has no alkali cation`);
  const warnings: string[] = [];
  const diametersNm: Record<string, IonDiameter> = {};
  const ions: DoubleLayerIon[] = [];
  for (const [name, value] of Object.entries(bulk.concentrations)) {
    const zi = SOLUTES.find((x) => x.name === name)?.charge ?? 0;
    if (zi === 0 || !(value > 0)) continue;
    const override = options.ionDiametersNm?.[name];
    let d: IonDiameter;
    if (override !== undefined) d = { diameterNm: assertFiniteInRange(`ionDiametersNm.${name}`, override, 0, 5, 'nm'), source: 'user input' };
    else if (SOLVATED_DIAMETERS_NM[name]) d = SOLVATED_DIAMETERS_NM[name];
    else {
      d = { diameterNm: 0, source: 'point ion: no sourced solvated size' };
      warnings.push(`${name}: no sourced solvated size; treated as a point ion (set ionDiametersNm to change)`);
    }
    diametersNm[name] = d;
    ions.push({ name, chargeNumber: zi, bulkMolPerM3: value, diameterNm: d.diameterNm });
  }
  // exact neutrality: the bisection pH leaves ~1e-12 relative; absorb the remainder in the largest cation
  const net = ions.reduce((s, i) => s + i.chargeNumber * i.bulkMolPerM3, 0);
  const major = ions.filter((i) => i.chargeNumber > 0).sort((p, q) => q.bulkMolPerM3 - p.bulkMolPerM3)[0];
  if (major) major.bulkMolPerM3 -= net / major.chargeNumber;
  const result = solveDoubleLayer({ ...options, ions });
  // a point ion has no steric bound: where it piles up beyond what any sized ion here can pack to, its size decides the result
  const sizedLimits = ions.filter((i) => i.diameterNm > 0).map((i) => result.stericLimitMolPerM3[i.name]!);
  const packing = Math.max(...sizedLimits); // the smallest sized ion's limit, the densest packing here
  for (const ion of ions) {
    const atOhp = result.ohpConcentrationsMolPerM3[ion.name]!;
    if (ion.diameterNm === 0 && atOhp > packing)
      warnings.push(
        `${ion.name}: ${atOhp.toPrecision(3)} mol m⁻³ at the OHP as a point ion, above the ${packing.toPrecision(3)} mol m⁻³ that the smallest sized ion here (the densest packing) reaches: the result there depends on its unknown size (set ionDiametersNm.${ion.name})`,
      );
  }
  const thermalV = (BOLTZMANN_J_PER_K * (options.temperatureK ?? STANDARD_TEMPERATURE_K)) / ELEMENTARY_CHARGE_C;
  const cations = bulk.cations;
  return {
    ...result,
    cations,
    bulkPH: bulk.pH,
    ohpPH: bulk.pH + result.ohpPotentialV / (thermalV * Math.LN10),
    ohpConcentrationPH: (result.ohpConcentrationsMolPerM3['H+'] ?? 0) > 0 ? -Math.log10(result.ohpConcentrationsMolPerM3['H+']! / 1000) : Number.NaN,
    ohpHydroxideMolPerM3: result.ohpConcentrationsMolPerM3['OH-'] ?? Number.NaN,
    ohpCationMolPerM3: cations.reduce((s, k) => s + (result.ohpConcentrationsMolPerM3[k] ?? 0), 0),
    diametersNm,
    warnings,
  };
}
