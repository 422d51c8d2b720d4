import { InputError } from '../chem/index.js';
import { parsePrintedElectrolyte } from '../data/parsePrinted.js';
import { bulkComposition } from './bulkComposition.js';

/** Bulk composition from printed electrolyte text, e.g. "0.1 M KHCO3 + 0.05 M KNO3". */
export function electrolyteFromText(text: string, co2Saturated: boolean) {
  const components = parsePrintedElectrolyte(text);
  if (components.length === 0) throw new InputError('electrolyte', 'text such as "0.1 M KHCO3 + 0.05 M KNO3"', 'empty');
  return bulkComposition(
    components.map((c) => {
      if (c.concentrationM === null)
        throw new InputError(
          'electrolyte',
          'a positive concentration in M, mM or µM before every component, e.g. "0.5 M KHCO3 + 50 mM KNO3"',
          // "-0.1 M KOH" and "0.1 mol/L KOH" reach here as "-0.1MKOH" and "0.1 mol": a number the parser could not use
          /^[-+−.\d]/.test(c.name) ? `"${c.name}": a concentration that is not a positive number in M, mM or µM` : `"${c.name}" has no concentration`,
        );
      return { name: c.name, concentrationM: c.concentrationM };
    }),
    co2Saturated,
  );
}
