import { FARADAY_C_PER_MOL, GAS_CONSTANT_J_PER_MOL_K, InputError, STANDARD_TEMPERATURE_K, assertFiniteInRange } from '../chem/index.js';
import { BlockTridiagonalSolver } from '../numerics/blockTridiagonal.js';
import { type ElectrodeProduct, electrodeStoichiometry } from './electrodeStoichiometry.js';
import { ionLookalikeDetail } from './assertSourcesInElectrolyte.js';
import {
  DEFAULT_RATE_CONSTANT_SET,
  type HomogeneousReaction,
  RATE_CONSTANT_SETS,
  RATE_CONSTANT_SET_IDS,
  type RateConstantSetId,
  SOLUTES,
  type Solute,
} from './transportData.js';

/**
 * Default boundary-layer thickness δ of the transport solvers, m (50 µm): an assumed stagnant layer of a stirred
 * cell, a modelling choice (docs/microenvironment.md). The same 50 µm as the process inputs'
 * `DEFAULT_BOUNDARY_LAYER_UM` (src/reactor/inputDefaults.ts) and a kinetic model's `checks.boundaryLayerUm`
 * default; test/transport/boundaryLayerDefault.test.ts keeps the three equal.
 */
export const DEFAULT_BOUNDARY_LAYER_M = 50e-6;

/** Geometry, chemistry and electrode reactions of a boundary layer (shared by steady and transient solves). */
export interface BoundaryLayerInput {
  /** Bulk concentrations, mol m⁻³ (e.g. from bulkComposition). */
  bulk: Record<string, number>;
  products: ElectrodeProduct[];
  /** Boundary-layer thickness δ, m (default {@link DEFAULT_BOUNDARY_LAYER_M}, 50 µm). */
  boundaryLayerM?: number;
  /** Grid cells (default 200), geometrically refined towards the electrode. */
  cells?: number;
  /** Include the homogeneous reactions (default true); false gives pure diffusion (analytic checks). */
  homogeneousReactions?: boolean;
  /** Homogeneous rate-constant set (default `schulz2006`; see RATE_CONSTANT_SETS in transportData.ts). */
  rateConstants?: RateConstantSetId;
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

/** The reactions of a rate-constant set; throws an InputError naming the field for an unknown set. */
export function reactionsOf(set: RateConstantSetId | undefined): readonly HomogeneousReaction[] {
  const id = set ?? DEFAULT_RATE_CONSTANT_SET;
  const found = Object.hasOwn(RATE_CONSTANT_SETS, id) ? RATE_CONSTANT_SETS[id] : undefined; // not a prototype member ("toString")
  if (!found) throw new InputError('rateConstants', RATE_CONSTANT_SET_IDS.join(' or '), `got "${String(set)}"`);
  return found.reactions;
}

/**
 * Refuses an electrode reactant the transport model has no data for (e.g. "NO3" typed for nitrate "NO3-"): it
 * would still balance as a formula, and its flux would drop out silently and change every surface value.
 * Water is the solvent; products may leave untracked (a neutral product such as urea does not touch the buffers).
 */
export function assertReactantsTracked(products: readonly ElectrodeProduct[]): void {
  const tracked = SOLUTES.map((x) => x.name);
  products.forEach((p, i) =>
    p.from.forEach((s, j) => {
      if (s !== 'H2O' && !tracked.includes(s))
        throw new InputError(
          `products[${i}].from[${j}]`,
          `H2O or a solute of the transport model (${tracked.join(', ')})`,
          `got "${s}"`,
          ionLookalikeDetail(s),
        );
    }),
  );
}

/** Solutes that take part: present in the bulk or at the electrode, closed under the homogeneous reactions. */
function activeSolutes(bulk: Record<string, number>, stoich: Record<string, number>, reactions: readonly HomogeneousReaction[]): Solute[] {
  const active = new Set(Object.keys(bulk).filter((s) => (bulk[s] ?? 0) > 0));
  // a bulk solute the model does not know would otherwise drop out silently (and with it its charge)
  const unknown = [...active].filter((s) => !SOLUTES.some((x) => x.name === s));
  if (unknown.length) throw new InputError('bulk', `solutes among ${SOLUTES.map((x) => x.name).join(', ')}`, `no transport data for ${unknown.join(', ')}`);
  for (const s of Object.keys(stoich)) if (SOLUTES.some((x) => x.name === s)) active.add(s);
  if (reactions.length) ['H+', 'OH-'].forEach((s) => active.add(s));
  for (let changed = true; changed;) {
    changed = false;
    for (const r of reactions) {
      const sides = [r.reactants, r.products];
      for (const [a, b] of [
        [0, 1],
        [1, 0],
      ] as const) {
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
  const delta = input.boundaryLayerM ?? DEFAULT_BOUNDARY_LAYER_M;
  assertFiniteInRange('boundaryLayerM', delta, 1e-7, 1e-2, 'm');
  const cells = input.cells ?? 200;
  if (!Number.isInteger(cells) || cells < 10 || cells > 5000) throw new InputError('cells', 'an integer from 10 to 5000', `got ${cells}`);
  assertReactantsTracked(input.products);
  const stoich = electrodeStoichiometry(input.products);
  const reactions = input.homogeneousReactions === false ? [] : reactionsOf(input.rateConstants);
  const migration = input.migration === true;
  const solutes = activeSolutes(input.bulk, stoich, reactions);
  const S = solutes.length;
  const NV = S + (migration ? 1 : 0); // unknowns per node: log c of each solute, then φ
  const index = new Map(solutes.map((s, i) => [s.name, i]));
  const D = Float64Array.from(solutes, (s) => s.diffusionM2PerS);
  const z = Float64Array.from(solutes, (s) => s.charge);
  const bulk = solutes.map((s) => Math.max(input.bulk[s.name] ?? 0, 1e-12));
  if (migration) {
    const net = bulk.reduce((a, c, i) => a + z[i]! * c, 0);
    const total = bulk.reduce((a, c, i) => a + Math.abs(z[i]!) * c, 0);
    if (Math.abs(net) > 1e-6 * total)
      throw new InputError('bulk', 'an electroneutral bulk composition when migration is on', `net charge ${net.toPrecision(3)} mol m⁻³`);
  }
  const rx = reactions.filter((r) => [...r.reactants, ...r.products].every((s) => index.has(s)));
  const R = rx.length;
  // reactions as flat arrays: up to 2 reactants and 2 products each (index −1 = none)
  const rxA = new Int32Array(R * 2).fill(-1);
  const rxB = new Int32Array(R * 2).fill(-1);
  const kf = Float64Array.from(rx, (r) => r.kForward);
  const kb = Float64Array.from(rx, (r) => r.kBackward);
  rx.forEach((r, q) => {
    if (r.reactants.length > 2 || r.products.length > 2) throw new RangeError(`reaction ${r.id}: at most two reactants and two products`);
    r.reactants.forEach((s, n) => (rxA[q * 2 + n] = index.get(s)!));
    r.products.forEach((s, n) => (rxB[q * 2 + n] = index.get(s)!));
  });

  const ratio = 1.03;
  const h0 = (delta * (ratio - 1)) / (ratio ** cells - 1);
  const h = Float64Array.from({ length: cells }, (_, k) => h0 * ratio ** k);
  const x = [0];
  for (const w of h) x.push(x.at(-1)! + w);
  const K = cells; // unknown nodes 0..K-1; node K is the bulk (fixed)
  const N = K * NV;
  /** Control-volume width of node k, m. */
  const volumes = Float64Array.from({ length: K }, (_, k) => (k === 0 ? h[0]! / 2 : (h[k - 1]! + h[k]!) / 2));
  const vol = (k: number) => volumes[k]!;

  const u = new Float64Array(N);
  /** Concentrations at nodes 0…K (node K = bulk), mol m⁻³: exp(u), refreshed by {@link sync}. */
  const conc = new Float64Array((K + 1) * S);
  for (let i = 0; i < S; i++) conc[K * S + i] = bulk[i]!;
  /** Recomputes the cached concentrations from u; call after changing u from outside. */
  const sync = () => {
    for (let k = 0; k < K; k++) for (let i = 0; i < S; i++) conc[k * S + i] = Math.exp(u[k * NV + i]!);
  };
  /** Sets every node to the bulk composition (and φ = 0): the zero-current solution. */
  const reset = () => {
    u.fill(0);
    for (let k = 0; k < K; k++) for (let i = 0; i < S; i++) u[k * NV + i] = Math.log(bulk[i]!);
    sync();
  };
  /** Replaces the unknowns with `values` (a copy of an earlier u) and refreshes the cache. */
  const load = (values: Float64Array) => {
    u.set(values);
    sync();
  };
  reset();
  const c = (k: number, i: number) => conc[k * S + i]!;
  const phi = (k: number) => (k === K || !migration ? 0 : u[k * NV + S]!);
  /** Flux of solute i into node k across its face with node k+1, mol m⁻² s⁻¹ (diffusion plus migration). */
  const inflowFromRight = (k: number, i: number) => {
    const cR = conc[(k + 1) * S + i]!;
    const cL = conc[k * S + i]!;
    let f = (D[i]! * (cR - cL)) / h[k]!;
    if (migration) f += (D[i]! * z[i]! * ((cL + cR) / 2) * (phi(k + 1) - phi(k))) / h[k]!;
    return f;
  };
  const F = new Float64Array(N);
  const scale = new Float64Array(N);
  const flux = new Float64Array(S);
  const rightFlux = new Float64Array(S);
  let merit = 0;

  /** Residuals at current density jA (A m⁻²) from the cached concentrations; returns the largest scaled residual. */
  const evaluate = (jA: number, time?: TimeTerm) => {
    for (let i = 0; i < S; i++) flux[i] = ((stoich[solutes[i]!.name] ?? 0) * jA) / FARADAY_C_PER_MOL;
    for (let k = 0; k < K; k++) {
      const V = volumes[k]!;
      const row = k * NV;
      const ck = k * S;
      for (let i = 0; i < S; i++) {
        const left = k === 0 ? 0 : rightFlux[i]!;
        const right = inflowFromRight(k, i);
        rightFlux[i] = right;
        let f = right - left;
        let sc = Math.abs(right) + Math.abs(left) + (D[i]! * conc[ck + i]!) / h[k]!;
        if (k === 0) {
          f += flux[i]!;
          sc += Math.abs(flux[i]!);
        }
        if (time) {
          const n = k * S + i;
          const lead = time.leadPerS * conc[ck + i]! * V;
          const hist = time.history[n]! * V;
          f -= lead + hist;
          sc += Math.abs(lead) + Math.abs(hist);
        }
        F[row + i] = f;
        scale[row + i] = sc;
      }
      for (let q = 0; q < R; q++) {
        const a0 = rxA[2 * q]!;
        const a1 = rxA[2 * q + 1]!;
        const b0 = rxB[2 * q]!;
        const b1 = rxB[2 * q + 1]!;
        let fwd = kf[q]!;
        if (a0 >= 0) fwd *= conc[ck + a0]!;
        if (a1 >= 0) fwd *= conc[ck + a1]!;
        let bwd = kb[q]!;
        if (b0 >= 0) bwd *= conc[ck + b0]!;
        if (b1 >= 0) bwd *= conc[ck + b1]!;
        const net = (fwd - bwd) * V;
        const gross = (fwd + bwd) * V;
        if (a0 >= 0) {
          F[row + a0]! -= net;
          scale[row + a0]! += gross;
        }
        if (a1 >= 0) {
          F[row + a1]! -= net;
          scale[row + a1]! += gross;
        }
        if (b0 >= 0) {
          F[row + b0]! += net;
          scale[row + b0]! += gross;
        }
        if (b1 >= 0) {
          F[row + b1]! += net;
          scale[row + b1]! += gross;
        }
      }
      if (migration) {
        let charge = 0;
        let total = 0;
        for (let i = 0; i < S; i++) {
          charge += z[i]! * conc[ck + i]!;
          total += Math.abs(z[i]!) * conc[ck + i]!;
        }
        F[row + S] = charge;
        scale[row + S] = total;
      }
    }
    let max = 0;
    merit = 0;
    for (let n = 0; n < N; n++) {
      const r = F[n]! / scale[n]!;
      merit += r * r;
      max = Math.max(max, Math.abs(r));
    }
    return max;
  };

  // block-tridiagonal Jacobian: lower (to k−1), diagonal, upper (to k+1), each NV×NV, rows = equations, columns = unknowns
  const solver = new BlockTridiagonalSolver(K, NV);
  const A = solver.lower;
  const B = solver.diagonal;
  const C = solver.upper;
  const M = NV * NV;
  /** Jacobian of the scaled residuals at the cached state (evaluate must have run at this state). */
  const jacobian = (time?: TimeTerm) => {
    solver.clear();
    for (let k = 0; k < K; k++) {
      const o = k * M;
      const V = volumes[k]!;
      const ck = k * S;
      for (let i = 0; i < S; i++) {
        const row = o + i * NV;
        const cki = conc[ck + i]!;
        B[row + i]! -= (D[i]! / h[k]! + (k === 0 ? 0 : D[i]! / h[k - 1]!)) * cki;
        if (time) B[row + i]! -= time.leadPerS * cki * V;
        if (k + 1 < K) C[row + i]! += (D[i]! / h[k]!) * conc[ck + S + i]!;
        if (k > 0) A[row + i]! += (D[i]! / h[k - 1]!) * conc[ck - S + i]!;
        if (!migration || z[i] === 0) continue;
        // right face: D z (c_k + c_k+1)/2 (φ_k+1 − φ_k)/h_k
        const cR = conc[ck + S + i]!;
        const gR = (D[i]! * z[i]!) / h[k]!;
        const dPhiR = phi(k + 1) - phi(k);
        B[row + i]! += ((gR * cki) / 2) * dPhiR;
        B[row + S]! -= gR * ((cki + cR) / 2);
        if (k + 1 < K) {
          C[row + i]! += ((gR * cR) / 2) * dPhiR;
          C[row + S]! += gR * ((cki + cR) / 2);
        }
        if (k > 0) {
          // left face (subtracted): D z (c_k−1 + c_k)/2 (φ_k − φ_k−1)/h_k−1
          const cL = conc[ck - S + i]!;
          const gL = (D[i]! * z[i]!) / h[k - 1]!;
          const dPhiL = phi(k) - phi(k - 1);
          const cMean = (cL + cki) / 2;
          A[row + i]! -= ((gL * cL) / 2) * dPhiL;
          B[row + i]! -= ((gL * cki) / 2) * dPhiL;
          B[row + S]! -= gL * cMean;
          A[row + S]! += gL * cMean;
        }
      }
      if (migration) for (let j = 0; j < S; j++) B[o + S * NV + j] = z[j]! * conc[ck + j]!;
      for (let q = 0; q < R; q++) {
        const a0 = rxA[2 * q]!;
        const a1 = rxA[2 * q + 1]!;
        const b0 = rxB[2 * q]!;
        const b1 = rxB[2 * q + 1]!;
        let fwd = kf[q]! * V;
        if (a0 >= 0) fwd *= conc[ck + a0]!;
        if (a1 >= 0) fwd *= conc[ck + a1]!;
        let bwd = kb[q]! * V;
        if (b0 >= 0) bwd *= conc[ck + b0]!;
        if (b1 >= 0) bwd *= conc[ck + b1]!;
        // d(net)/du_j = fwd·[j in reactants] − bwd·[j in products] (log variables); reactants lose net, products gain it
        for (let t = 0; t < 4; t++) {
          const j = t === 0 ? a0 : t === 1 ? a1 : t === 2 ? b0 : b1;
          if (j < 0) continue;
          const d = t < 2 ? fwd : -bwd;
          if (a0 >= 0) B[o + a0 * NV + j]! -= d;
          if (a1 >= 0) B[o + a1 * NV + j]! -= d;
          if (b0 >= 0) B[o + b0 * NV + j]! += d;
          if (b1 >= 0) B[o + b1 * NV + j]! += d;
        }
      }
    }
    // row scaling, like F
    for (let k = 0; k < K; k++) {
      for (let i = 0; i < NV; i++) {
        const sc = 1 / scale[k * NV + i]!;
        const o = k * M + i * NV;
        for (let j = 0; j < NV; j++) {
          A[o + j]! *= sc;
          B[o + j]! *= sc;
          C[o + j]! *= sc;
        }
      }
    }
  };
  const du = new Float64Array(N);
  const uStart = new Float64Array(N);

  let newtonIterations = 0;
  let lineSearchCuts = 0;
  /** u = uStart + λ·du (log concentrations floored at −80), then the cache and the residuals. */
  const stepTo = (lambda: number, jA: number, time?: TimeTerm) => {
    for (let n = 0; n < N; n++) u[n] = migration && n % NV === S ? uStart[n]! + lambda * du[n]! : Math.max(-80, uStart[n]! + lambda * du[n]!);
    sync();
    return evaluate(jA, time);
  };
  /**
   * One more full Newton step from a converged state (quadratic convergence takes the error from the 1e-10
   * tolerance to rounding), kept only when it does not raise the residual; always true.
   */
  const polish = (res: number, jA: number, time?: TimeTerm): true => {
    newtonIterations++;
    jacobian(time);
    for (let n = 0; n < N; n++) du[n] = -F[n]! / scale[n]!;
    if (!solver.solve(du)) return true;
    uStart.set(u);
    if (!(stepTo(1, jA, time) <= res)) {
      load(uStart);
      evaluate(jA, time);
    }
    return true;
  };
  /**
   * Newton from the current u at current density jA; true when converged (max scaled residual < 1e-10; u then
   * holds the solution). Steps are capped at 2 in every log concentration and 4 in φ, then halved (up to 6
   * times) until the sum of squared scaled residuals falls (Armijo, 1e-4); when no cut helps, the capped
   * step is taken as is.
   */
  const consumed = Int32Array.from(solutes.flatMap((s, i) => ((stoich[s.name] ?? 0) < 0 ? [i] : [])));
  const newton = (jA: number, time?: TimeTerm): boolean => {
    sync();
    let res = evaluate(jA, time);
    let stalled = 0;
    let starved = 0;
    for (let it = 0; it < 100; it++) {
      if (res < 1e-10) return polish(res, jA, time);
      if (!Number.isFinite(res)) return false;
      newtonIterations++;
      jacobian(time);
      for (let n = 0; n < N; n++) du[n] = -F[n]! / scale[n]!;
      if (!solver.solve(du)) return false;
      let lambda = 1;
      for (let n = 0; n < N; n++) {
        const cap = migration && n % NV === S ? 4 : 2;
        if (Math.abs(du[n]!) * lambda > cap) lambda = cap / Math.abs(du[n]!);
      }
      uStart.set(u);
      const merit0 = merit;
      const lambda0 = lambda;
      res = stepTo(lambda, jA, time);
      let cuts = 0;
      while (!(merit <= (1 - 1e-4 * lambda) * merit0) && cuts < 6) {
        lambda /= 2;
        cuts++;
        lineSearchCuts++;
        res = stepTo(lambda, jA, time);
      }
      if (!(merit <= (1 - 1e-4 * lambda) * merit0)) {
        res = stepTo(lambda0, jA, time);
        // no descent five times running: Newton is not getting anywhere
        if (++stalled >= 5) return false;
      } else stalled = 0;
      // a consumed reactant pinned at the floor at the surface three times running: it has run out
      let floored = false;
      for (let q = 0; q < consumed.length; q++) if (u[consumed[q]!]! <= -79.9) floored = true;
      starved = floored ? starved + 1 : 0;
      if (starved >= 3) return false;
    }
    return res < 1e-10;
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
    rateConstants: input.homogeneousReactions === false ? null : (input.rateConstants ?? DEFAULT_RATE_CONSTANT_SET),
    u,
    reset,
    load,
    sync,
    c,
    vol,
    inflowFromRight,
    newton,
    newtonIterations: () => newtonIterations,
    lineSearchCuts: () => lineSearchCuts,
    pHAt,
    profiles,
    potentialProfileV,
    limitingCurrents,
  };
}

/** The discretized boundary layer returned by {@link boundaryLayer}. */
export type BoundaryLayer = ReturnType<typeof boundaryLayer>;
