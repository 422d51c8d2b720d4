import { InputError } from '../chem/index.js';

/**
 * A GP-free local refinement for the end of a Bayesian optimization: cyclic coordinate line searches from the
 * incumbent in the unit cube, each a bracketing search whose interior steps come from a two-line ("V") model of
 * the bracket, with a golden-section step as the fallback. Meant for tops a stationary GP cannot resolve: a kink
 * (a Sabatier-type volcano apex, where the slope jumps sign) narrower than the GP's smallest length-scale. Two
 * lines through the two nearest points on each side of a kink meet exactly at it when the sides are straight, so
 * a kink is located in a handful of evaluations where golden-section search alone needs about ten to shrink the
 * bracket a hundredfold; on a smooth top the two secants meet near the maximum too. Deterministic: no random
 * choices.
 */

/** Options of {@link refineLocally}. */
export interface RefineLocallyOptions {
  /** Evaluations available (integer ≥ 0). */
  budget: number;
  /** First-pass step of each coordinate's line search, unit-cube units, each in (0, 0.5]. */
  steps: number[];
  /** Coordinates in the order searched, each cycle (default 0 … d − 1). */
  order?: number[];
  /** A line search stops once its bracket is narrower than `shrink` × its step (default 0.01). */
  shrink?: number;
  /** Narrowest bracket worth refining, unit-cube units (default 1e-6). */
  minWidth?: number;
}

/** Result of {@link refineLocally}. */
export interface RefineLocallyResult {
  /** The best point (the start if nothing better was found) and its value. */
  best: { u: number[]; value: number };
  /** Evaluations used (≤ budget; fewer when every line search has shrunk below `minWidth`). */
  evaluations: number;
}

/** Result of {@link maximizeOnLine}. */
export interface LineSearchResult {
  t: number;
  value: number;
  /** Evaluations used. */
  evaluations: number;
  /** Width of the final bracket around `t` (one-sided at the bounds). */
  width: number;
}

const GOLDEN = 0.381966011250105; // (3 − √5)/2

/**
 * Maximizes `g` on [0, 1] from `t0` (value `g0`): steps ±`h`, doubles the step while the value rises, then
 * shrinks the bracket around the best point with V-model or golden-section steps until it is narrower than
 * `stopWidth`, or both its ends are within `flatness` × the spread of the values seen on the line of the best
 * (a top flat at this resolution), or `budget` evaluations are spent. Non-finite values count as −∞ (a failed
 * evaluation).
 */
export function maximizeOnLine(
  g: (t: number) => number,
  t0: number,
  g0: number,
  h: number,
  budget: number,
  stopWidth: number,
  flatness = 1e-3,
): LineSearchResult {
  const pts: { t: number; v: number }[] = [{ t: t0, v: Number.isFinite(g0) ? g0 : Number.NEGATIVE_INFINITY }];
  let used = 0;
  const evaluate = (t: number) => {
    const raw = g(t);
    const v = Number.isFinite(raw) ? raw : Number.NEGATIVE_INFINITY;
    used++;
    pts.push({ t, v });
    return v;
  };
  const clamp = (t: number) => Math.min(1, Math.max(0, t));
  let best = pts[0]!;
  // bracketing: a step each way, then doubling steps while the value rises
  let dir = 0;
  for (const s of [1, -1]) {
    const t = clamp(t0 + s * h);
    if (t === t0 || used >= budget) continue;
    const v = evaluate(t);
    if (v > best.v) {
      best = pts.at(-1)!;
      dir = s;
      break;
    }
  }
  for (let step = 2 * h; dir !== 0 && used < budget; step *= 2) {
    const t = clamp(best.t + dir * step);
    if (t === best.t) break;
    if (evaluate(t) > best.v) best = pts.at(-1)!;
    else break;
  }
  const bracket = () => {
    pts.sort((p, q) => p.t - q.t);
    const i = pts.indexOf(best);
    const a = pts[i - 1]?.t ?? best.t;
    const c = pts[i + 1]?.t ?? best.t;
    return { i, a, c, width: c - a };
  };
  const widths: number[] = [];
  let modelFailed = false;
  for (;;) {
    const { i, a, c, width } = bracket();
    widths.push(width);
    // flat at this resolution: both bracket ends within `flatness` × the spread of the finite values on the line
    const finite = pts.filter((p) => Number.isFinite(p.v)).map((p) => p.v);
    const tolerance = flatness * (Math.max(...finite) - Math.min(...finite));
    const ends = [pts[i - 1], pts[i + 1]].filter((p) => p !== undefined);
    const flat = tolerance > 0 && ends.length === 2 && ends.every((p) => best.v - p.v <= tolerance);
    if (used >= budget || width < stopWidth || width === 0 || flat) return { t: best.t, value: best.v, evaluations: used, width };
    const b = best.t;
    // V model: a line through the two nearest points left of the apex, one through the two nearest right of it;
    // a hypothesis counts only if its lines are consistent with the best point's side (the other side's line,
    // extended past the apex, lies above the best point)
    const line = (p: number, q: number) => {
      const [P, Q] = [pts[p], pts[q]];
      if (!P || !Q || !Number.isFinite(P.v) || !Number.isFinite(Q.v)) return null;
      const m = (Q.v - P.v) / (Q.t - P.t);
      return { m, at: (t: number) => Q.v + m * (t - Q.t) };
    };
    const apex = (left: ReturnType<typeof line>, right: ReturnType<typeof line>, lo: number, hi: number, beyond: typeof left) => {
      if (!left || !right || !(left.m > 0 && right.m < 0) || !beyond || !(beyond.at(b) >= best.v)) return null;
      const t = (right.at(0) - left.at(0)) / (left.m - right.m);
      return t > lo && t < hi ? { m: { t, v: left.at(t) }, lo, hi } : null;
    };
    const candidates = [
      apex(line(i - 2, i - 1), line(i, i + 1), a, b, line(i - 2, i - 1)), // apex left of the best point
      apex(line(i - 1, i), line(i + 1, i + 2), b, c, line(i + 2, i + 1)), // apex right of it
    ].filter((k) => k !== null);
    candidates.sort((p, q) => q.m!.v - p.m!.v);
    // golden section into the wider side when the model has no apex inside the bracket, after a model step that
    // did not improve the best point, or when the last two steps did not halve the bracket (a model that keeps
    // proposing near one end)
    const stalled = widths.length >= 3 && width > 0.5 * widths[widths.length - 3]!;
    let t: number;
    const modelStep: boolean = candidates.length > 0 && !stalled && !modelFailed;
    if (modelStep) {
      const { m, lo, hi } = candidates[0]!;
      const gap = 0.05 * width; // keep new points apart from the known ones
      t = Math.min(hi - gap, Math.max(lo + gap, m!.t));
      if (Math.abs(t - b) < gap) t = b + (m!.t < b ? -gap : gap);
    } else t = c - b > b - a ? b + GOLDEN * (c - b) : b - GOLDEN * (b - a);
    const improved = evaluate(t) > best.v;
    if (improved) best = pts.at(-1)!;
    modelFailed = modelStep && !improved;
  }
}

/**
 * Cyclic coordinate line searches ({@link maximizeOnLine}) of `f` over the unit cube from `start`: each cycle
 * searches every coordinate in `order` from the current best point; a coordinate's next step is its last bracket
 * width (at least `minWidth`), so later cycles search finer. Non-finite values of `f` count as −∞.
 */
export function refineLocally(f: (u: number[]) => number, start: { u: number[]; value: number }, options: RefineLocallyOptions): RefineLocallyResult {
  const d = start.u.length;
  const { budget } = options;
  const shrink = options.shrink ?? 0.01;
  const minWidth = options.minWidth ?? 1e-6;
  const order = options.order ?? Array.from({ length: d }, (_, k) => k);
  if (!Number.isInteger(budget) || budget < 0) throw new InputError('budget', 'an integer ≥ 0', `got ${budget}`);
  if (options.steps.length !== d || !options.steps.every((h) => h > 0 && h <= 0.5))
    throw new InputError('steps', `${d} steps, each in (0, 0.5] of the unit cube`, `got ${options.steps.join(', ')}`);
  if (order.length === 0 || !order.every((k) => Number.isInteger(k) && k >= 0 && k < d))
    throw new InputError('order', `coordinates from 0 to ${d - 1}`, `got ${order.join(', ')}`);
  if (!(shrink > 0 && shrink < 1)) throw new InputError('shrink', 'a number in (0, 1)', `got ${shrink}`);
  if (!(minWidth > 0)) throw new InputError('minWidth', 'a positive width', `got ${minWidth}`);
  const steps = [...options.steps];
  let best = { u: [...start.u], value: Number.isFinite(start.value) ? start.value : Number.NEGATIVE_INFINITY };
  let used = 0;
  while (used < budget) {
    let searched = false;
    for (const k of order) {
      if (used >= budget) break;
      if (steps[k]! < minWidth) continue;
      searched = true;
      const base = best.u;
      const r = maximizeOnLine(
        (t) => f(base.map((x, j) => (j === k ? t : x))),
        base[k]!,
        best.value,
        steps[k]!,
        budget - used,
        Math.max(minWidth, shrink * steps[k]!),
      );
      used += r.evaluations;
      if (r.value > best.value) best = { u: base.map((x, j) => (j === k ? r.t : x)), value: r.value };
      steps[k] = Math.min(0.5, r.width);
    }
    if (!searched) break;
  }
  return { best, evaluations: used };
}
