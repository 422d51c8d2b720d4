import { FARADAY_C_PER_MOL, InputError, assertFiniteInRange } from '../chem/index.js';
import { luFactor, luSolve } from '../chem/denseLU.js';
import { type ElectrodeProduct, electrodeStoichiometry } from './electrodeStoichiometry.js';
import { HOMOGENEOUS_REACTIONS, SOLUTES, type Solute } from './transportData.js';

/** Geometry, chemistry and electrode reactions of a boundary layer (shared by steady and transient solves). */
export interface BoundaryLayerInput {
  /** Bulk concentrations, mol m⁻³ (e.g. from bulkComposition). */
  bulk: Record<string, number>;
  products: ElectrodeProduct[];
  /** Boundary-layer thickness δ, m (default 50 µm). */
  boundaryLayerM?: number;
  /** Grid cells (default 200), geometrically refined towards the electrode. */
  cells?: number;
  /** Include the homogeneous reactions (default true); false gives pure diffusion (analytic checks). */
  homogeneousReactions?: boolean;
}

/**
 * Time-derivative term of an implicit (BDF) step, per unit volume, mol m⁻³ s⁻¹:
 * dc/dt ≈ leadPerS·c + history[n], with history from earlier steps.
 */
export interface TimeTerm {
  leadPerS: number;
  history: Float64Array;
}

/** Solutes that take part: present in the bulk or at the electrode, closed under the homogeneous reactions. */
function activeSolutes(bulk: Record<string, number>, stoich: Record<string, number>, withReactions: boolean): Solute[] {
  const reactions = withReactions ? HOMOGENEOUS_REACTIONS : [];
  const active = new Set(Object.keys(bulk).filter((s) => (bulk[s] ?? 0) > 0));
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
  return SOLUTES.filter((s) => active.has(s.name));
}

/**
 * Finite-volume discretization of 1-D diffusion–reaction across a boundary layer: cell widths growing
 * geometrically (ratio 1.03) from the electrode (x = 0) to the bulk (x = δ, fixed concentrations), unknowns
 * the logarithms of the concentrations at the K nodes x₀…x_{K−1}, every homogeneous reaction with finite
 * forward and backward rates, electrode fluxes from the current density and FEs. Residuals are conservative
 * (mol m⁻² s⁻¹ per control volume); the Jacobian is block-tridiagonal and solved by the block Thomas algorithm.
 */
export function boundaryLayer(input: BoundaryLayerInput) {
  const delta = input.boundaryLayerM ?? 50e-6;
  assertFiniteInRange('boundaryLayerM', delta, 1e-7, 1e-2, 'm');
  const cells = input.cells ?? 200;
  if (!Number.isInteger(cells) || cells < 10 || cells > 5000) throw new InputError('cells', 'an integer from 10 to 5000', `got ${cells}`);
  const stoich = electrodeStoichiometry(input.products);
  const withReactions = input.homogeneousReactions !== false;
  const solutes = activeSolutes(input.bulk, stoich, withReactions);
  const S = solutes.length;
  const index = new Map(solutes.map((s, i) => [s.name, i]));
  const D = solutes.map((s) => s.diffusionM2PerS);
  const bulk = solutes.map((s) => Math.max(input.bulk[s.name] ?? 0, 1e-12));
  const rx = (withReactions ? HOMOGENEOUS_REACTIONS : []).filter((r) => [...r.reactants, ...r.products].every((s) => index.has(s)));
  const rxReact = rx.map((r) => r.reactants.map((s) => index.get(s)!));
  const rxProd = rx.map((r) => r.products.map((s) => index.get(s)!));

  const ratio = 1.03;
  const h0 = (delta * (ratio - 1)) / (ratio ** cells - 1);
  const h = Array.from({ length: cells }, (_, k) => h0 * ratio ** k);
  const x = [0];
  for (const w of h) x.push(x.at(-1)! + w);
  const K = cells; // unknown nodes 0..K-1; node K is the bulk (fixed)
  /** Control-volume width of node k, m. */
  const vol = (k: number) => (k === 0 ? h[0]! / 2 : (h[k - 1]! + h[k]!) / 2);

  const u = new Float64Array(K * S);
  for (let k = 0; k < K; k++) for (let i = 0; i < S; i++) u[k * S + i] = Math.log(bulk[i]!);
  const c = (k: number, i: number) => (k === K ? bulk[i]! : Math.exp(u[k * S + i]!));
  const F = new Float64Array(K * S);
  const scale = new Float64Array(K * S);
  const flux = new Float64Array(S);

  /** Residuals at current density jA (A m⁻²); returns the largest scaled residual. */
  const evaluate = (jA: number, time?: TimeTerm) => {
    for (let i = 0; i < S; i++) flux[i] = ((stoich[solutes[i]!.name] ?? 0) * jA) / FARADAY_C_PER_MOL;
    for (let k = 0; k < K; k++) {
      const V = vol(k);
      for (let i = 0; i < S; i++) {
        const right = (D[i]! * (c(k + 1, i) - c(k, i))) / h[k]!;
        const left = k === 0 ? 0 : (D[i]! * (c(k, i) - c(k - 1, i))) / h[k - 1]!;
        let f = right - left + (k === 0 ? flux[i]! : 0);
        let sc = Math.abs(right) + Math.abs(left) + (k === 0 ? Math.abs(flux[i]!) : 0) + (D[i]! * c(k, i)) / h[k]!;
        if (time) {
          const n = k * S + i;
          const accumulation = (time.leadPerS * c(k, i) + time.history[n]!) * V;
          f -= accumulation;
          sc += Math.abs(time.leadPerS * c(k, i) * V) + Math.abs(time.history[n]! * V);
        }
        F[k * S + i] = f;
        scale[k * S + i] = sc;
      }
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
  const jacobian = (time?: TimeTerm) => {
    for (let k = 0; k < K; k++) {
      A[k]!.fill(0);
      B[k]!.fill(0);
      C[k]!.fill(0);
      const V = vol(k);
      for (let i = 0; i < S; i++) {
        const row = i * S + i;
        B[k]![row]! -= (D[i]! / h[k]! + (k === 0 ? 0 : D[i]! / h[k - 1]!)) * c(k, i);
        if (time) B[k]![row]! -= time.leadPerS * c(k, i) * V;
        if (k + 1 < K) C[k]![row]! += (D[i]! / h[k]!) * c(k + 1, i);
        if (k > 0) A[k]![row]! += (D[i]! / h[k - 1]!) * c(k - 1, i);
      }
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
      // Cp_k = Bp_k⁻¹ C_k (column by column); rhs_k = Bp_k⁻¹ rhs_k
      const cpk = new Float64Array(S * S);
      const col = new Float64Array(S);
      for (let j = 0; j < S; j++) {
        for (let i = 0; i < S; i++) col[i] = C[k]![i * S + j]!;
        luSolve(Bp[k]!, S, p, col);
        for (let i = 0; i < S; i++) cpk[i * S + j] = col[i]!;
      }
      Cp.push(cpk);
      luSolve(Bp[k]!, S, p, rhs.subarray(k * S, k * S + S));
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

  let newtonIterations = 0;
  /** Damped Newton from the current u at current density jA; true when converged (u then holds the solution). */
  const newton = (jA: number, time?: TimeTerm): boolean => {
    for (let it = 0; it < 100; it++) {
      if (evaluate(jA, time) < 1e-10) return true;
      newtonIterations++;
      jacobian(time);
      if (!solveBlocks()) return false;
      let maxStep = 0;
      for (let n = 0; n < K * S; n++) maxStep = Math.max(maxStep, Math.abs(du[n]!));
      const lambda = maxStep > 2 ? 2 / maxStep : 1;
      for (let n = 0; n < K * S; n++) u[n] = Math.max(-80, u[n]! + lambda * du[n]!);
    }
    return false;
  };

  const hIndex = index.get('H+');
  /** pH at node k (NaN when H+ is not modelled). */
  const pHAt = (k: number) => (hIndex === undefined ? Number.NaN : -Math.log10(c(k, hIndex) / 1000));
  /** Concentration profiles, mol m⁻³, nodes 0…K. */
  const profiles = () => Object.fromEntries(solutes.map((s, i) => [s.name, Array.from({ length: K + 1 }, (_, k) => c(k, i))]));
  /** Limiting current density of each consumed solute from diffusion alone, A m⁻²: F·D·c_bulk/(δ·s). */
  const limitingCurrents = () => {
    const out: Record<string, number> = {};
    solutes.forEach((s, i) => {
      const consumed = -(stoich[s.name] ?? 0);
      if (consumed > 0) out[s.name] = (FARADAY_C_PER_MOL * D[i]! * bulk[i]!) / (delta * consumed);
    });
    return out;
  };

  return {
    delta,
    stoich,
    solutes,
    index,
    bulk,
    x,
    K,
    S,
    u,
    c,
    vol,
    newton,
    newtonIterations: () => newtonIterations,
    pHAt,
    profiles,
    limitingCurrents,
  };
}

/** The discretized boundary layer returned by {@link boundaryLayer}. */
export type BoundaryLayer = ReturnType<typeof boundaryLayer>;
