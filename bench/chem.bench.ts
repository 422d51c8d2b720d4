import { balanceHalfReaction, convertPotential, convertYieldRate, molarMassGPerMol, parseFormula } from '../src/index.js';
import type { BenchCase } from './harness.js';

/**
 * Chemistry-core benchmarks. Baselines in the same run: for parsing, JSON.parse of a same-size object
 * (what any formula parser has to beat to be "free"); for balancing, parsing the same species alone.
 */
export const chemBenchCases: BenchCase[] = [
  { group: 'formula', name: 'baseline: JSON.parse {"C":1,"H":4,"N":2,"O":1}', run: () => JSON.parse('{"C":1,"H":4,"N":2,"O":1}') },
  { group: 'formula', name: 'parseFormula CO(NH2)2', run: () => parseFormula('CO(NH2)2') },
  { group: 'formula', name: 'parseFormula [Fe(CN)6]4-', run: () => parseFormula('[Fe(CN)6]4-') },
  { group: 'formula', name: 'parseFormula + molar mass CuSO4·5H2O', run: () => molarMassGPerMol(parseFormula('CuSO4·5H2O')) },
  { group: 'balance', name: 'baseline: parse the 3 species only', run: () => ['CO2', 'NO3-', 'CO(NH2)2'].map((s) => parseFormula(s)) },
  { group: 'balance', name: 'balance urea from CO2 + NO3- (16 e-)', run: () => balanceHalfReaction(['CO2', 'NO3-'], ['urea']) },
  { group: 'balance', name: 'balance HMTA from HCHO + NO3- (32 e-)', run: () => balanceHalfReaction(['HCHO', 'NO3-'], ['HMTA']) },
  { group: 'balance', name: 'balance valine from keto acid + NO (7 e-)', run: () => balanceHalfReaction(['3-methyl-2-oxobutanoic acid', 'NO'], ['valine']) },
  { group: 'conversions', name: 'baseline: arithmetic E + 0.197 + 0.0592·pH', run: () => -0.9 + 0.197 + 0.0591593 * 7 },
  { group: 'conversions', name: 'convertPotential Ag/AgCl → RHE', run: () => convertPotential(-0.9, 'Ag/AgCl sat. KCl', 'RHE', { pH: 7 }) },
  {
    group: 'conversions',
    name: 'convertYieldRate mmol h-1 cm-2 → mg h-1 cm-2',
    run: () => convertYieldRate(0.78, 'mmol h-1 cm-2', 'mg h-1 cm-2', { molarMassGPerMol: 113.16 }),
  },
];
