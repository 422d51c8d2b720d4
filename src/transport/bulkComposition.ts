import { InputError } from '../chem/index.js';
import { CO2_SATURATION_MOL_PER_M3, KA1_MOL_PER_M3, KA2_MOL_PER_M3, KA_NH4_MOL_PER_M3, KW_MOL2_PER_M6 } from './transportData.js';

/** One dissolved salt, acid or base with its concentration, mol/L. */
export interface ElectrolyteSalt {
  name: string;
  concentrationM: number;
}

/** Ions released per formula unit; Na⁺ and Cs⁺ count as the electrolyte cation (stored as K⁺). */
const DISSOCIATION: Record<string, Record<string, number>> = {
  KHCO3: { 'K+': 1, 'HCO3-': 1 },
  NaHCO3: { 'K+': 1, 'HCO3-': 1 },
  CsHCO3: { 'K+': 1, 'HCO3-': 1 },
  K2CO3: { 'K+': 2, 'CO3^2-': 1 },
  Na2CO3: { 'K+': 2, 'CO3^2-': 1 },
  KOH: { 'K+': 1, 'OH-': 1 },
  NaOH: { 'K+': 1, 'OH-': 1 },
  KNO3: { 'K+': 1, 'NO3-': 1 },
  NaNO3: { 'K+': 1, 'NO3-': 1 },
  KNO2: { 'K+': 1, 'NO2-': 1 },
  NaNO2: { 'K+': 1, 'NO2-': 1 },
  K2SO4: { 'K+': 2, 'SO4^2-': 1 },
  Na2SO4: { 'K+': 2, 'SO4^2-': 1 },
  Li2SO4: { 'K+': 2, 'SO4^2-': 1 },
};

/** Equilibrium constants in mol/m³ units at 25 °C (pKa1 6.35, pKa2 10.33, pKa(NH4⁺) 9.25; the ones of the reactions). */
const KA1 = KA1_MOL_PER_M3;
const KA2 = KA2_MOL_PER_M3;
const KA_NH4 = KA_NH4_MOL_PER_M3;

/** Bulk equilibrium composition: concentration of each solute, mol m⁻³, and the pH. */
export interface BulkComposition {
  concentrations: Record<string, number>;
  pH: number;
}

/**
 * Equilibrium speciation of the bulk electrolyte: salts dissociate fully; the carbonate and ammonium
 * systems and water equilibrate; the pH follows from electroneutrality (bisection on log [H⁺]). With
 * `co2Saturated`, dissolved CO2 is fixed at its 1-bar solubility (0.034 M) instead of conserving total carbon.
 * @example bulkComposition([{ name: 'KHCO3', concentrationM: 0.1 }], true).pH // 6.82
 */
export function bulkComposition(salts: ElectrolyteSalt[], co2Saturated: boolean, ammoniaTotalM = 0): BulkComposition {
  const totals: Record<string, number> = {};
  for (const s of salts) {
    const ions = DISSOCIATION[s.name];
    if (!ions) throw new InputError('electrolyte', `salts among ${Object.keys(DISSOCIATION).join(', ')}`, `unknown electrolyte component "${s.name}"`);
    if (!(s.concentrationM >= 0 && s.concentrationM <= 10)) throw new InputError('electrolyte', 'concentrations from 0 to 10 M', `${s.name}: ${s.concentrationM} M`);
    for (const [ion, n] of Object.entries(ions)) totals[ion] = (totals[ion] ?? 0) + n * s.concentrationM * 1000;
  }
  const cation = totals['K+'] ?? 0;
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
    'K+': cation,
    'NO3-': totals['NO3-'] ?? 0,
    'NO2-': totals['NO2-'] ?? 0,
    NH3: s.nh3,
    'NH4+': s.nh4,
    'SO4^2-': totals['SO4^2-'] ?? 0,
  };
  return { concentrations, pH };
}
