import { AQUEOUS_PK_25C, CO2_SATURATION_M, closedBicarbonatePH, co2EquilibratedPH } from '../chem/carbonateEquilibria.js';
import type { ElectrolyteComponent } from './parsePrinted.js';
import type { CellType } from './recordSchema.js';

/**
 * How a CO2 feed was taken to act on an alkaline bulk (a strong base, carbonate or bicarbonate): `equilibrated`
 * — CO2 bubbled through the bulk, which ends as the CO2-saturated (bi)carbonate (H-cell, undivided cell, and the
 * default when the cell type is not stated); `not equilibrated` — CO2 meets the catalyst through a gas-diffusion
 * electrode and the bulk keeps its own pH (flow cells, for a strong base).
 */
export interface CO2BulkReading {
  bulk: 'equilibrated' | 'not equilibrated';
  /** The record's cell type the reading follows. */
  cellType: CellType;
  /** True when the cell type is not stated and the documented default (`equilibrated`) was taken. */
  assumed: boolean;
}

/** A pH with the way it was obtained. */
export interface PHEstimate {
  /** pH (bulk, 25 °C). */
  value: number;
  /** 'given' by the source, or 'estimated' from the printed composition. */
  method: 'given' | 'estimated';
  /** How, in one line, e.g. "0.1 M KOH: pH = 14 + log10(0.1)". */
  note: string;
  /** Present when a CO2 feed meets an alkaline electrolyte: whether the bulk was taken as equilibrated with it, and why. */
  co2Bulk?: CO2BulkReading;
}

/** Acid–base constants at 25 °C (CRC Handbook of Chemistry and Physics, 97th ed., dissociation constants; {@link AQUEOUS_PK_25C}). */
const PKA_CARBONIC_1 = AQUEOUS_PK_25C.pKa1;
const PKA_CARBONIC_2 = AQUEOUS_PK_25C.pKa2;
const PKA_BISULFATE = 1.99;
const PKW = AQUEOUS_PK_25C.pKw;
const PKA_HYDROXYLAMMONIUM = AQUEOUS_PK_25C.pKaNH3OH;

/** Hydroxylammonium salts as printed, with NH3OH⁺ per formula unit (the counter-ion is a strong acid's anion). */
const HYDROXYLAMMONIUM_SALTS: Record<string, number> = {
  '(NH3OH)2SO4': 2,
  NH3OHCl: 1,
  'NH2OH·HCl': 1,
  'NH2OH.HCl': 1,
  'NH2OH-HCl': 1,
};

/** Cell types where CO2 reaches the catalyst through a gas-diffusion electrode, leaving a strong-base bulk unequilibrated. */
const FLOW_CELLS: readonly CellType[] = ['flow cell', 'PEM flow cell'];

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
 * pH = 14 + log c; bicarbonate without CO2 (pKa1 + pKa2)/2; carbonate pH = 14 − ½(pKb − log c); phosphate buffer
 * printed without its composition: 7.0 (assumed). Unpurged bicarbonate with a hydroxylammonium salt: the closed
 * charge balance with pKa(NH3OH⁺) 5.96 (0.5 M KHCO3 + 10 mM (NH3OH)2SO4 → 7.71, not 8.34); the other rules leave
 * such a salt out and say so in the note.
 *
 * With a CO2 feed, an alkaline bulk (strong base, carbonate, bicarbonate) equilibrated with 1 bar CO2 ends as
 * bicarbonate of the same cation charge B (c for KOH or KHCO3, 2c for K2CO3, summed), pH from the charge balance
 * of {@link co2EquilibratedPH} (0.1 M KOH or KHCO3 → 6.82, not 13). Whether a strong base is equilibrated
 * depends on the cell (`co2Bulk` in the result says which reading was taken): in an H-cell or undivided cell
 * the CO2 is bubbled through the bulk (equilibrated); in a flow cell it meets the catalyst at a gas-diffusion
 * electrode and the bulk keeps pH 14 + log c; with the cell type not stated the bulk is taken as equilibrated
 * (the documented default) and `co2Bulk.assumed` is true. Carbonate and bicarbonate under a CO2 feed are read
 * as equilibrated in every cell. CO2-fed alkaline components printed without a concentration: null (the pH
 * depends on it).
 *
 * @param co2Fed - true when CO2 is a reactant (fed to the cell)
 * @param cellType - the record's cell type (default 'not stated')
 */
export function estimatePH(components: ElectrolyteComponent[], co2Fed: boolean, cellType: CellType = 'not stated'): PHEstimate | null {
  const find = (names: readonly string[]) => components.find((c) => names.includes(c.name));
  const acidSalts = components.filter((c) => c.name in HYDROXYLAMMONIUM_SALTS);
  // every rule but the closed bicarbonate balance leaves a hydroxylammonium salt out, and its note says so
  const ignoredSalts = acidSalts.length > 0 ? `; ignores the weak acid NH3OH⁺ of ${acidSalts.map((c) => c.name).join(', ')} (pKa ${PKA_HYDROXYLAMMONIUM})` : '';
  const acid = components.find((c) => c.name in STRONG_ACIDS || c.name === 'H2SO4');
  const base = find(Object.keys(STRONG_BASES));
  if (acid && (base || find(CARBONATES) || find(BICARBONATES))) return null;
  const estimated = (value: number, note: string, co2Bulk?: CO2BulkReading, saltsIncluded = false): PHEstimate => ({
    value: round2(value),
    method: 'estimated',
    note: saltsIncluded ? note : `${note}${ignoredSalts}`,
    ...(co2Bulk ? { co2Bulk } : {}),
  });
  if (acid && acid.concentrationM) {
    const c = acid.concentrationM;
    if (acid.name === 'H2SO4') {
      const ka2 = 10 ** -PKA_BISULFATE;
      const x = (-(c + ka2) + Math.sqrt((c + ka2) ** 2 + 4 * ka2 * c)) / 2;
      return estimated(-Math.log10(c + x), `${c} M H2SO4, full first and partial second dissociation (pKa2 ${PKA_BISULFATE})`);
    }
    return estimated(-Math.log10(c), `${c} M ${acid.name}: pH = −log10(c)`);
  }
  const alkaline = components.filter((c) => c.name in STRONG_BASES || CARBONATES.includes(c.name) || BICARBONATES.includes(c.name));
  if (co2Fed && alkaline.length > 0) {
    const flowCell = FLOW_CELLS.includes(cellType);
    if (base && flowCell) {
      if (!base.concentrationM) return null;
      return estimated(
        PKW + Math.log10(base.concentrationM),
        `${base.concentrationM} M ${base.name} in a ${cellType}: CO2 meets the catalyst at the gas-diffusion electrode without equilibrating the bulk, pH = 14 + log10(c)`,
        { bulk: 'not equilibrated', cellType, assumed: false },
      );
    }
    // the pH depends on every alkaline concentration: one missing leaves nothing to go on
    if (alkaline.some((c) => !c.concentrationM)) return null;
    const charge = (c: ElectrolyteComponent) => (CARBONATES.includes(c.name) ? 2 : 1) * c.concentrationM!;
    const alkalinityM = Number(alkaline.reduce((sum, c) => sum + charge(c), 0).toPrecision(12));
    // only a strong base reads differently in a flow cell: (bi)carbonate alone does not depend on the cell type
    const assumed = cellType === 'not stated' && base !== undefined;
    const cell = assumed
      ? ' (cell type not stated: CO2 taken as bubbled through the bulk, the default; a flow cell would keep the strong base unequilibrated)'
      : cellType === 'not stated'
        ? ''
        : flowCell
          ? ` (${cellType}: a (bi)carbonate catholyte read as CO2-saturated)`
          : ` (${cellType}: CO2 bubbled through the bulk)`;
    return estimated(
      co2EquilibratedPH(alkalinityM),
      `${alkaline.map((c) => `${c.concentrationM} M ${c.name}`).join(' + ')} equilibrated with 1 bar CO2${cell}: charge balance of ${alkalinityM} M cation charge with HCO3⁻, CO3²⁻ and OH⁻ at [CO2] ${CO2_SATURATION_M} M (pKa1 ${PKA_CARBONIC_1}, pKa2 ${PKA_CARBONIC_2}, pKw ${PKW})`,
      { bulk: 'equilibrated', cellType, assumed },
    );
  }
  if (base && base.concentrationM) return estimated(PKW + Math.log10(base.concentrationM), `${base.concentrationM} M ${base.name}: pH = 14 + log10(c)`);
  const carbonate = find(CARBONATES);
  if (carbonate && carbonate.concentrationM) {
    const pKb = PKW - PKA_CARBONIC_2;
    return estimated(
      PKW - 0.5 * (pKb - Math.log10(carbonate.concentrationM)),
      `${carbonate.concentrationM} M ${carbonate.name}: weak base, pKa2(H2CO3) ${PKA_CARBONIC_2}`,
    );
  }
  const bicarbonate = find(BICARBONATES);
  if (bicarbonate) {
    if (acidSalts.length > 0) {
      // the weak acid NH3OH⁺ (pKa 5.96) protonates bicarbonate: the pH needs every concentration
      if (!bicarbonate.concentrationM || acidSalts.some((c) => !c.concentrationM)) return null;
      const nM = acidSalts.reduce((sum, c) => sum + HYDROXYLAMMONIUM_SALTS[c.name]! * c.concentrationM!, 0);
      return estimated(
        closedBicarbonatePH(bicarbonate.concentrationM, nM),
        `${bicarbonate.concentrationM} M ${bicarbonate.name} + ${acidSalts.map((c) => `${c.concentrationM} M ${c.name}`).join(' + ')} without CO2 purge (closed): charge balance with ${Number(nM.toPrecision(12))} M NH3OH⁺ (pKa ${PKA_HYDROXYLAMMONIUM}), pKa1 ${PKA_CARBONIC_1}, pKa2 ${PKA_CARBONIC_2}`,
        undefined,
        true,
      );
    }
    return estimated((PKA_CARBONIC_1 + PKA_CARBONIC_2) / 2, `${bicarbonate.name} without CO2 purge: amphiprotic, pH = (pKa1 + pKa2)/2`);
  }
  if (find(PHOSPHATE_BUFFERS)) return estimated(7.0, 'phosphate buffer printed without its composition: pH 7.0 assumed');
  return null;
}
