import { type Formula, parseFormula } from './formula.js';
import { InputError } from './InputError.js';
import { Rational, lcm, nullSpace } from '../numerics/Rational.js';
import { type Species, neutralLookalikeWarning, resolveSpecies, speciesContaining } from './species.js';

/** Which species balance H and O: H2O with H+ (acidic) or with OH− (alkaline). */
export type Medium = 'acidic' | 'alkaline';

/** Options of {@link balanceHalfReaction}. */
export interface BalanceHalfReactionOptions {
  /** `acidic` balances with H2O/H+ (default), `alkaline` with H2O/OH−. */
  medium?: Medium;
}

/** One side's term of a balanced equation. */
export interface BalancedTerm {
  /** Species label as resolved (registry formula or the user's formula), `e-` for electrons. */
  species: string;
  /** Integer stoichiometric coefficient (> 0). */
  coefficient: number;
}

/** Result of {@link balanceHalfReaction}. */
export interface BalanceHalfReactionResult {
  /** Balanced equation with integer coefficients, e.g. `CO2 + 2 NO3- + 18 H+ + 16 e- → CO(NH2)2 + 7 H2O`. */
  equation: string;
  reactants: BalancedTerm[];
  products: BalancedTerm[];
  /** Electrons per molecule of the first product; positive = consumed (reduction), negative = released. */
  electrons: number;
  /** The same as an exact fraction, e.g. `16` or `3/2`. */
  electronsExact: string;
  /** `reduction`, `oxidation`, or `non-redox` (zero electrons). */
  kind: 'reduction' | 'oxidation' | 'non-redox';
  medium: Medium;
  /** Notes on how species were read, e.g. a neutral "NO3" where nitrate (NO3-) is likely meant; empty when none. */
  warnings: string[];
}

const ELECTRON = 'e-';

interface Column {
  label: string;
  formula: Formula;
  /** 'reactant' and 'product' are the user's; 'helper' species (H2O, H+, OH−, e−) may go either side. */
  role: 'reactant' | 'product' | 'helper';
  /** Input field path for error messages, e.g. `from[1]`. */
  field: string;
}

function sameFormula(a: Formula, b: Formula): boolean {
  const keys = Object.keys(a.counts);
  return a.charge === b.charge && keys.length === Object.keys(b.counts).length && keys.every((k) => a.counts[k] === b.counts[k]);
}

function toSpeciesList(items: readonly (string | Species)[], field: string): Species[] {
  return items.map((item, i) => (typeof item === 'string' ? resolveSpecies(item, `${field}[${i}]`) : item));
}

/**
 * Balances a half-reaction with H2O, H+ (or OH−) and electrons by exact rational linear algebra.
 * The coefficients are the unique null vector of the element-and-charge matrix, scaled so that the
 * first product has coefficient 1 for the electron count and to the smallest integers for the equation.
 *
 * @param from - reactant species (registry names or formulas), e.g. `['CO2', 'NO3-']`
 * @param to - product species, e.g. `['urea']`; electrons are reported per molecule of `to[0]`
 * @throws {InputError} when no balance exists (naming the element that cannot be conserved and registry
 *   species that would supply it), when several independent balances exist (naming the species whose
 *   amounts are free), or when a listed reactant would be produced or a product consumed
 * @example balanceHalfReaction(['CO2', 'NO3-'], ['urea']).electrons // 16
 */
export function balanceHalfReaction(
  from: readonly (string | Species)[],
  to: readonly (string | Species)[],
  options: BalanceHalfReactionOptions = {},
): BalanceHalfReactionResult {
  const medium = options.medium ?? 'acidic';
  if (medium !== 'acidic' && medium !== 'alkaline') {
    throw new InputError('medium', '"acidic" or "alkaline"', `got ${JSON.stringify(medium)}`);
  }
  if (from.length === 0) throw new InputError('from', 'one or more reactant species', 'no reactant given');
  if (to.length === 0) throw new InputError('to', 'one or more product species', 'no product given');
  const reactants = toSpeciesList(from, 'from');
  const products = toSpeciesList(to, 'to');

  const userColumns: Column[] = [
    ...reactants.map((sp, i) => ({ label: sp.label, formula: sp.formula, role: 'reactant' as const, field: `from[${i}]` })),
    ...products.map((sp, i) => ({ label: sp.label, formula: sp.formula, role: 'product' as const, field: `to[${i}]` })),
  ];
  for (let i = 0; i < userColumns.length; i++) {
    for (let j = i + 1; j < userColumns.length; j++) {
      if (sameFormula(userColumns[i]!.formula, userColumns[j]!.formula)) {
        throw new InputError(userColumns[j]!.field, 'each species listed once', `"${userColumns[j]!.label}" is listed twice`);
      }
    }
  }
  // Helpers come first so that, when balances are not unique, the free columns found by elimination
  // are the user's species, which is what the error message should name.
  const helpers: Column[] = ['H2O', medium === 'acidic' ? 'H+' : 'OH-']
    .map((h) => ({ label: h, formula: parseFormula(h), role: 'helper' as const, field: h }))
    .filter((h) => !userColumns.some((c) => sameFormula(c.formula, h.formula)));
  helpers.push({ label: ELECTRON, formula: { counts: {}, charge: -1 }, role: 'helper', field: ELECTRON });
  const columns = [...helpers, ...userColumns];

  const elements = [...new Set(columns.flatMap((c) => Object.keys(c.formula.counts)))].sort();
  const matrix: Rational[][] = [
    ...elements.map((el) => columns.map((c) => Rational.of(c.formula.counts[el] ?? 0))),
    columns.map((c) => Rational.of(c.formula.charge)),
  ];
  const { basis, freeColumns } = nullSpace(matrix, columns.length);
  if (basis.length === 0) throw impossibleBalance(columns, elements);
  if (basis.length > 1) throw underdeterminedBalance(columns, freeColumns);

  const vector = basis[0]!;
  const productIndex = columns.findIndex((c) => c.role === 'product');
  const pivot = vector[productIndex]!;
  if (pivot.isZero()) {
    throw new InputError('to[0]', 'a product that can form from the reactants', `"${columns[productIndex]!.label}" cannot be formed from the given species`);
  }
  const perProduct = vector.map((v) => v.div(pivot));
  columns.forEach((c, i) => {
    const sign = perProduct[i]!.sign();
    if (c.role === 'reactant' && sign >= 0) {
      const problem = sign === 0 ? 'takes no part in the balanced reaction' : 'would be produced, not consumed';
      throw new InputError(c.field, 'species consumed by the reaction', `"${c.label}" ${problem}`);
    }
    if (c.role === 'product' && sign <= 0) {
      const problem = sign === 0 ? 'takes no part in the balanced reaction' : 'would be consumed, not produced';
      throw new InputError(c.field, 'species formed by the reaction', `"${c.label}" ${problem}`);
    }
  });
  const scale = perProduct.reduce((acc, v) => lcm(acc, v.den), 1n);
  const integers = perProduct.map((v) => Number((v.num * scale) / v.den));
  const electronsRational = perProduct[columns.findIndex((c) => c.label === ELECTRON)]!.neg();
  const lhs: BalancedTerm[] = [];
  const rhs: BalancedTerm[] = [];
  // Display order: the user's species first, then H2O, H+/OH−, e−.
  const displayOrder = [...columns.keys()].sort((a, b) => Number(columns[a]!.role === 'helper') - Number(columns[b]!.role === 'helper'));
  displayOrder.forEach((i) => {
    const c = columns[i]!;
    const n = integers[i]!;
    if (n < 0) lhs.push({ species: c.label, coefficient: -n });
    else if (n > 0) rhs.push({ species: c.label, coefficient: n });
  });
  const side = (terms: BalancedTerm[]) => terms.map((t) => (t.coefficient === 1 ? t.species : `${t.coefficient} ${t.species}`)).join(' + ');
  const electrons = electronsRational.toNumber();
  return {
    equation: `${side(lhs)} → ${side(rhs)}`,
    reactants: lhs,
    products: rhs,
    electrons,
    electronsExact: electronsRational.toString(),
    kind: electrons > 0 ? 'reduction' : electrons < 0 ? 'oxidation' : 'non-redox',
    medium,
    warnings: [...reactants, ...products].map(neutralLookalikeWarning).filter((w): w is string => w !== null),
  };
}

function impossibleBalance(columns: Column[], elements: string[]): InputError {
  const allowed = 'species whose elements can all be conserved with H2O, H+/OH− and e−';
  for (const el of elements) {
    const holders = columns.filter((c) => (c.formula.counts[el] ?? 0) > 0);
    if (holders.length === 1) {
      const present = new Set(columns.map((c) => c.label));
      const suggestions = speciesContaining(el)
        .filter((e) => !present.has(e.formula))
        .slice(0, 4)
        .map((e) => `${e.name} (${e.formula})`);
      const hint = suggestions.length ? `; add a species containing ${el}, e.g. ${suggestions.join(', ')}` : `; add a species containing ${el}`;
      return new InputError('from/to', allowed, `no balance exists: ${el} appears only in "${holders[0]!.label}"${hint}`);
    }
  }
  return new InputError('from/to', allowed, 'no combination of these species conserves every element and the charge');
}

function underdeterminedBalance(columns: Column[], freeColumns: number[]): InputError {
  // The free columns of the elimination are the species whose amounts can be chosen independently.
  const free = freeColumns.map((i) => columns[i]!.label);
  return new InputError(
    'from/to',
    'species with exactly one balance (one product per carbon/nitrogen source combination)',
    `under-determined: ${free.length} independent balances exist, the amounts of ${free.map((f) => `"${f}"`).join(' and ')} are free; remove a species or balance each product separately`,
  );
}
