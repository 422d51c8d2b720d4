import { parseFormula, toHill } from '../chem/index.js';
import { SOLUTES } from './transportData.js';

const CRC_GASES_IN_WATER =
  'CRC Handbook of Chemistry and Physics, "Diffusion of gases in water": N2 2.0e-5 cm² s⁻¹ at 25 °C (from D. M. Himmelblau, Chem. Rev. 64, 527 (1964))';

/** Dissolved gases not in the microenvironment's solute table ({@link SOLUTES}): diffusion coefficient, m² s⁻¹, 25 °C. */
const GASES_IN_WATER: readonly { name: string; diffusionM2PerS: number; source: string }[] = [
  { name: 'N2', diffusionM2PerS: 2.0e-9, source: CRC_GASES_IN_WATER },
];

/** A tabulated diffusion coefficient in water and where it comes from. */
export interface DiffusionCoefficient {
  /** The species as tabulated, e.g. "NO3-". */
  species: string;
  /** Diffusion coefficient in water at infinite dilution, 25 °C, m² s⁻¹. */
  diffusionM2PerS: number;
  source: string;
}

const TABLE: readonly DiffusionCoefficient[] = [...SOLUTES, ...GASES_IN_WATER].map((s) => ({
  species: s.name,
  diffusionM2PerS: s.diffusionM2PerS,
  source: s.source,
}));

/** The table by Hill formula with charge, parsed once (a lookup parses only the species asked for). */
const BY_HILL: ReadonlyMap<string, DiffusionCoefficient> = new Map(TABLE.map((t) => [toHill(parseFormula(t.species)), t]));

/** The species with a sourced diffusion coefficient, as tabulated (for messages). */
export const TABULATED_DIFFUSION_SPECIES: readonly string[] = TABLE.map((t) => t.species);

/**
 * The sourced diffusion coefficient of a species in water (25 °C, infinite dilution): the microenvironment's
 * solutes (CRC Handbook, {@link SOLUTES}) and N2 (CRC "Diffusion of gases in water"), matched by formula and
 * charge (`CO(NH2)2` finds urea, `NO3-` nitrate). `undefined` when the repo has no sourced value (e.g. NO, NH2OH):
 * the caller must then ask for the value, never guess one.
 * @example diffusionCoefficientOf('CO2')?.diffusionM2PerS // 1.91e-9
 */
export function diffusionCoefficientOf(formula: string): DiffusionCoefficient | undefined {
  return BY_HILL.get(toHill(parseFormula(formula)));
}

/**
 * The sourced diffusion coefficients of `species` as a help text quotes them, m² s⁻¹, e.g. "CO2 1.91e-9, NO3- 1.902e-9"
 * (read from the table, so help texts cannot drift from it).
 * @throws {Error} for a species without a sourced value (a programming error in the caller's list)
 */
export function quoteDiffusionCoefficients(species: readonly string[]): string {
  return species
    .map((s) => {
      const d = diffusionCoefficientOf(s);
      if (d === undefined) throw new Error(`quoteDiffusionCoefficients: no sourced diffusion coefficient for ${s}`);
      return `${s} ${d.diffusionM2PerS}`;
    })
    .join(', ');
}
