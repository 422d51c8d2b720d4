/** Phase of a tabulated species: gas (1 bar), liquid, solid, or aqueous (1 mol/kg ideal). */
export type Phase = 'g' | 'l' | 's' | 'aq';

/** One standard Gibbs energy of formation at 298.15 K. */
export interface FormationGibbsEnergy {
  /** Formula in the chemistry core's grammar, e.g. `NO3-`. */
  readonly formula: string;
  readonly phase: Phase;
  /** Δf G°, kJ/mol at 298.15 K, as printed in the source (or derived, see `source`). */
  readonly deltaFGkJPerMol: number;
  readonly source: string;
}

const NBS =
  'D. D. Wagman et al., The NBS tables of chemical thermodynamic properties, J. Phys. Chem. Ref. Data 11, Suppl. 2 (1982)';

/**
 * Standard Gibbs energies of formation at 298.15 K. The first entry of a formula is its default phase
 * for equilibrium potentials (aqueous where the species is dissolved in the reactions of the review;
 * gases at 1 bar). Species missing here (oximes, amino acids, HMTA, DMF, formamide, the keto acids) have
 * no value we could cite, and E° for their reactions is refused rather than guessed.
 */
export const FORMATION_GIBBS_ENERGIES: readonly FormationGibbsEnergy[] = [
  { formula: 'H2O', phase: 'l', deltaFGkJPerMol: -237.129, source: NBS },
  { formula: 'H+', phase: 'aq', deltaFGkJPerMol: 0, source: 'convention (ΔfG° of H+(aq) is zero)' },
  { formula: 'OH-', phase: 'aq', deltaFGkJPerMol: -157.244, source: NBS },
  { formula: 'H2', phase: 'g', deltaFGkJPerMol: 0, source: 'element in its reference state' },
  { formula: 'O2', phase: 'g', deltaFGkJPerMol: 0, source: 'element in its reference state' },
  { formula: 'N2', phase: 'g', deltaFGkJPerMol: 0, source: 'element in its reference state' },
  { formula: 'NO3-', phase: 'aq', deltaFGkJPerMol: -108.74, source: NBS },
  { formula: 'NO2-', phase: 'aq', deltaFGkJPerMol: -32.2, source: NBS },
  { formula: 'NO', phase: 'g', deltaFGkJPerMol: 86.55, source: NBS },
  { formula: 'N2O', phase: 'g', deltaFGkJPerMol: 104.2, source: NBS },
  { formula: 'NH3', phase: 'aq', deltaFGkJPerMol: -26.5, source: NBS },
  { formula: 'NH3', phase: 'g', deltaFGkJPerMol: -16.45, source: NBS },
  { formula: 'NH4+', phase: 'aq', deltaFGkJPerMol: -79.31, source: NBS },
  { formula: 'NH3OH+', phase: 'aq', deltaFGkJPerMol: -56.56, source: NBS },
  {
    formula: 'NH2OH',
    phase: 'aq',
    deltaFGkJPerMol: -22.54,
    source: `derived: ΔfG°(NH3OH+, aq) of ${NBS} plus 2.303RT·pKa with pKa(NH3OH+) = 5.96 (CRC Handbook of Chemistry and Physics, dissociation constants of inorganic acids and bases)`,
  },
  { formula: 'CO2', phase: 'g', deltaFGkJPerMol: -394.359, source: NBS },
  { formula: 'CO2', phase: 'aq', deltaFGkJPerMol: -385.98, source: NBS },
  { formula: 'CO', phase: 'g', deltaFGkJPerMol: -137.168, source: NBS },
  { formula: 'HCO3-', phase: 'aq', deltaFGkJPerMol: -586.77, source: NBS },
  { formula: 'CO3^2-', phase: 'aq', deltaFGkJPerMol: -527.81, source: NBS },
  { formula: 'HCOOH', phase: 'aq', deltaFGkJPerMol: -372.3, source: NBS },
  { formula: 'HCOO-', phase: 'aq', deltaFGkJPerMol: -351.0, source: NBS },
  { formula: 'CH3OH', phase: 'aq', deltaFGkJPerMol: -175.31, source: NBS },
  { formula: 'CH3OH', phase: 'l', deltaFGkJPerMol: -166.27, source: NBS },
  { formula: 'HCHO', phase: 'g', deltaFGkJPerMol: -102.53, source: NBS },
  { formula: 'CH4', phase: 'g', deltaFGkJPerMol: -50.72, source: NBS },
  {
    formula: 'CO(NH2)2',
    phase: 'aq',
    deltaFGkJPerMol: -203.7,
    source: `derived: ΔrG° = −13.6 kJ/mol for 2 NH3(g) + CO2(g) → CO(NH2)2(aq) + H2O(l) (standard textbook value) with the ${NBS} values of NH3(g), CO2(g) and H2O(l)`,
  },
  { formula: 'CO(NH2)2', phase: 's', deltaFGkJPerMol: -197.33, source: NBS },
];
