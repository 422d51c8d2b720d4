import { FARADAY_C_PER_MOL, InputError, assertFiniteInRange, balanceHalfReaction } from '../chem/index.js';
import { luFactor, luSolve } from '../chem/denseLU.js';
import { HOMOGENEOUS_REACTIONS, SOLUTES } from './transportData.js';

/** One faradaic product at the electrode: its half-reaction (sources → product) and its FE. */
export interface ElectrodeProduct {
  from: string[];
  to: string;
  /** Faradaic efficiency, fraction. */
  faradaicEfficiency: number;
}

/** Inputs of {@link solveMicroenvironment}. */
export interface MicroenvironmentInput {
  /** Bulk concentrations, mol m⁻³ (e.g. from bulkComposition). */
  bulk: Record<string, number>;
  /** Cathodic current density magnitude, A m⁻² (100 mA cm⁻² = 1000 A m⁻²). */
  currentDensityAPerM2: number;
  products: ElectrodeProduct[];
  /** Boundary-layer thickness δ, m (default 50 µm). */
  boundaryLayerM?: number;
  /** Grid cells (default 200), geometrically refined towards the electrode. */
  cells?: number;
  /** Include the homogeneous reactions (default true); false gives pure diffusion (analytic checks). */
  homogeneousReactions?: boolean;
}

/** Result of {@link solveMicroenvironment}. */
export interface MicroenvironmentResult {
  converged: boolean;
  /** Why not, when not converged (e.g. a reactant runs out at the surface). */
  message?: string;
  /** Node positions from the electrode (x = 0) to the bulk (x = δ), m. */
  xM: number[];
  /** Concentration profiles, mol m⁻³, of every active solute. */
  profiles: Record<string, number[]>;
  pHProfile: number[];
  surface: Record<string, number>;
  surfacePH: number;
  bulkPH: number;
  /** Net production of each solute at the electrode, mol m⁻² s⁻¹ (negative = consumed). */
  electrodeFluxMolPerM2S: Record<string, number>;
  /**
   * Limiting current density for each consumed solute, A m⁻², from diffusion alone:
   * j_lim = F·D·c_bulk / (δ·s), s = moles consumed per mole of electrons at these FEs.
   */
  limitingCurrentAPerM2: Record<string, number>;
  newtonIterations: number;
  continuationSteps: number;
  /** When a reactant runs out: the current density at which it does, A m⁻² (to ~0.1 %). */
  depletionCurrentAPerM2?: number;
}

/** Net production of each solute per mole of electrons, from the balanced half-reactions (alkaline form). */
export function electrodeStoichiometry(products: ElectrodeProduct[]): Record<string, number> {
  const perElectron: Record<string, number> = {};
  let feSum = 0;
  products.forEach((p, i) => {
    assertFiniteInRange(`products[${i}].faradaicEfficiency`, p.faradaicEfficiency, 0, 1, '(fraction)');
    feSum += p.faradaicEfficiency;
    const r = balanceHalfReaction(p.from, [p.to], { medium: 'alkaline' });
    const n = Math.abs(r.electrons);
    const perProduct = r.products.find((t) => t.species !== 'OH-' && t.species !== 'H2O')?.coefficient ?? 1;
    for (const [terms, sign] of [[r.reactants, -1], [r.products, 1]] as const) {
      for (const t of terms) {
        if (t.species === 'e-' || t.species === 'H2O') continue;
        perElectron[t.species] = (perElectron[t.species] ?? 0) + (sign * p.faradaicEfficiency * t.coefficient) / (n * perProduct);
      }
    }
  });
  if (feSum > 1 + 1e-9) throw new InputError('products', 'faradaic efficiencies that sum to at most 1', `they sum to ${feSum}`);
  return perElectron;
}

/**
 * Steady 1-D diffusion–reaction across a boundary layer of thickness δ at a planar electrode: finite-volume
 * discretization on a grid refined at the surface, every homogeneous reaction with finite forward and
 * backward rates, electrode fluxes from the current and FEs, bulk concentrations at x = δ. Newton on the
 * logarithms of the concentrations with a block-tridiagonal solve, and continuation in the current from 0.
 * Migration is neglected (supporting electrolyte); the result says when a reactant runs out instead of
 * returning a wrong profile.
 */
export function solveMicroenvironment(input: MicroenvironmentInput): MicroenvironmentResult {
  const delta = input.boundaryLayerM ?? 50e-6;
  assertFiniteInRange('boundaryLayerM', delta, 1e-7, 1e-2, 'm');
  assertFiniteInRange('currentDensityAPerM2', input.currentDensityAPerM2, 0, 1e5, 'A m⁻²');
  const cells = input.cells ?? 200;
  if (!Number.isInteger(cells) || cells < 10 || cells > 5000) throw new InputError('cells', 'an integer from 10 to 5000', `got ${cells}`);
  const stoich = electrodeStoichiometry(input.products);
  const reactions = input.homogeneousReactions === false ? [] : HOMOGENEOUS_REACTIONS;

  // active solutes: present in the bulk or at the electrode, closed under the reactions
  const active = new Set(Object.keys(input.bulk).filter((s) => (input.bulk[s] ?? 0) > 0));
  for (const s of Object.keys(stoich)) if (SOLUTES.some((x) => x.name === s)) active.add(s);
  if (reactions.length) ['H+', 'OH-'].forEach((s) => active.add(s));
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of reactions) {
      const sides = [r.reactants, r.products];
      for (const [a, b] of [[0, 1], [1, 0]] as const) {
        if (sides[a]!.length === 0 || !sides[a]!.every((s) => active.has(s))) continue;
        for (const s of sides[b]!) {
          if (active.has(s)) continue;
          active.add(s);
          changed = true;
        }
      }
    }
  }
  const solutes = SOLUTES.filter((s) => active.has(s.name));
  const S = solutes.length;
  const index = new Map(solutes.map((s, i) => [s.name, i]));
  const D = solutes.map((s) => s.diffusionM2PerS);
  const bulk = solutes.map((s) => Math.max(input.bulk[s.name] ?? 0, 1e-12));
  const rx = reactions.filter((r) => [...r.reactants, ...r.products].every((s) => index.has(s)));
  const rxReact = rx.map((r) => r.reactants.map((s) => index.get(s)!));
  const rxProd = rx.map((r) => r.products.map((s) => index.get(s)!));

  // grid: cell widths growing geometrically from the electrode, ratio 1.03 (≈1e-4 δ at the surface for 200 cells)
  const ratio = 1.03;
  const h0 = (delta * (ratio - 1)) / (ratio ** cells - 1);
  const h = Array.from({ length: cells }, (_, k) => h0 * ratio ** k);
  const x = [0];
  for (const w of h) x.push(x.at(-1)! + w);
  const K = cells; // unknown nodes 0..K-1; node K is the bulk (fixed)
  const vol = (k: number) => (k === 0 ? h[0]! / 2 : (h[k - 1]! + h[k]!) / 2);

  const u = new Float64Array(K * S);
  for (let k = 0; k < K; k++) for (let i = 0; i < S; i++) u[k * S + i] = Math.log(bulk[i]!);
  const c = (k: number, i: number) => (k === K ? bulk[i]! : Math.exp(u[k * S + i]!));
  const F = new Float64Array(K * S);
  const scale = new Float64Array(K * S);
  const flux = new Float64Array(S);

  const evaluate = (jA: number) => {
    for (let i = 0; i < S; i++) flux[i] = ((stoich[solutes[i]!.name] ?? 0) * jA) / FARADAY_C_PER_MOL;
    for (let k = 0; k < K; k++) {
      for (let i = 0; i < S; i++) {
        const right = (D[i]! * (c(k + 1, i) - c(k, i))) / h[k]!;
        const left = k === 0 ? 0 : (D[i]! * (c(k, i) - c(k - 1, i))) / h[k - 1]!;
        const f = right - left + (k === 0 ? flux[i]! : 0);
        F[k * S + i] = f;
        scale[k * S + i] = (Math.abs(right) + Math.abs(left) + (k === 0 ? Math.abs(flux[i]!) : 0)) + (D[i]! * c(k, i)) / h[k]!;
      }
      const V = vol(k);
      rx.forEach((r, q) => {
        let fwd = r.kForward;
        for (const i of rxReact[q]!) fwd *= c(k, i);
        let bwd = r.kBackward;
        for (const i of rxProd[q]!) bwd *= c(k, i);
        const net = (fwd - bwd) * V;
        for (const i of rxReact[q]!) {
          F[k * S + i]! -= net;
          scale[k * S + i]! += (fwd + bwd) * V;
        }
        for (const i of rxProd[q]!) {
          F[k * S + i]! += net;
          scale[k * S + i]! += (fwd + bwd) * V;
        }
      });
    }
    let max = 0;
    for (let n = 0; n < K * S; n++) max = Math.max(max, Math.abs(F[n]!) / scale[n]!);
    return max;
  };

  // block-tridiagonal Jacobian in log variables: A (to k−1), B (diag), C (to k+1), each S×S
  const A = Array.from({ length: K }, () => new Float64Array(S * S));
  const B = Array.from({ length: K }, () => new Float64Array(S * S));
  const C = Array.from({ length: K }, () => new Float64Array(S * S));
  const jacobian = () => {
    for (let k = 0; k < K; k++) {
      A[k]!.fill(0);
      B[k]!.fill(0);
      C[k]!.fill(0);
      for (let i = 0; i < S; i++) {
        const row = i * S + i;
        B[k]![row]! -= (D[i]! / h[k]! + (k === 0 ? 0 : D[i]! / h[k - 1]!)) * c(k, i);
        if (k + 1 < K) C[k]![row]! += (D[i]! / h[k]!) * c(k + 1, i);
        if (k > 0) A[k]![row]! += (D[i]! / h[k - 1]!) * c(k - 1, i);
      }
      const V = vol(k);
      rx.forEach((r, q) => {
        const fwd = r.kForward * rxReact[q]!.reduce((p, i) => p * c(k, i), 1);
        const bwd = r.kBackward * rxProd[q]!.reduce((p, i) => p * c(k, i), 1);
        // d(net)/du_j = fwd·[j in reactants] − bwd·[j in products] (log variables)
        const dnet = new Float64Array(S);
        for (const j of rxReact[q]!) dnet[j]! += fwd * V;
        for (const j of rxProd[q]!) dnet[j]! -= bwd * V;
        for (let j = 0; j < S; j++) {
          if (dnet[j] === 0) continue;
          for (const i of rxReact[q]!) B[k]![i * S + j]! -= dnet[j]!;
          for (const i of rxProd[q]!) B[k]![i * S + j]! += dnet[j]!;
        }
      });
    }
    // row scaling, like F
    for (let k = 0; k < K; k++) {
      for (let i = 0; i < S; i++) {
        const sc = 1 / scale[k * S + i]!;
        for (let j = 0; j < S; j++) {
          A[k]![i * S + j]! *= sc;
          B[k]![i * S + j]! *= sc;
          C[k]![i * S + j]! *= sc;
        }
      }
    }
  };
  const du = new Float64Array(K * S);
  /** Block Thomas algorithm: solves J du = −F/scale. */
  const solveBlocks = (): boolean => {
    const Bp = B.map((b) => Float64Array.from(b));
    const rhs = new Float64Array(K * S);
    for (let n = 0; n < K * S; n++) rhs[n] = -F[n]! / scale[n]!;
    const Cp: Float64Array[] = [];
    const pivs: Int32Array[] = [];
    for (let k = 0; k < K; k++) {
      if (k > 0) {
        // Bp_k -= A_k · Cp_{k−1}; rhs_k -= A_k · rhs_{k−1}
        const a = A[k]!;
        const cp = Cp[k - 1]!;
        for (let i = 0; i < S; i++) {
          for (let j = 0; j < S; j++) {
            let s = 0;
            for (let l = 0; l < S; l++) s += a[i * S + l]! * cp[l * S + j]!;
            Bp[k]![i * S + j]! -= s;
          }
          let s = 0;
          for (let l = 0; l < S; l++) s += a[i * S + l]! * rhs[(k - 1) * S + l]!;
          rhs[k * S + i]! -= s;
        }
      }
      const p = new Int32Array(S);
      if (!luFactor(Bp[k]!, S, p)) return false;
      pivs.push(p);
      // Cp_k = Bp_k⁻¹ C_k (column by column); rhs_k = Bp_k⁻¹ rhs_k
      const cpk = new Float64Array(S * S);
      const col = new Float64Array(S);
      for (let j = 0; j < S; j++) {
        for (let i = 0; i < S; i++) col[i] = C[k]![i * S + j]!;
        luSolve(Bp[k]!, S, p, col);
        for (let i = 0; i < S; i++) cpk[i * S + j] = col[i]!;
      }
      Cp.push(cpk);
      const seg = rhs.subarray(k * S, k * S + S);
      luSolve(Bp[k]!, S, p, seg);
    }
    for (let k = K - 2; k >= 0; k--) {
      for (let i = 0; i < S; i++) {
        let s = 0;
        for (let l = 0; l < S; l++) s += Cp[k]![i * S + l]! * rhs[(k + 1) * S + l]!;
        rhs[k * S + i]! -= s;
      }
    }
    du.set(rhs);
    return true;
  };

  const target = input.currentDensityAPerM2;
  let iterations = 0;
  let steps = 0;
  let message: string | undefined;
  let converged = false;
  let lastConverged = 0;
  // continuation in the current: from 0, up to the target in steps of 10^(1/8); a failed step is halved
  const levels = target === 0 ? [0] : [0, ...Array.from({ length: 25 }, (_, i) => target * 10 ** (-(24 - i) / 8))];
  const uSaved = new Float64Array(u);
  /** Newton from the current u at current density jA; true when converged (u then holds the solution). */
  const newtonAt = (jA: number): boolean => {
    for (let it = 0; it < 100; it++) {
      if (evaluate(jA) < 1e-10) return true;
      iterations++;
      jacobian();
      if (!solveBlocks()) return false;
      let maxStep = 0;
      for (let n = 0; n < K * S; n++) maxStep = Math.max(maxStep, Math.abs(du[n]!));
      const lambda = maxStep > 2 ? 2 / maxStep : 1;
      for (let n = 0; n < K * S; n++) u[n] = Math.max(-80, u[n]! + lambda * du[n]!);
    }
    return false;
  };
  let depletionCurrentAPerM2: number | undefined;
  for (const jA of levels) {
    steps++;
    uSaved.set(u);
    converged = newtonAt(jA);
    if (!converged) {
      // a consumed reactant driven to the floor at the surface: it runs out (diffusion plus homogeneous
      // reactions cannot supply it) — locate that current by bisection; otherwise a plain failure
      const starved = solutes.find((s, i) => (stoich[s.name] ?? 0) < 0 && u[i]! < -60);
      u.set(uSaved);
      if (starved) {
        let [lo, hi] = [lastConverged, jA];
        const uLo = new Float64Array(uSaved);
        for (let b = 0; b < 10; b++) {
          const mid = (lo + hi) / 2;
          u.set(uLo);
          if (newtonAt(mid)) {
            lo = mid;
            uLo.set(u);
          } else hi = mid;
        }
        u.set(uLo);
        depletionCurrentAPerM2 = (lo + hi) / 2;
        message = `${starved.name} runs out at the surface at ≈ ${depletionCurrentAPerM2.toPrecision(3)} A m⁻² (diffusion and homogeneous reactions cannot supply it); the profile shown is at ${lo.toPrecision(3)} A m⁻²`;
      } else {
        message = `no steady state at ${jA.toPrecision(3)} A m⁻² (last converged: ${lastConverged.toPrecision(3)} A m⁻²)`;
      }
      break;
    }
    lastConverged = jA;
  }
  // depletion: a consumed reactant at its floor means the current exceeds what diffusion can supply
  const limitingCurrentAPerM2: Record<string, number> = {};
  solutes.forEach((s, i) => {
    const consumed = -(stoich[s.name] ?? 0);
    if (consumed > 0) limitingCurrentAPerM2[s.name] = (FARADAY_C_PER_MOL * D[i]! * bulk[i]!) / (delta * consumed);
  });
  for (const [name, jl] of Object.entries(limitingCurrentAPerM2)) {
    const i = index.get(name)!;
    if (converged && c(0, i) < 1e-9 * bulk[i]!) {
      converged = false;
      message = `${name} runs out at the surface: ${target} A m⁻² exceeds its diffusion-limited current (≈ ${jl.toPrecision(3)} A m⁻² without homogeneous supply)`;
    }
  }
  if (!converged && !message) message = 'Newton did not converge';
  const profiles: Record<string, number[]> = {};
  solutes.forEach((s, i) => (profiles[s.name] = Array.from({ length: K + 1 }, (_, k) => c(k, i))));
  const hIndex = index.get('H+');
  const pHAt = (k: number) => (hIndex === undefined ? Number.NaN : -Math.log10(c(k, hIndex) / 1000));
  const electrodeFluxMolPerM2S: Record<string, number> = {};
  solutes.forEach((s) => (electrodeFluxMolPerM2S[s.name] = ((stoich[s.name] ?? 0) * target) / FARADAY_C_PER_MOL));
  return {
    converged,
    ...(message && !converged ? { message } : {}),
    xM: x,
    profiles,
    pHProfile: Array.from({ length: K + 1 }, (_, k) => pHAt(k)),
    surface: Object.fromEntries(solutes.map((s, i) => [s.name, c(0, i)])),
    surfacePH: pHAt(0),
    bulkPH: pHAt(K),
    electrodeFluxMolPerM2S,
    limitingCurrentAPerM2,
    newtonIterations: iterations,
    continuationSteps: steps,
    ...(depletionCurrentAPerM2 === undefined ? {} : { depletionCurrentAPerM2 }),
  };
}
