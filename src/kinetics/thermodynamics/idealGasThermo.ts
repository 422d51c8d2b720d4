import { InputError } from '../../chem/index.js';
import { harmonicThermo } from './harmonicThermo.js';
import { type PhysicalConstants, physicalConstants } from './physicalConstants.js';

/** Rigid-rotor data of one gas molecule for {@link idealGasThermo}. */
export interface IdealGasData {
  /** Molecular mass, u. */
  massAmu: number;
  geometry: 'monatomic' | 'linear' | 'nonlinear';
  /** Principal moments of inertia, u·Å² (linear: the largest is used; nonlinear: all three). */
  momentsOfInertiaAmuA2: readonly number[];
  /** Rotational symmetry number σ. */
  symmetryNumber: number;
  /** Total electron spin S (electronic degeneracy 2S + 1), e.g. 1 for triplet O₂. */
  spin: number;
  source: string;
}

const ASE =
  'ASE 3.22.1: mass (IUPAC 2016 atomic weights) and moments of inertia of the g2 geometry ase.build.molecule(name); σ, geometry and spin from CatMAP catmap/data/parameter_data.py ideal_gas_params';

/**
 * Rigid-rotor data of the gases CatMAP's `ideal_gas` mode knows, as CatMAP gets them (ASE's molecule database and
 * CatMAP's symmetry numbers and spins), for bit-for-bit comparisons with CatMAP setups.
 */
export const IDEAL_GASES: Readonly<Record<string, IdealGasData>> = {
  H2: { massAmu: 2.016, geometry: 'linear', momentsOfInertiaAmuA2: [0, 0.27388051062422397, 0.27388051062422397], symmetryNumber: 2, spin: 0, source: ASE },
  H2O: {
    massAmu: 18.015,
    geometry: 'nonlinear',
    momentsOfInertiaAmuA2: [0.636636930646983, 1.174388082579936, 1.811025013226919],
    symmetryNumber: 2,
    spin: 0,
    source: ASE,
  },
  CO: { massAmu: 28.01, geometry: 'linear', momentsOfInertiaAmuA2: [0, 9.07844233866673, 9.07844233866673], symmetryNumber: 1, spin: 0, source: ASE },
  CO2: { massAmu: 44.009, geometry: 'linear', momentsOfInertiaAmuA2: [0, 44.45273132148607, 44.45273132148607], symmetryNumber: 2, spin: 0, source: ASE },
  O2: { massAmu: 31.998, geometry: 'linear', momentsOfInertiaAmuA2: [0, 12.418474628311035, 12.418474628311035], symmetryNumber: 2, spin: 1, source: ASE },
  N2: { massAmu: 28.014, geometry: 'linear', momentsOfInertiaAmuA2: [0, 8.9424525946014, 8.9424525946014], symmetryNumber: 2, spin: 0, source: ASE },
  NH3: {
    massAmu: 17.031,
    geometry: 'nonlinear',
    momentsOfInertiaAmuA2: [1.710223526268697, 1.7102247402141366, 2.670476640988512],
    symmetryNumber: 3,
    spin: 0,
    source: ASE,
  },
  CH4: {
    massAmu: 16.043,
    geometry: 'nonlinear',
    momentsOfInertiaAmuA2: [3.1916461886991354, 3.1916461886991354, 3.1916461886991354],
    symmetryNumber: 12,
    spin: 0,
    source: ASE,
  },
};

/** Ideal-gas enthalpy, entropy and Gibbs correction at one temperature and pressure. */
export interface IdealGasThermoResult {
  /** ZPE + ∫Cp dT from 0 K (translation, rotation, vibration, + kT), eV. */
  enthalpyEv: number;
  /** Translational + rotational + electronic + vibrational entropy at the pressure, eV/K. */
  entropyEvPerK: number;
  /** H − T·S, eV (added to an electronic formation energy). */
  freeEnergyEv: number;
}

/**
 * Ideal-gas (rigid rotor, harmonic oscillator) thermochemistry, as ASE's `IdealGasThermo` that CatMAP's `ideal_gas`
 * mode calls: H = ZPE + (5/2)kT + (kT linear | (3/2)kT nonlinear) + Σhν/(e^{hν/kT} − 1); S = S_trans(p) + S_rot + k·ln(2S+1)
 * + S_vib, with S_trans = k[ln((2πmkT/h²)^{3/2}·kT/p) + 5/2], S_rot = k[ln(8π²IkT/(σh²)) + 1] (linear) or
 * k[ln(√(πI_AI_BI_C)/σ·(8π²kT/h²)^{3/2}) + 3/2] (nonlinear).
 * @param vibrationEnergiesEv - hν of the modes, eV
 * @param pressurePa - pressure, Pa (default 1e5: the standard state, as CatMAP uses it)
 */
export function idealGasThermo(
  data: IdealGasData,
  vibrationEnergiesEv: readonly number[],
  temperatureK: number,
  pressurePa = 1e5,
  constants: PhysicalConstants = physicalConstants(),
): IdealGasThermoResult {
  if (!(temperatureK > 0)) throw new InputError('temperatureK', 'a positive temperature, K', `got ${temperatureK}`);
  const kB = constants.boltzmannEvPerK;
  const kJ = kB * constants.elementaryChargeC; // J/K
  const hJ = constants.planckEvS * constants.elementaryChargeC; // J s
  const kT = kB * temperatureK;
  const vib = vibrationEnergiesEv.length
    ? harmonicThermo(vibrationEnergiesEv, temperatureK, constants)
    : { zeroPointEv: 0, thermalEnergyEv: 0, entropyEvPerK: 0 };
  const rotCv = data.geometry === 'nonlinear' ? 1.5 : data.geometry === 'linear' ? 1 : 0;
  const enthalpyEv = vib.zeroPointEv + 1.5 * kT + rotCv * kT + vib.thermalEnergyEv + kT;
  const massKg = data.massAmu * constants.atomicMassUnitKg;
  const sTrans = kB * (Math.log(((2 * Math.PI * massKg * kJ * temperatureK) / hJ ** 2) ** 1.5 * ((kJ * temperatureK) / pressurePa)) + 2.5);
  const toSI = (i: number) => (i * constants.atomicMassUnitKg) / 1e20; // u·Å² → kg m²
  let sRot = 0;
  if (data.geometry === 'linear') {
    const I = toSI(Math.max(...data.momentsOfInertiaAmuA2));
    sRot = kB * (Math.log((8 * Math.PI ** 2 * I * kJ * temperatureK) / (data.symmetryNumber * hJ ** 2)) + 1);
  } else if (data.geometry === 'nonlinear') {
    const product = data.momentsOfInertiaAmuA2.reduce((a, i) => a * toSI(i), 1);
    sRot = kB * (Math.log((Math.sqrt(Math.PI * product) / data.symmetryNumber) * ((8 * Math.PI ** 2 * kJ * temperatureK) / hJ ** 2) ** 1.5) + 1.5);
  }
  const entropyEvPerK = sTrans + sRot + kB * Math.log(2 * data.spin + 1) + vib.entropyEvPerK;
  return { enthalpyEv, entropyEvPerK, freeEnergyEv: enthalpyEv - temperatureK * entropyEvPerK };
}
