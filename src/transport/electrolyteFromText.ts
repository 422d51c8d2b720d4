import { InputError } from '../chem/index.js';
import { parsePrintedElectrolyte } from '../data/parsePrinted.js';
import { bulkComposition } from './bulkComposition.js';

/** Bulk composition from printed electrolyte text, e.g. "0.1 M KHCO3 + 0.05 M KNO3". */
export function electrolyteFromText(text: string, co2Saturated: boolean) {
  const components = parsePrintedElectrolyte(text);
  if (components.length === 0) throw new InputError('electrolyte', 'text such as "0.1 M KHCO3 + 0.05 M KNO3"', 'empty');
  return bulkComposition(
    components.map((c) => {
      if (c.concentrationM === null) throw new InputError('electrolyte', 'a concentration for every component, e.g. "0.5 M KHCO3"', `"${c.name}" has none`);
      return { name: c.name, concentrationM: c.concentrationM };
    }),
    co2Saturated,
  );
}
