import { InputError, assertFiniteInRange, balanceHalfReaction, molarMassGPerMol, resolveSpecies, toHill } from '../chem/index.js';
import { type ProcessNumbers, energyPerKgJ, scaleUp } from './cellVoltage.js';
import {
  GAS_SPECIES_HILL,
  JOUNY_DISTILLATION,
  JOUNY_DISTILLATION_COMMON,
  PSA_DEFAULTS,
  SEPARATION_CAPACITY_UNIT,
  type SeparationMethod,
  type SeparationUnit,
} from './separationDefaults.js';
import { IDEAL_GAS_MOLAR_VOLUME_M3_PER_MOL, ZHANG_2022 } from './teaSources.js';

const ZHANG = ZHANG_2022;

/** Installed capital cost (electrolyzer + balance of plant) printed in {@link ZHANG}, USD per kW. */
const INSTALLED_CAPEX_USD_PER_KW = 450;
/** The design point of that table: 500 mA cm⁻² and the 3 V of its AEM|CO2 electrolyzer. */
const DESIGN_CURRENT_A_PER_M2 = 5000;
const DESIGN_CELL_VOLTAGE_V = 3;

/** A default with its source; every one can be overridden. `value` null: no cited default, the term is excluded unless set. */
export interface CitedDefault {
  value: number | null;
  unit: string;
  source: string;
}

/** Default economic parameters, each with its source (values as printed, or derived from printed values as stated). */
export const TEA_DEFAULTS: Record<string, CitedDefault> = {
  electrolyzerCostUsdPerM2: {
    value: (INSTALLED_CAPEX_USD_PER_KW * DESIGN_CURRENT_A_PER_M2 * DESIGN_CELL_VOLTAGE_V) / 1000,
    unit: 'USD m⁻² (installed, incl. balance of plant)',
    source: `derived: installed capex ${INSTALLED_CAPEX_USD_PER_KW} USD/kW × 500 mA cm⁻² × 3 V (AEM|CO2 case) of ${ZHANG}`,
  },
  balanceOfPlantFraction: {
    value: 0,
    unit: 'fraction of electrolyzer cost',
    source: `0: the installed capex of ${ZHANG} already includes the balance of plant; set it when you give a bare stack cost`,
  },
  electricityUsdPerKWh: { value: 0.03, unit: 'USD kWh⁻¹', source: ZHANG },
  discountRate: { value: 0.1, unit: 'per year', source: `${ZHANG} (10 % interest rate)` },
  lifetimeYears: { value: 20, unit: 'years', source: `${ZHANG} (20 year plant life)` },
  capacityFactor: {
    value: 0.65,
    unit: 'fraction of the year',
    source: `derived: annual electricity cost / (0.03 USD/kWh × installed kW = capex / 450 USD/kW) gives 5,696 h per year for each of the three electrolyzers of ${ZHANG} (5.24, 10.48, 6.29 M$/yr; 13.8, 27.6, 16.56 M$)`,
  },
  fixedOpexFraction: { value: 0.025, unit: 'of the electrolyzer cost per year', source: `${ZHANG} (2.5 % fixed operating cost)` },
  feedstockUsdPerKg: {
    value: null,
    unit: 'USD per kg product (a lump sum added to the per-feed costs)',
    source: 'excluded unless set: give feeds with prices instead where you can',
  },
  separationUsdPerKg: {
    value: null,
    unit: 'USD per kg product (a lump sum added to the separation unit)',
    source: 'excluded unless set: give a separation unit instead where you can',
  },
};

/** Names of the overridable parameters. */
export type TeaParameter = keyof typeof TEA_DEFAULTS;

/** Default feed prices, USD per kg of feed, keyed by Hill formula; a feed without one is excluded unless priced. */
export const FEED_PRICE_DEFAULTS: Record<string, CitedDefault> = {
  CO2: { value: 0.05, unit: 'USD kg⁻¹', source: `${ZHANG} (gross cost of CO2 capture 50 $/ton)` },
};

/** One reactant fed to the cathode. */
export interface TeaFeed {
  /** Species name or formula, e.g. "CO2", "KNO3", "acetone". */
  species: string;
  /** Price, USD per kg of feed (default: {@link FEED_PRICE_DEFAULTS}; else excluded unless set). */
  priceUsdPerKg?: number;
  /** Moles consumed per mole of product by stoichiometry (default: balanced from the product and the feeds). */
  molPerMolProduct?: number;
  /** Alternatively, moles consumed per mole of electrons passed (e.g. water oxidized at the anode). */
  molPerMolElectrons?: number;
  /** Fraction of the converted feed that ends in the product (default 1: by-products come from water only). */
  selectivity?: number;
  /** This feed's own single-pass conversion (default: the input's `singlePassConversion`). */
  singlePassConversion?: number;
  /** Phase of the feed; gases are recycled through the PSA (default: gas for CO2, CO, H2, O2, N2, NO, N2O, light hydrocarbons). */
  phase?: 'gas' | 'liquid';
}

/** Inputs of {@link levelizedCost}: process numbers plus the optional full-scope terms and overridden defaults. */
export interface TeaInput extends ProcessNumbers {
  overrides?: Partial<Record<TeaParameter, number>>;
  /** Product name or formula: balances the feeds, picks its phase and a cited distillation reference. */
  product?: string;
  /** Phase of the product (default: gas for the species of {@link GAS_SPECIES_HILL}, else liquid). */
  productPhase?: 'gas' | 'liquid';
  /** Fraction of the fed reactant converted per pass; the rest is recycled (default: not set — recycle excluded). */
  singlePassConversion?: number;
  feeds?: TeaFeed[];
  /** The separation unit (default: PSA for a gas product, Jouny's distillation for their four liquids, else none). */
  separation?: Partial<SeparationUnit>;
  /** Price of the anode O2, USD kg⁻¹, credited (default: not set — no credit). */
  oxygenPriceUsdPerKg?: number;
  /** Gas densities, kg m⁻³, by species (default: ideal gas at 0 °C, 1 atm: M / 22.414 L mol⁻¹). */
  gasDensitiesKgPerM3?: Record<string, number>;
}

/** One line of the cost: its value (null when excluded) and why it is in or out. */
export interface TeaTerm {
  key: string;
  label: string;
  usdPerKg: number | null;
  included: boolean;
  /** How it was computed, or "excluded unless set: …". */
  basis: string;
}

/** Mass flows of one feed per kg of product. */
export interface FeedBalance {
  species: string;
  molarMassGPerMol: number;
  phase: 'gas' | 'liquid';
  molPerMolProduct: number;
  selectivity: number;
  /** Consumed (converted) feed, kg per kg product = stoichiometry × M_feed / M_product / selectivity. */
  consumedKgPerKgProduct: number;
  /** Single-pass conversion used (null: not set, recycle not computed). */
  singlePassConversion: number | null;
  /** Fed per pass = consumed / conversion (null without a single-pass conversion). */
  fedPerPassKgPerKgProduct: number | null;
  /** Unreacted and recycled = fed − consumed (null without a single-pass conversion). */
  recycledKgPerKgProduct: number | null;
  priceUsdPerKg: number | null;
  priceSource: string;
}

/** The separation unit as costed. */
export interface SeparationResult {
  method: SeparationMethod;
  capacity: number | null;
  capacityUnit: string;
  capitalUsd: number | null;
  unit: Partial<SeparationUnit>;
  source: string;
}

/** Levelized cost and its parts, USD per kg of product. */
export interface TeaResult {
  costUsdPerKg: number;
  /** The included lines only (they add up to costUsdPerKg). */
  breakdownUsdPerKg: Record<string, number>;
  /** Every line, included or not, in print order. */
  terms: TeaTerm[];
  included: string[];
  excluded: string[];
  /** Electrolyzer capital incl. balance of plant, USD. */
  capitalUsd: number;
  electrodeAreaM2: number;
  annualProductionKg: number;
  /** Electrolyzer electricity, kWh kg⁻¹ (separation energy is separate). */
  energyKWhPerKg: number;
  capitalRecoveryFactor: number;
  parameters: Record<string, number | null>;
  massBalance: {
    productKgPerH: number;
    feeds: FeedBalance[];
    hydrogenKgPerKgProduct: number;
    oxygenKgPerKgProduct: number;
    gasToSeparationM3PerKgProduct: number | null;
    gasToSeparationM3PerH: number | null;
  };
  separation: SeparationResult;
}

/** Capital recovery factor r(1+r)^n / ((1+r)^n − 1). */
export function capitalRecoveryFactor(rate: number, years: number): number {
  if (rate === 0) return 1 / years;
  const g = (1 + rate) ** years;
  return (rate * g) / (g - 1);
}

const M_H2 = molarMassGPerMol(resolveSpecies('H2').formula);
const M_O2 = molarMassGPerMol(resolveSpecies('O2').formula);
const hillOf = (species: string, field: string) => toHill(resolveSpecies(species, field).formula);

/**
 * Moles of each reactant per mole of product from the balanced half-reaction (water and H+ close the balance; keys
 * are the registry labels, H+ and H2O included when consumed), its electrons per product and its equation. Used for
 * the TEA feeds and the flow cell's limiting reactant.
 */
export function perProductStoichiometry(product: string, feeds: string[]): { molPerMolProduct: Map<string, number>; electrons: number; equation: string } {
  const r = balanceHalfReaction(feeds, [product]);
  const perProduct = r.products[0]!.coefficient;
  return { molPerMolProduct: new Map(r.reactants.map((t) => [t.species, t.coefficient / perProduct])), electrons: r.electrons, equation: r.equation };
}

/** The filled separation unit: the user's fields over the cited defaults of the method. */
function separationUnit(input: TeaInput, productHill: string | undefined, phase: 'gas' | 'liquid'): { unit: Partial<SeparationUnit>; source: string } {
  const given = input.separation ?? {};
  const distillation = productHill ? JOUNY_DISTILLATION[productHill] : undefined;
  const method: SeparationMethod = given.method ?? (phase === 'gas' ? 'psa' : distillation ? 'distillation' : 'none');
  if (method === 'psa')
    return { unit: { ...PSA_DEFAULTS.unit, ...given, method }, source: given.referenceCapitalUsd === undefined ? PSA_DEFAULTS.source : 'as set' };
  if (method === 'distillation' && distillation) {
    const { name: _name, ...ref } = distillation;
    return { unit: { ...JOUNY_DISTILLATION_COMMON, ...ref, ...given, method }, source: `${distillation.name}: ${JOUNY_DISTILLATION_COMMON.source}` };
  }
  if (method === 'distillation')
    return {
      unit: { productVolumeFraction: JOUNY_DISTILLATION_COMMON.productVolumeFraction, ...given, method },
      source: `as set; 10 vol % product from ${JOUNY_DISTILLATION_COMMON.source}`,
    };
  return { unit: { ...given, method }, source: method === 'none' ? `excluded unless set: no cited separation cost for this ${phase} product` : 'as set' };
}

/**
 * Full-scope levelized product cost, USD per kg:
 * - electrolyzer capital (area × cost × (1 + balance of plant) × CRF) and fixed O&M (fraction × area × cost per year)
 *   over the annual production, and its electricity n·F·V/(FE·M) × price;
 * - each feed: consumption per kg from stoichiometry ÷ selectivity (unreacted feed recycled, so conversion sets the
 *   recycle, not the consumption) × its price;
 * - product separation: capital scaled from a reference unit (annualized with the same CRF), its energy (PSA: kWh per
 *   m³ of unreacted gaseous feed + gaseous product + H2 from the rest of the current) and its operating cost;
 * - optionally a credit for the anode O2 (all the current makes O2, 4 e⁻ each).
 * A term with no value and no cited default is excluded and listed in `excluded` with the reason.
 * @throws {InputError} naming the field for out-of-range input
 */
export function levelizedCost(input: TeaInput): TeaResult {
  const p: Record<string, number | null> = Object.fromEntries(Object.entries(TEA_DEFAULTS).map(([k, v]) => [k, v.value]));
  for (const [k, v] of Object.entries(input.overrides ?? {})) {
    if (!(k in TEA_DEFAULTS)) throw new InputError(`overrides.${k}`, `a parameter among ${Object.keys(TEA_DEFAULTS).join(', ')}`, `got "${k}"`);
    p[k] = assertFiniteInRange(`overrides.${k}`, v as number, 0, 1e9, TEA_DEFAULTS[k]!.unit);
  }
  const num = (k: string) => p[k] as number;
  assertFiniteInRange('overrides.capacityFactor', num('capacityFactor'), 0.01, 1, '(fraction)');
  assertFiniteInRange('overrides.lifetimeYears', num('lifetimeYears'), 1, 200, 'years');
  assertFiniteInRange('productionTonnesPerDay', input.productionTonnesPerDay, 1e-9, 1e6, 't/day');
  assertFiniteInRange('cellVoltageV', input.cellVoltageV, 0, 100, 'V');
  if (input.singlePassConversion !== undefined) assertFiniteInRange('singlePassConversion', input.singlePassConversion, 1e-6, 1, '(fraction, > 0)');
  if (input.oxygenPriceUsdPerKg !== undefined) assertFiniteInRange('oxygenPriceUsdPerKg', input.oxygenPriceUsdPerKg, 0, 1e6, 'USD kg⁻¹');
  const n = Math.abs(input.electrons);
  const M = input.molarMassGPerMol;
  const fe = input.faradaicEfficiency;
  const plant = scaleUp({ ...input, cellAreaM2: 1 });
  const stackUsd = plant.electrodeAreaM2 * num('electrolyzerCostUsdPerM2');
  const capitalUsd = stackUsd * (1 + num('balanceOfPlantFraction'));
  const crf = capitalRecoveryFactor(num('discountRate'), num('lifetimeYears'));
  const annualProductionKg = input.productionTonnesPerDay * 1000 * 365 * num('capacityFactor');
  const productKgPerH = (input.productionTonnesPerDay * 1000) / 24;
  const price = num('electricityUsdPerKWh');
  const energyKWhPerKg = energyPerKgJ({ electrons: n, cellVoltageV: input.cellVoltageV, faradaicEfficiency: fe, molarMassGPerMol: M }) / 3.6e6;
  const terms: TeaTerm[] = [
    {
      key: 'capital',
      label: 'electrolyzer capital',
      usdPerKg: (capitalUsd * crf) / annualProductionKg,
      included: true,
      basis: `${plant.electrodeAreaM2.toFixed(1)} m² × ${num('electrolyzerCostUsdPerM2')} USD m⁻² × (1 + ${num('balanceOfPlantFraction').toPrecision(4)}) × CRF ${crf.toFixed(5)} / ${annualProductionKg.toExponential(4)} kg yr⁻¹`,
    },
    {
      key: 'fixedOpex',
      label: 'fixed O&M',
      usdPerKg: (stackUsd * num('fixedOpexFraction')) / annualProductionKg,
      included: true,
      basis: `${num('fixedOpexFraction')} × electrolyzer cost per year`,
    },
    {
      key: 'electricity',
      label: 'electrolyzer electricity',
      usdPerKg: energyKWhPerKg * price,
      included: true,
      basis: `${energyKWhPerKg.toFixed(4)} kWh kg⁻¹ × ${price} USD kWh⁻¹`,
    },
  ];

  // feeds: consumption from stoichiometry ÷ selectivity; unreacted feed recycled
  const productHill = input.product === undefined ? undefined : hillOf(input.product, 'product');
  const feedsIn = input.feeds ?? [];
  feedsIn.forEach((f, i) => resolveSpecies(f.species, `feeds.${i}.species`)); // a name the registry cannot read is named before balancing
  const reaction = feedsIn.some((f) => f.molPerMolProduct === undefined && f.molPerMolElectrons === undefined)
    ? stoichiometryFor(input.product, feedsIn)
    : null;
  // the feeds are balanced for this reaction, the electricity and current use `electrons`: one reaction for both
  if (reaction !== null && Math.abs(reaction.electrons) !== n)
    throw new InputError(
      'electrons',
      `${Math.abs(reaction.electrons)}, the electrons per ${input.product} of ${reaction.equation} that the feeds are balanced by (or molPerMolProduct on each feed)`,
      `got ${input.electrons}, which is not the reaction of the feeds`,
    );
  const balanced = reaction?.molPerMolProduct ?? new Map<string, number>();
  const feeds: FeedBalance[] = feedsIn.map((f, i) => {
    const field = `feeds.${i}`;
    const species = resolveSpecies(f.species, `${field}.species`);
    const hill = toHill(species.formula);
    const Mf = molarMassGPerMol(species.formula);
    const selectivity = f.selectivity === undefined ? 1 : assertFiniteInRange(`${field}.selectivity`, f.selectivity, 1e-6, 1, '(fraction, > 0)');
    let molPerMolProduct: number;
    if (f.molPerMolProduct !== undefined)
      molPerMolProduct = assertFiniteInRange(`${field}.molPerMolProduct`, f.molPerMolProduct, 0, 1e3, 'mol per mol product');
    else if (f.molPerMolElectrons !== undefined)
      molPerMolProduct = (assertFiniteInRange(`${field}.molPerMolElectrons`, f.molPerMolElectrons, 0, 1e3, 'mol per mol e⁻') * n) / fe;
    else {
      const c = balanced.get(species.label);
      if (c === undefined)
        throw new InputError(
          `${field}.molPerMolProduct`,
          'moles per mole of product (the balanced reaction does not consume this feed)',
          `"${f.species}" is not a reactant of the balanced reaction`,
        );
      molPerMolProduct = c;
    }
    const consumed = (molPerMolProduct * Mf) / M / selectivity;
    const X =
      f.singlePassConversion === undefined
        ? input.singlePassConversion
        : assertFiniteInRange(`${field}.singlePassConversion`, f.singlePassConversion, 1e-6, 1, '(fraction, > 0)');
    const fed = X === undefined ? null : consumed / X;
    const defaultPrice = FEED_PRICE_DEFAULTS[hill];
    const priceUsdPerKg =
      f.priceUsdPerKg !== undefined ? assertFiniteInRange(`${field}.priceUsdPerKg`, f.priceUsdPerKg, 0, 1e6, 'USD kg⁻¹') : (defaultPrice?.value ?? null);
    return {
      species: species.label,
      molarMassGPerMol: Mf,
      phase: f.phase ?? (GAS_SPECIES_HILL.has(hill) ? 'gas' : 'liquid'),
      molPerMolProduct,
      selectivity,
      consumedKgPerKgProduct: consumed,
      singlePassConversion: X ?? null,
      fedPerPassKgPerKgProduct: fed,
      recycledKgPerKgProduct: fed === null ? null : fed - consumed,
      priceUsdPerKg,
      priceSource: f.priceUsdPerKg !== undefined ? 'as set' : (defaultPrice?.source ?? 'excluded unless set: no cited price for this feed'),
    };
  });
  if (feeds.length === 0)
    terms.push({ key: 'feedstock', label: 'feedstock', usdPerKg: null, included: false, basis: 'excluded unless set: give feeds (species, price)' });
  for (const f of feeds) {
    const included = f.priceUsdPerKg !== null;
    terms.push({
      key: `feed:${f.species}`,
      label: `${f.species} feed`,
      usdPerKg: included ? f.consumedKgPerKgProduct * f.priceUsdPerKg! : null,
      included,
      basis: included ? `${f.consumedKgPerKgProduct.toFixed(5)} kg kg⁻¹ × ${f.priceUsdPerKg} USD kg⁻¹ (${f.priceSource})` : f.priceSource,
    });
  }
  if (p.feedstockUsdPerKg !== null)
    terms.push({ key: 'feedstockLump', label: 'other feedstock (lump sum)', usdPerKg: num('feedstockUsdPerKg'), included: true, basis: 'as set' });

  // by-products: H2 from the rest of the current (2 e⁻), O2 at the anode from all of it (4 e⁻)
  const hydrogenKgPerKgProduct = (((1 - fe) / fe) * (n / 2) * M_H2) / M;
  const oxygenKgPerKgProduct = ((n / (4 * fe)) * M_O2) / M;

  // separation
  const phase = input.productPhase ?? (productHill && GAS_SPECIES_HILL.has(productHill) ? 'gas' : 'liquid');
  const density = (species: string | undefined, Mg: number): number => {
    if (species === undefined) return Mg / 1000 / IDEAL_GAS_MOLAR_VOLUME_M3_PER_MOL;
    const hill = hillOf(species, 'gasDensitiesKgPerM3');
    for (const [k, v] of Object.entries(input.gasDensitiesKgPerM3 ?? {}))
      if (hillOf(k, `gasDensitiesKgPerM3.${k}`) === hill) return assertFiniteInRange(`gasDensitiesKgPerM3.${k}`, v, 1e-6, 1e4, 'kg m⁻³');
    return Mg / 1000 / IDEAL_GAS_MOLAR_VOLUME_M3_PER_MOL;
  };
  const { unit, source: separationSource } = separationUnit(input, productHill, phase);
  let capacity: number | null = null;
  let gasM3PerKg: number | null = null;
  let energyPerKgUnit = NaN; // kWh per kg product per unit of energyKWhPerUnit
  let sizingNote = ''; // what the separation's size leaves out, appended to its basis
  if (unit.method === 'psa') {
    const unrecycled = feeds.filter((f) => f.phase === 'gas' && f.recycledKgPerKgProduct === null).map((f) => f.species);
    if (unrecycled.length > 0) sizingNote = `; unreacted ${unrecycled.join(', ')} not in the PSA gas (no single-pass conversion: set singlePassConversion)`;
    const recycle = feeds.filter((f) => f.phase === 'gas').reduce((s, f) => s + (f.recycledKgPerKgProduct ?? 0) / density(f.species, f.molarMassGPerMol), 0);
    gasM3PerKg = recycle + (phase === 'gas' ? 1 / density(input.product, M) : 0) + hydrogenKgPerKgProduct / density('H2', M_H2);
    capacity = gasM3PerKg * productKgPerH;
    energyPerKgUnit = gasM3PerKg;
  } else if (unit.method === 'distillation') {
    if (unit.productDensityKgPerM3 !== undefined && unit.productVolumeFraction !== undefined) {
      assertFiniteInRange('separation.productVolumeFraction', unit.productVolumeFraction, 1e-6, 1, '(fraction)');
      capacity =
        ((productKgPerH / assertFiniteInRange('separation.productDensityKgPerM3', unit.productDensityKgPerM3, 1, 1e5, 'kg m⁻³')) * 1000) /
        60 /
        unit.productVolumeFraction;
    }
  } else if (unit.method === 'crystallization') {
    capacity = productKgPerH;
    energyPerKgUnit = 1;
  }
  for (const k of ['referenceCapitalUsd', 'referenceCapacity', 'scalingExponent', 'energyKWhPerUnit', 'operatingUsdPerYearAtReference'] as const) {
    const v = unit[k];
    if (v !== undefined) assertFiniteInRange(`separation.${k}`, v, k === 'referenceCapacity' ? 1e-9 : 0, k === 'scalingExponent' ? 2 : 1e12, k);
  }
  const label = unit.method === 'none' ? 'separation' : `${unit.method === 'psa' ? 'PSA' : unit.method}`;
  const why = (need: string) =>
    unit.method === 'none'
      ? `excluded unless set: ${separationSource.replace(/^excluded unless set: /, '')} (set separation.method and its reference unit)`
      : `excluded unless set: ${need}`;
  const canScale = capacity !== null && unit.referenceCapitalUsd !== undefined && unit.referenceCapacity !== undefined && unit.scalingExponent !== undefined;
  const separationCapitalUsd = canScale ? unit.referenceCapitalUsd! * (capacity! / unit.referenceCapacity!) ** unit.scalingExponent! : null;
  terms.push({
    key: 'separationCapital',
    label: `${label} capital`,
    usdPerKg: separationCapitalUsd === null ? null : (separationCapitalUsd * crf) / annualProductionKg,
    included: separationCapitalUsd !== null,
    basis:
      separationCapitalUsd !== null
        ? `${unit.referenceCapitalUsd} USD × (${capacity!.toPrecision(5)} / ${unit.referenceCapacity} ${SEPARATION_CAPACITY_UNIT[unit.method!]})^${unit.scalingExponent} × CRF${sizingNote}`
        : why(
            capacity === null && unit.method === 'distillation'
              ? 'separation.productDensityKgPerM3 (and productVolumeFraction) to size the column'
              : 'separation.referenceCapitalUsd, referenceCapacity and scalingExponent',
          ),
  });
  if (unit.method !== 'distillation') {
    const ok = unit.energyKWhPerUnit !== undefined && Number.isFinite(energyPerKgUnit);
    terms.push({
      key: 'separationEnergy',
      label: `${label} energy`,
      usdPerKg: ok ? unit.energyKWhPerUnit! * energyPerKgUnit * price : null,
      included: ok,
      basis: ok
        ? `${unit.energyKWhPerUnit} kWh per ${unit.method === 'psa' ? 'm³' : 'kg'} × ${energyPerKgUnit.toPrecision(5)} ${unit.method === 'psa' ? 'm³' : 'kg'} kg⁻¹ × ${price} USD kWh⁻¹${sizingNote}`
        : why('separation.energyKWhPerUnit'),
    });
  }
  if (unit.method === 'distillation') {
    const ok = capacity !== null && unit.operatingUsdPerYearAtReference !== undefined && unit.referenceCapacity !== undefined;
    terms.push({
      key: 'separationOperating',
      label: 'distillation operating',
      usdPerKg: ok ? (unit.operatingUsdPerYearAtReference! * (capacity! / unit.referenceCapacity!)) / annualProductionKg : null,
      included: ok,
      basis: ok
        ? `${unit.operatingUsdPerYearAtReference} USD yr⁻¹ × ${capacity!.toPrecision(5)} / ${unit.referenceCapacity} L min⁻¹ (${separationSource})`
        : why('separation.operatingUsdPerYearAtReference'),
    });
  }
  if (p.separationUsdPerKg !== null)
    terms.push({ key: 'separationLump', label: 'separation (lump sum)', usdPerKg: num('separationUsdPerKg'), included: true, basis: 'as set' });
  const credit = input.oxygenPriceUsdPerKg;
  terms.push({
    key: 'oxygenCredit',
    label: 'anode O2 credit',
    usdPerKg: credit === undefined ? null : -oxygenKgPerKgProduct * credit,
    included: credit !== undefined,
    basis:
      credit === undefined
        ? 'excluded unless set: oxygenPriceUsdPerKg (O2 purification not costed)'
        : `−${oxygenKgPerKgProduct.toFixed(4)} kg O2 kg⁻¹ × ${credit} USD kg⁻¹ (all the current makes O2; its purification is not costed)`,
  });

  const included = terms.filter((t) => t.included);
  const breakdownUsdPerKg = Object.fromEntries(included.map((t) => [t.key, t.usdPerKg!]));
  const costUsdPerKg = included.reduce((s, t) => s + t.usdPerKg!, 0);
  return {
    costUsdPerKg,
    breakdownUsdPerKg,
    terms,
    included: included.map((t) => t.key),
    excluded: terms.filter((t) => !t.included).map((t) => t.key),
    capitalUsd,
    electrodeAreaM2: plant.electrodeAreaM2,
    annualProductionKg,
    energyKWhPerKg,
    capitalRecoveryFactor: crf,
    parameters: p,
    massBalance: {
      productKgPerH,
      feeds,
      hydrogenKgPerKgProduct,
      oxygenKgPerKgProduct,
      gasToSeparationM3PerKgProduct: gasM3PerKg,
      gasToSeparationM3PerH: gasM3PerKg === null ? null : gasM3PerKg * productKgPerH,
    },
    separation: {
      method: unit.method!,
      capacity,
      capacityUnit: SEPARATION_CAPACITY_UNIT[unit.method!],
      capitalUsd: separationCapitalUsd,
      unit,
      source: separationSource,
    },
  };
}

/** Stoichiometry of the feeds without a given coefficient, from the balanced half-reaction (needs the product). */
function stoichiometryFor(product: string | undefined, feeds: TeaFeed[]): ReturnType<typeof perProductStoichiometry> {
  if (product === undefined) throw new InputError('product', 'the product (to balance the feeds), or molPerMolProduct on every feed', 'missing');
  const species = feeds.filter((f) => f.molPerMolProduct === undefined && f.molPerMolElectrons === undefined).map((f) => f.species);
  try {
    return perProductStoichiometry(product, species);
  } catch (error) {
    throw new InputError('feeds', `feeds that balance into ${product} with H2O/H+ (or molPerMolProduct on each)`, (error as Error).message, { cause: error });
  }
}

/** One bar of a tornado chart: the cost at the low and high value of one parameter (±`fraction`). */
export interface TornadoBar {
  parameter: string;
  lowValue: number;
  highValue: number;
  costAtLowUsdPerKg: number;
  costAtHighUsdPerKg: number;
}

/** Sensitivity of the levelized cost to each parameter varied by ±fraction (FE and capacity capped at 1), largest swing first. */
export function tornado(input: TeaInput, fraction = 0.2): TornadoBar[] {
  const base = levelizedCost(input);
  const processKeys = ['faradaicEfficiency', 'currentDensityAPerM2', 'cellVoltageV'] as const;
  const bars: TornadoBar[] = [];
  const vary = (value: number, f: number, cap?: number) => (cap === undefined ? value * f : Math.min(cap, value * f));
  for (const key of processKeys) {
    const v = input[key];
    const cap = key === 'faradaicEfficiency' ? 1 : undefined;
    const [lo, hi] = [vary(v, 1 - fraction, cap), vary(v, 1 + fraction, cap)];
    bars.push({
      parameter: key,
      lowValue: lo,
      highValue: hi,
      costAtLowUsdPerKg: levelizedCost({ ...input, [key]: lo }).costUsdPerKg,
      costAtHighUsdPerKg: levelizedCost({ ...input, [key]: hi }).costUsdPerKg,
    });
  }
  for (const key of Object.keys(TEA_DEFAULTS)) {
    const v = base.parameters[key];
    if (v === null || v === undefined || v === 0) continue;
    const cap = key === 'capacityFactor' ? 1 : undefined;
    const [lo, hi] = [vary(v, 1 - fraction, cap), vary(v, 1 + fraction, cap)];
    const at = (x: number) =>
      levelizedCost({ ...input, overrides: { ...input.overrides, [key]: key === 'lifetimeYears' ? Math.max(1, Math.round(x)) : x } }).costUsdPerKg;
    bars.push({ parameter: key, lowValue: lo, highValue: hi, costAtLowUsdPerKg: at(lo), costAtHighUsdPerKg: at(hi) });
  }
  return bars.sort((a, b) => Math.abs(b.costAtHighUsdPerKg - b.costAtLowUsdPerKg) - Math.abs(a.costAtHighUsdPerKg - a.costAtLowUsdPerKg));
}

/** Levelized cost as a function of one process variable (break-even curves), at the given values. */
export function costCurve(
  input: TeaInput,
  variable: 'faradaicEfficiency' | 'currentDensityAPerM2',
  values: number[],
): { value: number; costUsdPerKg: number }[] {
  return values.map((value) => ({ value, costUsdPerKg: levelizedCost({ ...input, [variable]: value }).costUsdPerKg }));
}
