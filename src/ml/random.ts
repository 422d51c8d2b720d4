/** The seed of every seeded operation when none is given: 0 (request schemas, library options, the CLI's `--help`). */
export const DEFAULT_SEED = 0;

/**
 * A seeded pseudo-random generator: every random choice in `src/ml` goes through one, so that the same
 * inputs and seed give the same suggestions. Algorithm: mulberry32 (T. Ettinger, public domain; a 32-bit
 * state generator with period 2³², ample for designs and restarts of a few thousand draws), seeded through
 * splitmix32 so that nearby seeds give unrelated streams.
 *
 * @example const rng = new SeededRandom(7); rng.uniform(); // a number in [0, 1)
 */
export class SeededRandom {
  private state: number;

  /** @param seed - any finite number; non-integers are truncated (default 0). */
  constructor(seed = DEFAULT_SEED) {
    let s = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
    // splitmix32 scramble of the seed
    s = Math.imul(s ^ (s >>> 16), 0x85ebca6b) >>> 0;
    s = Math.imul(s ^ (s >>> 13), 0xc2b2ae35) >>> 0;
    this.state = (s ^ (s >>> 16)) >>> 0;
  }

  /** A uniform number in [0, 1) with 32 random bits. */
  uniform(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A uniform integer in [0, n). */
  integer(n: number): number {
    return Math.min(n - 1, Math.floor(this.uniform() * n));
  }

  /** A standard normal draw (Box–Muller, the cosine branch only; one uniform pair per draw). */
  normal(): number {
    let u = this.uniform();
    while (u <= 0) u = this.uniform();
    const v = this.uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A random permutation of 0 … n−1 (Fisher–Yates). */
  permutation(n: number): number[] {
    const p = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = this.integer(i + 1);
      [p[i], p[j]] = [p[j]!, p[i]!];
    }
    return p;
  }
}
