import { InputError } from '../chem/index.js';
import type { SeededRandom } from './random.js';
import { type ParameterValues, type SearchSpace, fromUnitCoordinates, satisfiesConstraints, unitCoordinates } from './searchSpace.js';

/**
 * Feasible random points: Latin-hypercube batches (McKay, Beckman & Conover, *Technometrics* 1979, 21, 239)
 * in unit coordinates, mapped to the space, with points violating a constraint rejected.
 * @throws {InputError} (field `constraints`) when under 0.1 % of the box is feasible
 */
export function sampleFeasible(space: SearchSpace, count: number, rng: SeededRandom): ParameterValues[] {
  const d = space.parameters.length;
  const out: ParameterValues[] = [];
  let tried = 0;
  while (out.length < count) {
    const m = Math.max(16, count - out.length);
    const perms = Array.from({ length: d }, () => rng.permutation(m));
    for (let i = 0; i < m && out.length < count; i++) {
      const u = perms.map((perm) => (perm[i]! + rng.uniform()) / m);
      const p = fromUnitCoordinates(space, u);
      tried++;
      if (satisfiesConstraints(space, p)) out.push(p);
    }
    if (tried > 1000 * count + 10000 && out.length < count) {
      throw new InputError(
        'constraints',
        'constraints that leave a usable part of the parameter box',
        `only ${out.length} of ${tried} random points were feasible`,
      );
    }
  }
  return out;
}

function distance2(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return s;
}

/**
 * A space-filling design of `count` feasible points that also keeps away from `existing` points (runs done
 * or in flight): from a pool of constrained Latin-hypercube samples, greedily the point farthest from
 * everything chosen so far (maximin; Johnson, Moore & Ylvisaker, *J. Stat. Plan. Inference* 1990, 26, 131).
 * The first point without existing ones is the pool point nearest the box centre.
 */
export function spaceFillingDesign(space: SearchSpace, count: number, existing: readonly ParameterValues[], rng: SeededRandom): ParameterValues[] {
  const pool = sampleFeasible(space, Math.max(200, 50 * count), rng);
  const poolU = pool.map((p) => unitCoordinates(space, p));
  const chosenU = existing.map((p) => unitCoordinates(space, p));
  const minD = poolU.map((u) => (chosenU.length ? Math.min(...chosenU.map((c) => distance2(u, c))) : Number.POSITIVE_INFINITY));
  const out: ParameterValues[] = [];
  for (let k = 0; k < count; k++) {
    let best = -1;
    if (chosenU.length === 0) {
      const centre = new Array<number>(space.parameters.length).fill(0.5);
      let bd = Number.POSITIVE_INFINITY;
      poolU.forEach((u, i) => {
        const dd = distance2(u, centre);
        if (dd < bd) [bd, best] = [dd, i];
      });
    } else {
      let bd = -1;
      minD.forEach((dd, i) => {
        if (dd > bd) [bd, best] = [dd, i];
      });
    }
    const u = poolU[best]!;
    out.push(pool[best]!);
    chosenU.push(u);
    poolU.forEach((v, i) => (minD[i] = Math.min(minD[i]!, distance2(u, v))));
  }
  return out;
}
