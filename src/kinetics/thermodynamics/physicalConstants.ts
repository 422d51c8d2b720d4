import { AVOGADRO_PER_MOL, BOLTZMANN_J_PER_K, ELEMENTARY_CHARGE_C, InputError } from '../../chem/index.js';

/** Names of the physical-constant sets a model can choose with `constants:`. */
export const CONSTANT_SET_NAMES = ['codata2018', 'codata2010', 'catmap'] as const;
/** A constant set's name. */
export type ConstantSetName = (typeof CONSTANT_SET_NAMES)[number];

/** The constants the kinetics use, in the units named. */
export interface PhysicalConstants {
  name: ConstantSetName;
  /** Boltzmann constant, eV/K. */
  boltzmannEvPerK: number;
  /** Planck constant, eV·s. */
  planckEvS: number;
  /** Speed of light, cm/s (exact), for wavenumbers: E = h·c·ν̃. */
  speedOfLightCmPerS: number;
  /** Avogadro constant, mol⁻¹. */
  avogadroPerMol: number;
  /** Elementary charge, C (1 eV = this many J). */
  elementaryChargeC: number;
  /** Atomic mass constant, kg. */
  atomicMassUnitKg: number;
  /** Where the values come from. */
  source: string;
}

const C_CM_PER_S = 29979245800; // exact by definition of the metre (SI 1983)

/**
 * The constant sets. `codata2018`: Tiesinga, Mohr, Newell, Taylor, Rev. Mod. Phys. 93, 025010 (2021),
 * doi:10.1103/RevModPhys.93.025010 — k, h, e and N_A exact since the 2019 SI. `codata2010`: Mohr, Taylor, Newell,
 * Rev. Mod. Phys. 84, 1527 (2012), doi:10.1103/RevModPhys.84.1527 — k = 8.6173324(78)e-5 eV/K,
 * h = 4.135667516(91)e-15 eV s, e = 1.602176565(35)e-19 C, N_A = 6.02214129(27)e23 mol⁻¹, u = 1.660538921(73)e-27 kg
 * (CODATA 2018: u = 1.66053906660(50)e-27 kg). `catmap`: the values
 * CatMAP uses (catmap/model.py: `_kB = 8.617332478e-5`, `_h = 4.135667516e-15`, "from NIST"), i.e. CODATA 2010
 * with the uncertainty digits "78" of k appended (k differs from CODATA 2010 by 9e-9 relative); for bit-for-bit
 * comparisons with CatMAP.
 */
export const CONSTANT_SETS: Readonly<Record<ConstantSetName, PhysicalConstants>> = {
  codata2018: {
    name: 'codata2018',
    boltzmannEvPerK: BOLTZMANN_J_PER_K / ELEMENTARY_CHARGE_C, // the chemistry core's CODATA 2018 values (src/chem/constants.ts)
    planckEvS: 6.62607015e-34 / ELEMENTARY_CHARGE_C,
    speedOfLightCmPerS: C_CM_PER_S,
    avogadroPerMol: AVOGADRO_PER_MOL,
    elementaryChargeC: ELEMENTARY_CHARGE_C,
    atomicMassUnitKg: 1.6605390666e-27,
    source: 'CODATA 2018, doi:10.1103/RevModPhys.93.025010 (exact in the 2019 SI)',
  },
  codata2010: {
    name: 'codata2010',
    boltzmannEvPerK: 8.6173324e-5,
    planckEvS: 4.135667516e-15,
    speedOfLightCmPerS: C_CM_PER_S,
    avogadroPerMol: 6.02214129e23,
    elementaryChargeC: 1.602176565e-19,
    atomicMassUnitKg: 1.660538921e-27,
    source: 'CODATA 2010, doi:10.1103/RevModPhys.84.1527',
  },
  catmap: {
    name: 'catmap',
    boltzmannEvPerK: 8.617332478e-5,
    planckEvS: 4.135667516e-15,
    speedOfLightCmPerS: C_CM_PER_S,
    avogadroPerMol: 6.02214129e23,
    elementaryChargeC: 1.602176565e-19,
    atomicMassUnitKg: 1.660538921e-27,
    source: 'CatMAP catmap/model.py (_kB, _h); N_A and e from CODATA 2010',
  },
};

/** The constant set named `name` (default `codata2018`). @throws {InputError} for an unknown name */
export function physicalConstants(name: string = 'codata2018'): PhysicalConstants {
  const set = (CONSTANT_SETS as Record<string, PhysicalConstants>)[name];
  if (!set) throw new InputError('constants', CONSTANT_SET_NAMES.join(' | '), `unknown constant set "${name}"`);
  return set;
}

/** kJ/mol → eV per particle with the set's N_A and e: 1 kJ/mol = 1000 / (N_A·e) eV. */
export function evPerKjPerMol(constants: PhysicalConstants): number {
  return 1000 / (constants.avogadroPerMol * constants.elementaryChargeC);
}

/** A wavenumber in cm⁻¹ as an energy in eV: h·c·ν̃. */
export function wavenumberToEv(wavenumberPerCm: number, constants: PhysicalConstants): number {
  return constants.planckEvS * constants.speedOfLightCmPerS * wavenumberPerCm;
}
