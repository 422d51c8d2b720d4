import { z } from 'zod';
import { CO2_SATURATED_DESCRIPTION } from '../reactor/inputSchemas.js';
import { DEFAULT_STERN_CAPACITANCE_F_PER_M2, doubleLayerFromElectrolyte } from '../transport/doubleLayer.js';
import { defineStudy } from './study.js';

/** Input of {@link doubleLayerStudy}: units in the names; give `potentialVvsPzc`, or `potentialVvsSHE` with `pzcVvsSHE`. */
export const doubleLayerRequestSchema = z
  .object({
    electrolyte: z.string().min(1).max(200).describe('printed electrolyte of Li/Na/K/Cs salts, e.g. "0.1 M KHCO3"'),
    potentialVvsPzc: z.number().min(-3).max(3).optional().describe('metal potential minus the potential of zero charge, V'),
    potentialVvsSHE: z.number().min(-5).max(5).optional().describe('metal potential, V vs SHE (with pzcVvsSHE)'),
    pzcVvsSHE: z.number().min(-5).max(5).optional().describe('potential of zero charge of the electrode, V vs SHE (with potentialVvsSHE)'),
    sternCapacitanceFPerM2: z
      .number()
      .positive()
      .max(100)
      .default(DEFAULT_STERN_CAPACITANCE_F_PER_M2)
      .describe('Stern-layer capacitance, F m⁻² (default 0.2 = 20 µF cm⁻²)'),
    co2Saturated: z.boolean().default(false).describe(CO2_SATURATED_DESCRIPTION),
    temperatureK: z.number().min(273).max(373).default(298.15).describe('temperature, K'),
    ionDiametersNm: z
      .record(z.string().max(20), z.number().min(0).max(5))
      .optional()
      .describe('solvated diameters to override or add, nm, by ion name (e.g. {"HCO3-": 0.8})'),
    profileMaxDistanceNm: z.number().positive().max(1000).default(10).describe('the returned profile stops at this distance from the OHP, nm'),
  })
  .refine((b) => (b.potentialVvsPzc !== undefined) !== (b.potentialVvsSHE !== undefined && b.pzcVvsSHE !== undefined), {
    message: 'give either "potentialVvsPzc", or both "potentialVvsSHE" and "pzcVvsSHE"',
    path: ['potentialVvsPzc'],
  })
  .refine((b) => b.potentialVvsPzc !== undefined || Math.abs(b.potentialVvsSHE! - b.pzcVvsSHE!) <= 3, {
    message: 'potentialVvsSHE − pzcVvsSHE must lie within ±3 V',
    path: ['potentialVvsSHE'],
  });

const finiteOrNull = (v: number) => (Number.isFinite(v) ? v : null);

/** Runs the equilibrium double layer and returns the OHP summary and a profile (x in nm). */
export function runDoubleLayerStudy(b: z.output<typeof doubleLayerRequestSchema>) {
  const potentialVvsPzc = b.potentialVvsPzc ?? b.potentialVvsSHE! - b.pzcVvsSHE!;
  const r = doubleLayerFromElectrolyte({
    electrolyte: b.electrolyte,
    potentialVvsPzc,
    sternCapacitanceFPerM2: b.sternCapacitanceFPerM2,
    co2Saturated: b.co2Saturated,
    temperatureK: b.temperatureK,
    ...(b.ionDiametersNm ? { ionDiametersNm: b.ionDiametersNm } : {}),
  });
  const keep = r.xM.findIndex((x) => x > b.profileMaxDistanceNm * 1e-9);
  const end = keep < 0 ? r.xM.length : keep + 1;
  return {
    model: 'equilibrium GMPB (Bikerman steric term, Stern layer, pzc reference); zero current',
    electrolyte: b.electrolyte,
    potentialVvsPzc,
    sternCapacitanceFPerM2: b.sternCapacitanceFPerM2,
    cations: r.cations,
    bulkPH: r.bulkPH,
    ohp: {
      potentialVvsBulk: r.ohpPotentialV,
      sternDropV: r.sternDropV,
      fieldVPerNm: r.ohpFieldVPerM * 1e-9,
      pH: r.ohpPH,
      concentrationPH: finiteOrNull(r.ohpConcentrationPH),
      cationMolPerM3: r.ohpCationMolPerM3,
      hydroxideMolPerM3: finiteOrNull(r.ohpHydroxideMolPerM3),
      concentrationsMolPerM3: r.ohpConcentrationsMolPerM3,
    },
    surfaceChargeCPerM2: r.surfaceChargeCPerM2,
    surfaceChargeUCPerCm2: r.surfaceChargeCPerM2 * 100,
    diffuseChargeCPerM2: r.diffuseChargeCPerM2,
    debyeLengthNm: r.debyeLengthM * 1e9,
    stericLimitMolPerM3: Object.fromEntries(Object.entries(r.stericLimitMolPerM3).map(([k, v]) => [k, finiteOrNull(v)])),
    diametersNm: r.diametersNm,
    newtonIterations: r.iterations,
    warnings: r.warnings,
    profile: {
      xNm: r.xM.slice(0, end).map((x) => x * 1e9),
      potentialV: r.potentialV.slice(0, end),
      concentrationsMolPerM3: Object.fromEntries(Object.entries(r.concentrationsMolPerM3).map(([k, v]) => [k, v.slice(0, end)])),
    },
  };
}

/** Equilibrium double layer of an electrolyte at a potential vs the pzc: OHP cation/OH⁻, field, pH, surface charge. */
export const doubleLayerStudy = defineStudy({
  name: 'transport.doubleLayer',
  summary: 'Equilibrium double layer (GMPB, Bikerman sizes, Stern layer): OHP concentrations, field, pH, surface charge',
  input: doubleLayerRequestSchema,
  runsOn: 'pool',
  example: { electrolyte: '0.1 M KHCO3', potentialVvsPzc: -0.5 },
  // keyed by the electrolyte's ions
  responseMaps: ['ohp.concentrationsMolPerM3', 'stericLimitMolPerM3', 'diametersNm', 'profile.concentrationsMolPerM3'],
  run: (b) => runDoubleLayerStudy(b),
});
