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
  /**
   * True for organic species with isomers of the same elemental formula (e.g. leucine and isoleucine):
   * the entry then applies only to a species written with exactly this structural formula.
   */
  readonly isomerSpecific?: boolean;
}

const NBS = 'D. D. Wagman et al., The NBS tables of chemical thermodynamic properties, J. Phys. Chem. Ref. Data 11, Suppl. 2 (1982)';

/** Converts a value printed in cal/mol (as in the OBIGT/SUPCRT data files) to kJ/mol. */
function kJFromCal(calPerMol: number): number {
  return (calPerMol * 4.184) / 1000;
}

/** Citation of an aqueous organic species' ΔfG° as compiled in the OBIGT database (CHNOSZ, file organic_aq.csv). */
function obigt(printedCalPerMol: number, primarySource: string, unit: 'cal/mol' | 'J/mol' = 'cal/mol'): string {
  return `${primarySource}; as compiled in the OBIGT database of CHNOSZ (J. M. Dick, doi:10.3389/feart.2019.00180), printed ${printedCalPerMol} ${unit}`;
}

/**
 * Standard Gibbs energies of formation at 298.15 K. The first entry of a formula is its default phase
 * for equilibrium potentials (aqueous where the species is dissolved in the reactions of the review;
 * gases at 1 bar). Species missing here (cyclohexanone and the oximes, glyoxylic acid, formamide, HMTA,
 * DMF, the branched keto acids) have no value we could cite, and E° for their reactions is refused
 * rather than guessed. OBIGT entries are those of CHNOSZ's inst/extdata/OBIGT/organic_aq.csv (commit
 * 9859efd of jedick/CHNOSZ), with their primary references as in its thermo/refs.csv.
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
  {
    formula: 'HCHO',
    phase: 'aq',
    deltaFGkJPerMol: kJFromCal(-26130),
    source: obigt(-26130, 'M. D. Schulte, E. L. Shock, Geochim. Cosmochim. Acta 57, 3835 (1993), doi:10.1016/0016-7037(93)90337-V'),
  },
  {
    formula: 'CH3COCOOH',
    phase: 'aq',
    deltaFGkJPerMol: kJFromCal(-117000),
    source: obigt(-117000, 'P. A. Canovas III, E. L. Shock, Geochim. Cosmochim. Acta 195, 293 (2016), doi:10.1016/j.gca.2016.08.028'),
    isomerSpecific: true,
  },
  {
    formula: 'NH2CH2COOH',
    phase: 'aq',
    deltaFGkJPerMol: kJFromCal(-88620),
    source: obigt(-88620, 'N. Kitadai, J. Mol. Evol. 78, 171 (2014), doi:10.1007/s00239-014-9616-1'),
    isomerSpecific: true,
  },
  {
    formula: 'CH3CH(NH2)COOH',
    phase: 'aq',
    deltaFGkJPerMol: kJFromCal(-88810),
    source: obigt(-88810, 'J. P. Amend, H. C. Helgeson, J. Chem. Soc. Faraday Trans. 93, 1927 (1997), doi:10.1039/A608126F'),
    isomerSpecific: true,
  },
  {
    formula: '(CH3)2CHCH(NH2)COOH',
    phase: 'aq',
    deltaFGkJPerMol: kJFromCal(-85330),
    source: obigt(-85330, 'J. P. Amend, H. C. Helgeson, J. Chem. Soc. Faraday Trans. 93, 1927 (1997), doi:10.1039/A608126F'),
    isomerSpecific: true,
  },
  {
    formula: '(CH3)2CHCH2CH(NH2)COOH',
    phase: 'aq',
    deltaFGkJPerMol: kJFromCal(-84200),
    source: obigt(-84200, 'J. P. Amend, H. C. Helgeson, J. Chem. Soc. Faraday Trans. 93, 1927 (1997), doi:10.1039/A608126F'),
    isomerSpecific: true,
  },
  {
    formula: 'CH3NH2',
    phase: 'aq',
    deltaFGkJPerMol: 21160 / 1000,
    source: obigt(21160, 'K. Robinson et al., Geochim. Cosmochim. Acta 372, 62 (2024), doi:10.1016/j.gca.2024.03.013', 'J/mol'),
  },
  {
    formula: 'CH3CONH2',
    phase: 'aq',
    deltaFGkJPerMol: kJFromCal(-50860),
    source: obigt(-50860, 'E. L. Shock, Geochim. Cosmochim. Acta 57, 3341 (1993), doi:10.1016/0016-7037(93)90542-5'),
    isomerSpecific: true,
  },
  { formula: 'HCHO', phase: 'g', deltaFGkJPerMol: -102.53, source: NBS },
  { formula: 'CH4', phase: 'g', deltaFGkJPerMol: -50.72, source: NBS },
  {
    formula: 'CO(NH2)2',
    phase: 'aq',
    deltaFGkJPerMol: kJFromCal(-48720),
    source: obigt(-48720, 'E. L. Shock, W. B. McKinnon, Icarus 106, 464 (1993), doi:10.1006/icar.1993.1185'),
  },
  { formula: 'CO(NH2)2', phase: 's', deltaFGkJPerMol: -197.33, source: NBS },
];
