import { type Command, Option } from 'commander';
import { InputError } from '../chem/index.js';
import { doubleLayerRequestSchema, runDoubleLayerStudy } from '../studies/doubleLayer.js';
import type { Run } from './dbCommands.js';
import { optionalNumber } from './numberOptions.js';

const fmt = (x: number | null, digits = 4) => (x === null ? '—' : Number(x.toPrecision(digits)).toString());

/** CLI flag of each study field, so errors name what the user typed. */
const FLAGS: Record<string, string> = {
  electrolyte: '--electrolyte',
  potentialVvsPzc: '--potential-vs-pzc',
  potentialVvsSHE: '--potential-vs-she',
  pzcVvsSHE: '--pzc-vs-she',
  sternCapacitanceFPerM2: '--stern-capacitance-F-per-m2',
  temperatureK: '--temperature-K',
};
const ALLOWED: Record<string, string> = {
  potentialVvsPzc: 'a number from -3 to 3 V, or --potential-vs-she with --pzc-vs-she',
  potentialVvsSHE: 'a number, with --pzc-vs-she, within ±3 V of it',
  sternCapacitanceFPerM2: 'a positive number up to 100 F m⁻²',
  temperatureK: 'a number from 273 to 373 K',
};

interface DoubleLayerOptions {
  electrolyte: string;
  potentialVsPzc?: string;
  potentialVsShe?: string;
  pzcVsShe?: string;
  sternCapacitanceFPerM2?: string;
  co2Saturated?: boolean;
  temperatureK?: string;
  profile?: boolean;
}

/** `cncouple double-layer`: the equilibrium GMPB double layer (docs/microenvironment.md, "Double layer and cation effects"). */
export function registerDoubleLayerCommand(program: Command, run: Run): void {
  program
    .command('double-layer')
    .description('equilibrium double layer (Bikerman-sized ions, Stern layer, pzc): OHP cation and OH⁻, field, pH, surface charge')
    .requiredOption('--electrolyte <text>', 'Li/Na/K/Cs salts, e.g. "0.1 M KHCO3"')
    .option('--potential-vs-pzc <V>', 'metal potential minus the potential of zero charge, V (e.g. -0.5)')
    .option('--potential-vs-she <V>', 'metal potential, V vs SHE (with --pzc-vs-she)')
    .option('--pzc-vs-she <V>', 'potential of zero charge, V vs SHE (with --potential-vs-she)')
    .option('--stern-capacitance-F-per-m2 <F/m2>', 'Stern-layer capacitance, F m⁻² (default 0.2)')
    .option(
      '--co2-saturated',
      'bulk equilibrated with 1 bar CO2 (H-cell: 0.1 M KOH becomes bicarbonate, pH 6.82); omit for a flow cell whose gas-diffusion electrode feeds CO2',
    )
    .option('--temperature-K <K>', 'temperature, K (default 298.15)')
    .option('--profile', 'include the profile (first 10 nm) in the text output too')
    .addOption(new Option('--json', 'machine-readable output (see docs/cli.md)'))
    .action(
      run((o: DoubleLayerOptions) => {
        const raw = {
          electrolyte: o.electrolyte,
          potentialVvsPzc: optionalNumber('--potential-vs-pzc', o.potentialVsPzc),
          potentialVvsSHE: optionalNumber('--potential-vs-she', o.potentialVsShe),
          pzcVvsSHE: optionalNumber('--pzc-vs-she', o.pzcVsShe),
          sternCapacitanceFPerM2: optionalNumber('--stern-capacitance-F-per-m2', o.sternCapacitanceFPerM2),
          co2Saturated: Boolean(o.co2Saturated),
          temperatureK: optionalNumber('--temperature-K', o.temperatureK),
        };
        const parsed = doubleLayerRequestSchema.safeParse(raw);
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          const field = String(issue.path[0] ?? 'input');
          throw new InputError(FLAGS[field] ?? field, ALLOWED[field] ?? 'see cncouple double-layer --help', issue.message);
        }
        const input = parsed.data;
        const r = runDoubleLayerStudy(input);
        const lines = [
          `double layer: ${r.electrolyte}${input.co2Saturated ? ' (CO2-saturated)' : ''}, E − E_pzc = ${r.potentialVvsPzc} V, Stern ${r.sternCapacitanceFPerM2} F m⁻² (${fmt(r.sternCapacitanceFPerM2 * 100)} µF cm⁻²)`,
          `  model: ${r.model}`,
          `  Debye length ${fmt(r.debyeLengthNm)} nm; bulk pH ${fmt(r.bulkPH)}`,
          `  surface charge ${fmt(r.surfaceChargeUCPerCm2)} µC cm⁻² (diffuse layer ${fmt(r.diffuseChargeCPerM2 * 100)})`,
          `  OHP: φ − φ_bulk ${fmt(r.ohp.potentialVvsBulk)} V (Stern drop ${fmt(r.ohp.sternDropV)} V), field ${fmt(r.ohp.fieldVPerNm)} V nm⁻¹, pH ${fmt(r.ohp.pH)} (activity; from the H⁺ concentration ${r.ohp.concentrationPH === null ? '—' : fmt(r.ohp.concentrationPH)})`,
          `  OHP concentrations (mol m⁻³ = mM): ${Object.entries(r.ohp.concentrationsMolPerM3)
            .map(([k, v]) => `${k} ${fmt(v)}`)
            .join(', ')}`,
          `  steric limits 1/(N_A a³) (mol m⁻³): ${Object.entries(r.stericLimitMolPerM3)
            .map(([k, v]) => `${k} ${fmt(v)}`)
            .join(', ')}`,
          `  sizes (nm): ${Object.entries(r.diametersNm)
            .map(([k, v]) => `${k} ${v.diameterNm}`)
            .join(', ')} — sources in docs/microenvironment.md`,
          ...r.warnings.map((w) => `  warning: ${w}`),
        ];
        if (o.profile) {
          const names = Object.keys(r.profile.concentrationsMolPerM3);
          lines.push(`  x (nm)  φ (V)  ${names.join('  ')}`);
          const step = Math.max(1, Math.floor(r.profile.xNm.length / 25));
          for (let i = 0; i < r.profile.xNm.length; i += step) {
            lines.push(
              `  ${fmt(r.profile.xNm[i]!, 3)}  ${fmt(r.profile.potentialV[i]!)}  ${names.map((n) => fmt(r.profile.concentrationsMolPerM3[n]![i]!)).join('  ')}`,
            );
          }
        }
        return { json: r, text: lines.join('\n') };
      }),
    );
}
