import { FARADAY_C_PER_MOL, GAS_CONSTANT_J_PER_MOL_K, InputError, STANDARD_TEMPERATURE_K, assertFiniteInRange } from '../chem/index.js';
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
  /**
   * Include migration (Nernst–Planck fluxes with the electroneutrality condition; default false, i.e. an
   * excess of supporting electrolyte). The bulk must then be electroneutral.
   */
  migration?: boolean;
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
 * forward and backward rates, electrode fluxes from the current density and FEs. With `migration`, the
 * dimensionless potential φ = Fψ/RT is one more unknown per node (0 in the bulk), the fluxes are Nernst–Planck
 * (−D(∇c + z·c·∇φ), face concentrations averaged) and each node's extra equation is electroneutrality
 * Σ z·c = 0. Residuals are conservative (mol m⁻² s⁻¹ per control volume); the Jacobian is block-tridiagonal
 * and solved by the block Thomas algorithm.
 */
export function boundaryLayer(input: BoundaryLayerInput) {
  const delta = input.boundaryLayerM ?? 50e-6;
  assertFiniteInRange('boundaryLayerM', delta, 1e-7, 1e-2, 'm');
  const cells = input.cells ?? 200;
  if (!Number.isInteger(cells) || cells < 10 || cells > 5000) throw new InputError('cells', 'an integer from 10 to 5000', `got ${cells}`);
  const stoich = electrodeStoichiometry(input.products);
  const withReactions = input.homogeneousReactions !== false;
  const migration = input.migration === true;
  const solutes = activeSolutes(input.bulk, stoich, withReactions);
  const S = solutes.length;
  const NV = S + (migration ? 1 : 0); // unknowns per node: log c of each solute, then φ
  const index = new Map(solutes.map((s, i) => [s.name, i]));
  const D = solutes.map((s) => s.diffusionM2PerS);
  const z = solutes.map((s) => s.charge);
  const bulk = solutes.map((s) => Math.max(input.bulk[s.name] ?? 0, 1e-12));
  if (migration) {
    const net = bulk.reduce((a, c, i) => a + z[i]! * c, 0);
    const total = bulk.reduce((a, c, i) => a + Math.abs(z[i]!) * c, 0);
    if (Math.abs(net) > 1e-6 * total) throw new InputError('bulk', 'an electroneutral bulk composition when migration is on', `net charge ${net.toPrecision(3)} mol m⁻³`);
  }
  const rx = (withReactions ? HOMOGENEOUS_REACTIONS : []).filter((r) => [...r.reactants, ...r.products].every((s) => index.has(s)));
  const rxReact = rx.map((r) => r.reactants.map((s) => index.get(s)!));
  const rxProd = rx.map((r) => r.products.map((s) => index.get(s)!));

  const ratio = 1.03;
  const h0 = (delta * (ratio - 1)) / (ratio ** cells - 1);
  const h = Array.from({ length: cells }, (_, k) => h0 * ratio ** k);
  const x = [0];
  for (const w of h) x.push(x.at(-1)! + w);
  const K = cells; // unknown nodes 0..K-1; node K is the bulk (fixed)
  const N = K * NV;
  /** Control-volume width of node k, m. */
  const vol = (k: number) => (k === 0 ? h[0]! / 2 : (h[k - 1]! + h[k]!) / 2);

  const u = new Float64Array(N);
  /** Sets every node to the bulk composition (and φ = 0): the zero-current solution. */
  const reset = () => {
    u.fill(0);
    for (let k = 0; k < K; k++) for (let i = 0; i < S; i++) u[k * NV + i] = Math.log(bulk[i]!);
  };
  reset();
  const c = (k: number, i: number) => (k === K ? bulk[i]! : Math.exp(u[k * NV + i]!));
  const phi = (k: number) => (k === K || !migration ? 0 : u[k * NV + S]!);
  /** Flux of solute i into node k across its face with node k+1, mol m⁻² s⁻¹ (diffusion plus migration). */
  const inflowFromRight = (k: number, i: number) => {
    let f = (D[i]! * (c(k + 1, i) - c(k, i))) / h[k]!;
    if (migration) f += (D[i]! * z[i]! * ((c(k, i) + c(k + 1, i)) / 2) * (phi(k + 1) - phi(k))) / h[k]!;
    return f;
  };
  const F = new Float64Array(N);
  const scale = new Float64Array(N);
  const flux = new Float64Array(S);

  /** Residuals at current density jA (A m⁻²); returns the largest scaled residual. */
  const evaluate = (jA: number, time?: TimeTerm) => {
    for (let i = 0; i < S; i++) flux[i] = ((stoich[solutes[i]!.name] ?? 0) * jA) / FARADAY_C_PER_MOL;
    for (let k = 0; k < K; k++) {
      const V = vol(k);
      for (let i = 0; i < S; i++) {
        const right = inflowFromRight(k, i);
        const left = k === 0 ? 0 : inflowFromRight(k - 1, i);
        let f = right - left + (k === 0 ? flux[i]! : 0);
        let sc = Math.abs(right) + Math.abs(left) + (k === 0 ? Math.abs(flux[i]!) : 0) + (D[i]! * c(k, i)) / h[k]!;
        if (time) {
          const n = k * S + i;
          f -= (time.leadPerS * c(k, i) + time.history[n]!) * V;
          sc += Math.abs(time.leadPerS * c(k, i) * V) + Math.abs(time.history[n]! * V);
        }
        F[k * NV + i] = f;
        scale[k * NV + i] = sc;
      }
      rx.forEach((r, q) => {
        let fwd = r.kForward;
        for (const i of rxReact[q]!) fwd *= c(k, i);
        let bwd = r.kBackward;
        for (const i of rxProd[q]!) bwd *= c(k, i);
        const net = (fwd - bwd) * V;
        for (const i of rxReact[q]!) {
          F[k * NV + i]! -= net;
          scale[k * NV + i]! += (fwd + bwd) * V;
        }
        for (const i of rxProd[q]!) {
          F[k * NV + i]! += net;
          scale[k * NV + i]! += (fwd + bwd) * V;
        }
      });
      if (migration) {
        let charge = 0;
        let total = 0;
        for (let i = 0; i < S; i++) {
          charge += z[i]! * c(k, i);
          total += Math.abs(z[i]!) * c(k, i);
        }
        F[k * NV + S] = charge;
        scale[k * NV + S] = total;
      }
    }
    let max = 0;
    for (let n = 0; n < N; n++) max = Math.max(max, Math.abs(F[n]!) / scale[n]!);
    return max;
  };

  // block-tridiagonal Jacobian: A (to k−1), B (diag), C (to k+1), each NV×NV, rows = equations, columns = unknowns
  const A = Array.from({ length: K }, () => new Float64Array(NV * NV));
  const B = Array.from({ length: K }, () => new Float64Array(NV * NV));
  const C = Array.from({ length: K }, () => new Float64Array(NV * NV));
  const jacobian = (time?: TimeTerm) => {
    for (let k = 0; k < K; k++) {
      const a = A[k]!;
      const b = B[k]!;
      const cc = C[k]!;
      a.fill(0);
      b.fill(0);
      cc.fill(0);
      const V = vol(k);
      for (let i = 0; i < S; i++) {
        const row = i * NV;
        b[row + i]! -= (D[i]! / h[k]! + (k === 0 ? 0 : D[i]! / h[k - 1]!)) * c(k, i);
        if (time) b[row + i]! -= time.leadPerS * c(k, i) * V;
        if (k + 1 < K) cc[row + i]! += (D[i]! / h[k]!) * c(k + 1, i);
        if (k > 0) a[row + i]! += (D[i]! / h[k - 1]!) * c(k - 1, i);
        if (!migration || z[i] === 0) continue;
        // right face: D z (c_k + c_k+1)/2 (φ_k+1 − φ_k)/h_k
        const gR = (D[i]! * z[i]!) / h[k]!;
        const dPhiR = phi(k + 1) - phi(k);
        b[row + i]! += ((gR * c(k, i)) / 2) * dPhiR;
        b[row + S]! -= gR * ((c(k, i) + c(k + 1, i)) / 2);
        if (k + 1 < K) {
          cc[row + i]! += ((gR * c(k + 1, i)) / 2) * dPhiR;
          cc[row + S]! += gR * ((c(k, i) + c(k + 1, i)) / 2);
        }
        if (k > 0) {
          // left face (subtracted): D z (c_k−1 + c_k)/2 (φ_k − φ_k−1)/h_k−1
          const gL = (D[i]! * z[i]!) / h[k - 1]!;
          const dPhiL = phi(k) - phi(k - 1);
          const cMean = (c(k - 1, i) + c(k, i)) / 2;
          a[row + i]! -= ((gL * c(k - 1, i)) / 2) * dPhiL;
          b[row + i]! -= ((gL * c(k, i)) / 2) * dPhiL;
          b[row + S]! -= gL * cMean;
          a[row + S]! += gL * cMean;
        }
      }
      if (migration) for (let j = 0; j < S; j++) b[S * NV + j] = z[j]! * c(k, j);
      rx.forEach((r, q) => {
        const fwd = r.kForward * rxReact[q]!.reduce((p, i) => p * c(k, i), 1);
        const bwd = r.kBackward * rxProd[q]!.reduce((p, i) => p * c(k, i), 1);
        // d(net)/du_j = fwd·[j in reactants] − bwd·[j in products] (log variables)
        const dnet = new Float64Array(S);
        for (const j of rxReact[q]!) dnet[j]! += fwd * V;
        for (const j of rxProd[q]!) dnet[j]! -= bwd * V;
        for (let j = 0; j < S; j++) {
          if (dnet[j] === 0) continue;
          for (const i of rxReact[q]!) b[i * NV + j]! -= dnet[j]!;
          for (const i of rxProd[q]!) b[i * NV + j]! += dnet[j]!;
        }
      });
    }
    // row scaling, like F
    for (let k = 0; k < K; k++) {
      for (let i = 0; i < NV; i++) {
        const sc = 1 / scale[k * NV + i]!;
        for (let j = 0; j < NV; j++) {
          A[k]![i * NV + j]! *= sc;
          B[k]![i * NV + j]! *= sc;
          C[k]![i * NV + j]! *= sc;
        }
      }
    }
  };
  const du = new Float64Array(N);
  /** Block Thomas algorithm: solves J du = −F/scale. */
  const solveBlocks = (): boolean => {
    const Bp = B.map((b) => Float64Array.from(b));
    const rhs = new Float64Array(N);
    for (let n = 0; n < N; n++) rhs[n] = -F[n]! / scale[n]!;
    const Cp: Float64Array[] = [];
    for (let k = 0; k < K; k++) {
      if (k > 0) {
        // Bp_k -= A_k · Cp_{k−1}; rhs_k -= A_k · rhs_{k−1}
        const a = A[k]!;
        const cp = Cp[k - 1]!;
        for (let i = 0; i < NV; i++) {
          for (let j = 0; j < NV; j++) {
            let s = 0;
            for (let l = 0; l < NV; l++) s += a[i * NV + l]! * cp[l * NV + j]!;
            Bp[k]![i * NV + j]! -= s;
          }
          let s = 0;
          for (let l = 0; l < NV; l++) s += a[i * NV + l]! * rhs[(k - 1) * NV + l]!;
          rhs[k * NV + i]! -= s;
        }
      }
      const p = new Int32Array(NV);
      if (!luFactor(Bp[k]!, NV, p)) return false;
      // Cp_k = Bp_k⁻¹ C_k (column by column); rhs_k = Bp_k⁻¹ rhs_k
      const cpk = new Float64Array(NV * NV);
      const col = new Float64Array(NV);
      for (let j = 0; j < NV; j++) {
        for (let i = 0; i < NV; i++) col[i] = C[k]![i * NV + j]!;
        luSolve(Bp[k]!, NV, p, col);
        for (let i = 0; i < NV; i++) cpk[i * NV + j] = col[i]!;
      }
      Cp.push(cpk);
      luSolve(Bp[k]!, NV, p, rhs.subarray(k * NV, k * NV + NV));
    }
    for (let k = K - 2; k >= 0; k--) {
      for (let i = 0; i < NV; i++) {
        let s = 0;
        for (let l = 0; l < NV; l++) s += Cp[k]![i * NV + l]! * rhs[(k + 1) * NV + l]!;
        rhs[k * NV + i]! -= s;
      }
    }
    du.set(rhs);
    return true;
  };

  let newtonIterations = 0;
  /**
   * Damped Newton from the current u at current density jA; true when converged (u then holds the solution).
   * Steps are capped at 2 in every log concentration and 4 in φ.
   */
  const newton = (jA: number, time?: TimeTerm): boolean => {
    for (let it = 0; it < 100; it++) {
      if (evaluate(jA, time) < 1e-10) return true;
      newtonIterations++;
      jacobian(time);
      if (!solveBlocks()) return false;
      let lambda = 1;
      for (let n = 0; n < N; n++) {
        const cap = migration && n % NV === S ? 4 : 2;
        if (Math.abs(du[n]!) * lambda > cap) lambda = cap / Math.abs(du[n]!);
      }
      for (let n = 0; n < N; n++) u[n] = migration && n % NV === S ? u[n]! + lambda * du[n]! : Math.max(-80, u[n]! + lambda * du[n]!);
    }
    return false;
  };

  const hIndex = index.get('H+');
  /** pH at node k (NaN when H+ is not modelled). */
  const pHAt = (k: number) => (hIndex === undefined ? Number.NaN : -Math.log10(c(k, hIndex) / 1000));
  /** Concentration profiles, mol m⁻³, nodes 0…K. */
  const profiles = () => Object.fromEntries(solutes.map((s, i) => [s.name, Array.from({ length: K + 1 }, (_, k) => c(k, i))]));
  /** Electric potential of the solution relative to the bulk at nodes 0…K, V (zero without migration). */
  const potentialProfileV = () => Array.from({ length: K + 1 }, (_, k) => (phi(k) * GAS_CONSTANT_J_PER_MOL_K * STANDARD_TEMPERATURE_K) / FARADAY_C_PER_MOL);
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
    NV,
    migration,
    u,
    reset,
    c,
    vol,
    inflowFromRight,
    newton,
    newtonIterations: () => newtonIterations,
    pHAt,
    profiles,
    potentialProfileV,
    limitingCurrents,
  };
}

/** The discretized boundary layer returned by {@link boundaryLayer}. */
export type BoundaryLayer = ReturnType<typeof boundaryLayer>;
