import { InputError } from './InputError.js';
import { memoize } from '../numerics/memoize.js';

/** What a yield or yield-rate unit is normalized to: catalyst mass, electrode area, or nothing. */
export type YieldNormalizer = 'catalyst-mass' | 'area' | 'none';

/** A parsed yield-rate unit such as `mmol h-1 g_cat-1`, reduced to SI-like base factors. */
export interface YieldRateUnit {
  /** The unit text as given. */
  text: string;
  /** Numerator: an amount of product (mol) or a mass of product (g). */
  product: 'amount' | 'mass';
  /** Factor to mol (amount) or g (mass) of product, e.g. 1e-3 for mmol. */
  productFactor: number;
  /** True when the unit is per time. */
  perTime: boolean;
  /** Seconds per time unit (1 when not per time), e.g. 3600 for h⁻¹. */
  timeFactorS: number;
  normalizer: YieldNormalizer;
  /** Grams of catalyst per catalyst-mass unit, or m² per area unit; 1 when not normalized. */
  normalizerFactor: number;
}

const UNIT_ALLOWED =
  'product amount or mass (mol, mmol, μmol, nmol, g, mg, μg, kg) per time (s, min, h, d) per catalyst mass (g_cat, mg_cat, or g, mg with exponent -1) or per area (m-2, cm-2, mm-2), e.g. "mmol h-1 g_cat-1", "mg h-1 cm-2", "μmol mg-1 h-1"';

const AMOUNT: Record<string, number> = { mol: 1, mmol: 1e-3, umol: 1e-6, μmol: 1e-6, µmol: 1e-6, nmol: 1e-9 };
const MASS: Record<string, number> = { kg: 1e3, g: 1, mg: 1e-3, ug: 1e-6, μg: 1e-6, µg: 1e-6 };
const TIME: Record<string, number> = { s: 1, sec: 1, min: 60, h: 3600, hr: 3600, d: 86400 };
const LENGTH: Record<string, number> = { m: 1, cm: 1e-2, mm: 1e-3 };
const SUPERSCRIPTS: Record<string, string> = { '⁻': '-', '¹': '1', '²': '2', '³': '3' };

/**
 * Parses a yield or yield-rate unit. Tokens are separated by spaces, `·` or `*`; a `/` divides by
 * everything after it; exponents are written `h-1`, `h^-1` or `h⁻¹`. A mass with exponent −1 (or a
 * `_cat`/`cat` suffix) is the catalyst mass; a length with exponent −2 is the electrode area.
 * @throws {InputError} on unknown tokens and on a quantity given twice, e.g. the doubled time in
 *   `mmol h-1 g_cat h-1`
 * @example parseYieldRateUnit('mmol h-1 g_cat-1').productFactor // 1e-3
 */
export function parseYieldRateUnit(text: string, field = 'unit'): YieldRateUnit {
  if (typeof text !== 'string' || text.trim() === '') throw new InputError(field, UNIT_ALLOWED, 'empty unit');
  const parsed = parseUnitCached({ text, field });
  if (parsed instanceof InputError) throw parsed;
  return { ...parsed };
}

/** Parses each distinct unit text once; errors are cached too (and rethrown by the caller). */
const parseUnitCached = memoize(
  ({ text, field }: { text: string; field: string }): YieldRateUnit | InputError => {
    try {
      return parseUnitUncached(text, field);
    } catch (error) {
      if (error instanceof InputError) return error;
      throw error;
    }
  },
  ({ text, field }) => `${field}\u0000${text}`,
);

function parseUnitUncached(text: string, field: string): YieldRateUnit {
  const normalized = [...text].map((c) => SUPERSCRIPTS[c] ?? (c === '−' || c === '–' ? '-' : c)).join('');
  const result: YieldRateUnit = {
    text,
    product: 'amount',
    productFactor: NaN,
    perTime: false,
    timeFactorS: 1,
    normalizer: 'none',
    normalizerFactor: 1,
  };
  let sawProduct = false;
  const [numeratorPart = '', ...denominatorParts] = normalized.split('/');
  const parts: [string, number][] = [[numeratorPart, 1], ...denominatorParts.map((d): [string, number] => [d, -1])];
  for (const [part, sign] of parts) {
    for (const token of part.split(/[\s·*]+/).filter(Boolean)) {
      const m = /^([A-Za-zμµ]+?)(_?cat)?\^?(-?\d+)?$/.exec(token);
      if (!m) throw new InputError(field, UNIT_ALLOWED, `cannot read "${token}" in "${text}"`);
      const base = m[1] ?? '';
      const isCatalyst = m[2] !== undefined;
      const exponent = sign * (m[3] === undefined ? 1 : Number(m[3]));
      const twice = (what: string) => new InputError(field, UNIT_ALLOWED, `${what} appears twice in "${text}"`);
      if (base in AMOUNT && !isCatalyst) {
        if (exponent !== 1) throw new InputError(field, UNIT_ALLOWED, `the product amount "${token}" must have exponent 1`);
        if (sawProduct) throw twice('the product quantity');
        Object.assign(result, { product: 'amount', productFactor: AMOUNT[base] });
        sawProduct = true;
      } else if (base in MASS && exponent === 1 && !isCatalyst) {
        if (sawProduct) throw twice('the product quantity');
        Object.assign(result, { product: 'mass', productFactor: MASS[base] });
        sawProduct = true;
      } else if (base in MASS && exponent === -1) {
        if (result.normalizer !== 'none') throw twice('the normalization (catalyst mass or area)');
        Object.assign(result, { normalizer: 'catalyst-mass', normalizerFactor: MASS[base] });
      } else if (base in TIME && exponent === -1 && !isCatalyst) {
        if (result.perTime) throw twice('time');
        Object.assign(result, { perTime: true, timeFactorS: TIME[base] });
      } else if (base in LENGTH && exponent === -2 && !isCatalyst) {
        if (result.normalizer !== 'none') throw twice('the normalization (catalyst mass or area)');
        Object.assign(result, { normalizer: 'area', normalizerFactor: (LENGTH[base] ?? 1) ** 2 });
      } else {
        throw new InputError(field, UNIT_ALLOWED, `"${token}" (exponent ${exponent}) has no place in a yield-rate unit`);
      }
    }
  }
  if (!sawProduct) throw new InputError(field, UNIT_ALLOWED, `no product amount or mass in "${text}"`);
  return result;
}

/** Options of {@link convertYieldRate}. */
export interface ConvertYieldRateOptions {
  /** Molar mass of the product, g/mol; needed only to convert between amount and mass. */
  molarMassGPerMol?: number;
}

/**
 * Converts a yield or yield rate between units, e.g. 0.78 mmol h⁻¹ cm⁻² → 88.3 mg h⁻¹ cm⁻² of
 * cyclohexanone oxime (M = 113.16 g/mol). Time and normalization must match in kind.
 * @throws {InputError} when the kinds differ or a molar mass is needed but missing
 */
export function convertYieldRate(value: number, fromUnit: string, toUnit: string, options: ConvertYieldRateOptions = {}): number {
  if (!Number.isFinite(value)) throw new InputError('value', 'a finite number', `got ${value}`);
  const from = parseYieldRateUnit(fromUnit, 'fromUnit');
  const to = parseYieldRateUnit(toUnit, 'toUnit');
  if (from.perTime !== to.perTime) {
    throw new InputError('toUnit', `a unit that is ${from.perTime ? '' : 'not '}per time, like "${fromUnit}"`, `"${fromUnit}" and "${toUnit}" differ in time`);
  }
  if (from.normalizer !== to.normalizer) {
    throw new InputError(
      'toUnit',
      `a unit normalized like "${fromUnit}" (${from.normalizer})`,
      `cannot convert per ${from.normalizer} to per ${to.normalizer} without the catalyst loading`,
    );
  }
  let base = (value * from.productFactor) / from.timeFactorS / from.normalizerFactor;
  if (from.product !== to.product) {
    const M = options.molarMassGPerMol;
    if (M === undefined || !Number.isFinite(M) || M <= 0) {
      throw new InputError('molarMassGPerMol', 'the product molar mass in g/mol (or --species)', `needed to convert ${from.product} to ${to.product}`);
    }
    base = from.product === 'amount' ? base * M : base / M;
  }
  return (base * to.timeFactorS * to.normalizerFactor) / to.productFactor;
}

/** A yield rate in canonical units: mol s⁻¹ g_cat⁻¹, mol s⁻¹ m⁻², mol s⁻¹, or the same without s⁻¹. */
export interface CanonicalYieldRate {
  value: number;
  unit: string;
}

/**
 * Converts a yield rate to the canonical unit of its kind (amount per second per gram of catalyst or per
 * square metre), using the molar mass when the product is given as a mass.
 */
export function toCanonicalYieldRate(value: number, unit: string, options: ConvertYieldRateOptions = {}): CanonicalYieldRate {
  const parsed = parseYieldRateUnit(unit);
  const canonical = ['mol', parsed.perTime ? 's-1' : '', parsed.normalizer === 'catalyst-mass' ? 'g_cat-1' : parsed.normalizer === 'area' ? 'm-2' : '']
    .filter(Boolean)
    .join(' ');
  return { value: convertYieldRate(value, unit, canonical, options), unit: canonical };
}
