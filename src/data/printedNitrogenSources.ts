import type { ElectrolyteComponent } from './parsePrinted.js';

/** Ions of inorganic N sources, by the group a salt's formula prints, and the registry id each stands for. */
const ION_PATTERNS: readonly [RegExp, string][] = [
  [/NO3/, 'nitrate'],
  [/NO2(?![0-9])/, 'nitrite'],
  [/NH3OH|NH2OH/, 'hydroxylamine'],
  [/NH4|^NH3$/, 'ammonia'],
];

/** The N sources (registry ids) a salt in a printed electrolyte can show: nitrate, nitrite, hydroxylamine, ammonia. */
export const PRINTABLE_NITROGEN_SOURCES: readonly string[] = [...new Set(ION_PATTERNS.map(([, id]) => id))];

/**
 * Registry ids of the N sources printed in an electrolyte, each once, in the order printed: "KNO3" → nitrate,
 * "KNO2" → nitrite, "(NH3OH)2SO4" or "NH2OH·HCl" → hydroxylamine, "NH4Cl" → ammonia (ammonium and ammonia are
 * one N source here, as hydroxylammonium and hydroxylamine are; "NH4HCO3" → ammonia). Components with carbon
 * outside a (bi)carbonate group (organics such as nitrobenzene or "CYC") and names that are not formulas give none.
 * @example printedNitrogenSources([{ name: 'KHCO3', concentrationM: 0.1 }, { name: 'KNO3', concentrationM: 0.05 }, { name: 'KNO2', concentrationM: 0.05 }]) // ['nitrate', 'nitrite']
 */
export function printedNitrogenSources(components: readonly ElectrolyteComponent[]): string[] {
  const found: string[] = [];
  for (const c of components) {
    // a carbonate or bicarbonate group is inorganic: NH4HCO3 and (NH4)2CO3 show ammonia as NH4Cl does
    const name = c.name.replace(/\s+/g, '').replace(/H?CO3(?![0-9])/g, '');
    if (/C(?![a-z])/.test(name)) continue; // carbon left (not a two-letter symbol such as Cl, Ca, Cs, Cu, Co, Cd): an organic, no N source
    for (const [pattern, id] of ION_PATTERNS) if (pattern.test(name) && !found.includes(id)) found.push(id);
  }
  return found;
}
