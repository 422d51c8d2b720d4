import type { ElectrolyteComponent } from './parsePrinted.js';

/** A pH with the way it was obtained. */
export interface PHEstimate {
  /** pH (bulk, 25 °C). */
  value: number;
  /** 'given' by the source, or 'estimated' from the printed composition. */
  method: 'given' | 'estimated';
  /** How, in one line, e.g. "0.1 M KOH: pH = 14 + log10(0.1)". */
  note: string;
}

/** Acid–base constants at 25 °C (CRC Handbook of Chemistry and Physics, 97th ed., dissociation constants). */
const PKA_CARBONIC_1 = 6.35;
const PKA_CARBONIC_2 = 10.33;
const PKA_BISULFATE = 1.99;
const PKW = 14.0;
/** CO2 solubility at 1 bar and 25 °C, mol L⁻¹ (Henry constant 3.4e-2 mol L⁻¹ bar⁻¹; R. Sander, Atmos. Chem. Phys. 15, 4399 (2015), doi:10.5194/acp-15-4399-2015). */
const CO2_SATURATION_M = 0.034;

const STRONG_ACIDS: Record<string, number> = { HCl: 1, HNO3: 1, HClO4: 1 };
const STRONG_BASES: Record<string, number> = { KOH: 1, NaOH: 1, LiOH: 1, CsOH: 1 };
const BICARBONATES = ['KHCO3', 'NaHCO3', 'CsHCO3'];
const CARBONATES = ['K2CO3', 'Na2CO3', 'Cs2CO3'];
const PHOSPHATE_BUFFERS = ['PBS', 'phosphate buffer', 'KPi', 'K-Pi'];

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Estimates the bulk pH of a printed electrolyte from its dominant acid–base component, or returns null
 * with nothing to go on (or when acid and base are printed together, which usually means two
 * compartments). Rules: strong acid pH = −log c (H2SO4 with its second dissociation, pKa2 1.99); strong base
 * pH = 14 + log c; bicarbonate CO2-saturated pH = pKa1 + log(c / 0.034 M), else (pKa1 + pKa2)/2; carbonate
 * pH = 14 − ½(pKb − log c), or CO2-saturated as bicarbonate of twice its concentration; phosphate buffer printed without its composition: 7.0 (assumed). CO2-saturated
 * bicarbonate printed without its concentration: null (the pH depends on it).
 *
 * @param co2Saturated - true when CO2 is a reactant (the electrolyte is purged with CO2)
 */
export function estimatePH(components: ElectrolyteComponent[], co2Saturated: boolean): PHEstimate | null {
  const find = (names: readonly string[]) => components.find((c) => names.includes(c.name));
  const acid = components.find((c) => c.name in STRONG_ACIDS || c.name === 'H2SO4');
  const base = find(Object.keys(STRONG_BASES));
  if (acid && (base || find(CARBONATES) || find(BICARBONATES))) return null;
  const estimated = (value: number, note: string): PHEstimate => ({ value: round2(value), method: 'estimated', note });
  if (acid && acid.concentrationM) {
    const c = acid.concentrationM;
    if (acid.name === 'H2SO4') {
      const ka2 = 10 ** -PKA_BISULFATE;
      const x = (-(c + ka2) + Math.sqrt((c + ka2) ** 2 + 4 * ka2 * c)) / 2;
      return estimated(-Math.log10(c + x), `${c} M H2SO4, full first and partial second dissociation (pKa2 ${PKA_BISULFATE})`);
    }
    return estimated(-Math.log10(c), `${c} M ${acid.name}: pH = −log10(c)`);
  }
  if (base && base.concentrationM) return estimated(PKW + Math.log10(base.concentrationM), `${base.concentrationM} M ${base.name}: pH = 14 + log10(c)`);
  const carbonate = find(CARBONATES);
  if (carbonate && carbonate.concentrationM && co2Saturated) {
    // Purging with CO2 turns carbonate into bicarbonate (CO3²⁻ + CO2 + H2O → 2 HCO3⁻), so the bulk is 2c bicarbonate under 1 bar CO2
    const bicarbonateM = 2 * carbonate.concentrationM;
    return estimated(
      PKA_CARBONIC_1 + Math.log10(bicarbonateM / CO2_SATURATION_M),
      `${carbonate.concentrationM} M ${carbonate.name} saturated with 1 bar CO2: converted to ${bicarbonateM} M bicarbonate (CO3²⁻ + CO2 + H2O → 2 HCO3⁻), pH = pKa1 + log10(c/[CO2]) with [CO2] ${CO2_SATURATION_M} M`,
    );
  }
  if (carbonate && carbonate.concentrationM) {
    const pKb = PKW - PKA_CARBONIC_2;
    return estimated(
      PKW - 0.5 * (pKb - Math.log10(carbonate.concentrationM)),
      `${carbonate.concentrationM} M ${carbonate.name}: weak base, pKa2(H2CO3) ${PKA_CARBONIC_2}`,
    );
  }
  const bicarbonate = find(BICARBONATES);
  if (bicarbonate) {
    // CO2-saturated bicarbonate without its concentration: the pH depends on it (6.82 at 0.1 M, 7.52 at
    // 0.5 M), and the unpurged (pKa1 + pKa2)/2 would contradict the CO2 feed, so no estimate
    if (co2Saturated && !bicarbonate.concentrationM) return null;
    if (co2Saturated && bicarbonate.concentrationM) {
      return estimated(
        PKA_CARBONIC_1 + Math.log10(bicarbonate.concentrationM / CO2_SATURATION_M),
        `${bicarbonate.concentrationM} M ${bicarbonate.name} saturated with 1 bar CO2 (${CO2_SATURATION_M} M): pH = pKa1 + log10(c/[CO2])`,
      );
    }
    return estimated((PKA_CARBONIC_1 + PKA_CARBONIC_2) / 2, `${bicarbonate.name} without CO2 purge: amphiprotic, pH = (pKa1 + pKa2)/2`);
  }
  if (find(PHOSPHATE_BUFFERS)) return estimated(7.0, 'phosphate buffer printed without its composition: pH 7.0 assumed');
  return null;
}
