import { InputError } from '../chem/index.js';
import { CO2_SATURATION_MOL_PER_M3, KA1_MOL_PER_M3, KA2_MOL_PER_M3, KA_NH4_MOL_PER_M3, KW_MOL2_PER_M6 } from './transportData.js';

/** One dissolved salt, acid or base with its concentration, mol/L. */
export interface ElectrolyteSalt {
  name: string;
  concentrationM: number;
}

/**
 * Cations a salt may carry: the alkali cations with a cited diffusion coefficient in `SOLUTES` (transportData.ts). A cation
 * without one (e.g. Rb⁺) is refused by name rather than booked as another ion.
 */
export const SALT_CATIONS = { Li: 'Li+', Na: 'Na+', K: 'K+', Cs: 'Cs+' } as const;

/** Anions a salt may carry, with their charge number. */
const SALT_ANIONS: Readonly<Record<string, { ion: string; charge: number }>> = {
  HCO3: { ion: 'HCO3-', charge: 1 },
  CO3: { ion: 'CO3^2-', charge: 2 },
  OH: { ion: 'OH-', charge: 1 },
  NO3: { ion: 'NO3-', charge: 1 },
  NO2: { ion: 'NO2-', charge: 1 },
  SO4: { ion: 'SO4^2-', charge: 2 },
};

const SALT_FORMULA = /^([A-Z][a-z]?)(\d*)(HCO3|CO3|OH|NO3|NO2|SO4)$/;
const ALLOWED_SALTS = `salts of ${Object.keys(SALT_CATIONS).join(', ')} with ${Object.keys(SALT_ANIONS).join(', ')} (e.g. KHCO3, NaHCO3, Cs2SO4, LiOH)`;

/**
 * Ions released per formula unit of a fully dissociating salt, e.g. `Cs2SO4` → { 'Cs+': 2, 'SO4^2-': 1 }.
 * @throws {InputError} (field `electrolyte`) for a formula that is not an electroneutral salt of a known cation
 * and anion, naming the cation when only the cation is unknown
 * @example saltIons('Na2CO3') // { 'Na+': 2, 'CO3^2-': 1 }
 */
export function saltIons(name: string): Record<string, number> {
  const m = SALT_FORMULA.exec(name);
  if (!m) throw new InputError('electrolyte', ALLOWED_SALTS, `unknown electrolyte component "${name}"`);
  const [, element = '', countText = '', anionText = ''] = m;
  const cation = Object.hasOwn(SALT_CATIONS, element) ? SALT_CATIONS[element as keyof typeof SALT_CATIONS] : undefined;
  if (!cation)
    throw new InputError('electrolyte', ALLOWED_SALTS, `"${name}": the cation ${element}+ has no sourced diffusion coefficient here, so it is not modelled`);
  const anion = SALT_ANIONS[anionText]!;
  const count = countText === '' ? 1 : Number(countText);
  if (count !== anion.charge)
    throw new InputError('electrolyte', ALLOWED_SALTS, `"${name}" is not electroneutral (${anion.ion} needs ${anion.charge} ${cation})`);
  return { [cation]: count, [anion.ion]: 1 };
}

/** Equilibrium constants in mol/m³ units at 25 °C (pKa1 6.35, pKa2 10.33, pKa(NH4⁺) 9.25; the ones of the reactions). */
const KA1 = KA1_MOL_PER_M3;
const KA2 = KA2_MOL_PER_M3;
const KA_NH4 = KA_NH4_MOL_PER_M3;

/** Bulk equilibrium composition: concentration of each solute, mol m⁻³, and the pH. */
export interface BulkComposition {
  /** Concentration of each solute, mol m⁻³; each salt cation under its own name (`Na+`, `Cs+`, …). */
  concentrations: Record<string, number>;
  pH: number;
  /** The salt cations present (concentration > 0), e.g. `['K+']`, in the order of {@link SALT_CATIONS}. */
  cations: string[];
}

/**
 * Equilibrium speciation of the bulk electrolyte: salts dissociate fully; the carbonate and ammonium
 * systems and water equilibrate; the pH follows from electroneutrality (bisection on log [H⁺]). With
 * `co2Saturated`, dissolved CO2 is fixed at its 1-bar solubility (0.034 M) instead of conserving total carbon.
 * Each salt cation keeps its own name (Li⁺, Na⁺, K⁺, Cs⁺), so the transport model uses its own diffusion coefficient.
 * @throws {InputError} (field `electrolyte`) for an unknown salt or a cation without a sourced diffusion coefficient
 * @example bulkComposition([{ name: 'KHCO3', concentrationM: 0.1 }], true).pH // 6.82
 */
export function bulkComposition(salts: ElectrolyteSalt[], co2Saturated: boolean, ammoniaTotalM = 0): BulkComposition {
  const totals: Record<string, number> = {};
  for (const s of salts) {
    const ions = saltIons(s.name);
    if (!(s.concentrationM >= 0 && s.concentrationM <= 10))
      throw new InputError('electrolyte', 'concentrations from 0 to 10 M', `${s.name}: ${s.concentrationM} M`);
    for (const [ion, n] of Object.entries(ions)) totals[ion] = (totals[ion] ?? 0) + n * s.concentrationM * 1000;
  }
  const cations = Object.values(SALT_CATIONS).filter((c) => (totals[c] ?? 0) > 0);
  const cation = cations.reduce((sum, c) => sum + totals[c]!, 0);
  const carbonTotal = (totals['HCO3-'] ?? 0) + (totals['CO3^2-'] ?? 0);
  const inertAnions = (totals['NO3-'] ?? 0) + (totals['NO2-'] ?? 0) + 2 * (totals['SO4^2-'] ?? 0);
  const nh = ammoniaTotalM * 1000;
  const speciate = (h: number) => {
    const oh = KW_MOL2_PER_M6 / h;
    let co2: number;
    let hco3: number;
    let co3: number;
    if (co2Saturated) {
      co2 = CO2_SATURATION_MOL_PER_M3;
      hco3 = (KA1 * co2) / h;
      co3 = (KA2 * hco3) / h;
    } else {
      const d = 1 + KA1 / h + (KA1 * KA2) / (h * h);
      co2 = carbonTotal / d;
      hco3 = (co2 * KA1) / h;
      co3 = (hco3 * KA2) / h;
    }
    const nh4 = (nh * h) / (h + KA_NH4);
    return { co2, hco3, co3, oh, nh4, nh3: nh - nh4 };
  };
  const chargeExcess = (h: number) => {
    const s = speciate(h);
    return cation + h + s.nh4 - (s.hco3 + 2 * s.co3 + s.oh + inertAnions);
  };
  // positive charge excess decreases with [H+] falling: bisection on pH from -1 to 15
  let lo = -1;
  let hi = 15;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    const h = 1000 * 10 ** -mid;
    if (chargeExcess(h) > 0) lo = mid;
    else hi = mid;
  }
  const pH = (lo + hi) / 2;
  const h = 1000 * 10 ** -pH;
  const s = speciate(h);
  const concentrations: Record<string, number> = {
    CO2: s.co2,
    'HCO3-': s.hco3,
    'CO3^2-': s.co3,
    'OH-': s.oh,
    'H+': h,
    ...Object.fromEntries(cations.map((c) => [c, totals[c]!])),
    'NO3-': totals['NO3-'] ?? 0,
    'NO2-': totals['NO2-'] ?? 0,
    NH3: s.nh3,
    'NH4+': s.nh4,
    'SO4^2-': totals['SO4^2-'] ?? 0,
  };
  return { concentrations, pH, cations };
}
