/**
 * Exact rational number p/q with BigInt numerator and positive denominator, always reduced.
 * Used by the half-reaction balancer so that coefficients are exact (no floating point).
 */
export class Rational {
  readonly num: bigint;
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  /** Builds num/den, reduced, with a positive denominator. Throws RangeError on a zero denominator. */
  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    let n = BigInt(num);
    let d = BigInt(den);
    if (d === 0n) throw new RangeError('Rational: zero denominator');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n < 0n ? -n : n, d);
    return new Rational(g === 0n ? 0n : n / g, g === 0n ? 1n : d / g);
  }

  static readonly ZERO = Rational.of(0);
  static readonly ONE = Rational.of(1);

  add(o: Rational): Rational {
    return Rational.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Rational): Rational {
    return Rational.of(this.num * o.den - o.num * this.den, this.den * o.den);
  }
  mul(o: Rational): Rational {
    return Rational.of(this.num * o.num, this.den * o.den);
  }
  div(o: Rational): Rational {
    if (o.num === 0n) throw new RangeError('Rational: division by zero');
    return Rational.of(this.num * o.den, this.den * o.num);
  }
  neg(): Rational {
    return Rational.of(-this.num, this.den);
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  sign(): -1 | 0 | 1 {
    return this.num === 0n ? 0 : this.num < 0n ? -1 : 1;
  }
  /** Nearest double. */
  toNumber(): number {
    return Number(this.num) / Number(this.den);
  }
  /** `3`, `-1/2`. */
  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }
}

/** Greatest common divisor of two non-negative BigInts. */
export function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Least common multiple of two positive BigInts. */
export function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

/**
 * Null space of an integer/rational matrix (rows × cols) by exact Gauss–Jordan elimination.
 * Returns a basis (one vector of length `cols` per free column, 1 at that column) and the free columns.
 */
export function nullSpace(matrix: Rational[][], cols: number): { basis: Rational[][]; freeColumns: number[] } {
  const m = matrix.map((row) => row.slice());
  const pivotCols: number[] = [];
  let r = 0;
  for (let c = 0; c < cols && r < m.length; c++) {
    let p = r;
    while (p < m.length && m[p]![c]!.isZero()) p++;
    if (p === m.length) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    const pivotRow = m[r]!;
    const pv = pivotRow[c]!;
    for (let j = 0; j < cols; j++) pivotRow[j] = pivotRow[j]!.div(pv);
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const row = m[i]!;
      const f = row[c]!;
      if (f.isZero()) continue;
      for (let j = 0; j < cols; j++) row[j] = row[j]!.sub(f.mul(pivotRow[j]!));
    }
    pivotCols.push(c);
    r++;
  }
  const free: number[] = [];
  for (let c = 0; c < cols; c++) if (!pivotCols.includes(c)) free.push(c);
  const basis = free.map((f) => {
    const v = new Array<Rational>(cols).fill(Rational.ZERO);
    v[f] = Rational.ONE;
    pivotCols.forEach((pc, i) => {
      v[pc] = m[i]![f]!.neg();
    });
    return v;
  });
  return { basis, freeColumns: free };
}
