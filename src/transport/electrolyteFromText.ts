import { InputError, readHumanNumber } from '../chem/index.js';
import { parsePrintedElectrolyte, unreadConcentration } from '../data/parsePrinted.js';
import { bulkComposition } from './bulkComposition.js';

const EXAMPLE = 'text such as "0.1 M KHCO3 + 0.05 M KNO3"';

/**
 * Bulk composition from typed electrolyte text, e.g. "0.1 M KHCO3 + 0.05 M KNO3" (components joined by "+",
 * "and" or "/", see {@link parsePrintedElectrolyte}). Concentrations are typed numbers and read by the rule of
 * every typed number ({@link readHumanNumber}): "." is the decimal point and a comma is refused with the forms to
 * write instead ("0,1 M KOH" → write 0.1), where the parser of printed papers reads an unambiguous decimal comma.
 * @throws {InputError} (field `electrolyte`) for an empty text, a number with a comma, a component without a
 * readable positive concentration, or an unknown salt
 */
export function electrolyteFromText(text: string, co2Saturated: boolean) {
  // a typed concentration with a comma ("0,1 M", "1,500 mM"): refused as in every other typed number field
  for (const [, number = ''] of text.matchAll(/(\d[\d.]*,[\d.,]*)\s*(?:M|mM|[μµ]M)(?![A-Za-z])/g)) {
    const reading = readHumanNumber(number);
    if (!reading.ok) throw new InputError('electrolyte', `${EXAMPLE}, with ${reading.allowed}`, reading.problem);
  }
  const components = parsePrintedElectrolyte(text);
  if (components.length === 0) throw new InputError('electrolyte', EXAMPLE, 'empty');
  return bulkComposition(
    components.map((c) => {
      if (c.concentrationM === null)
        throw new InputError(
          'electrolyte',
          'a positive concentration in M, mM or µM before every component, e.g. "0.5 M KHCO3 + 50 mM KNO3"',
          // "-0.1 M KOH" and "0.1 mol/L KOH" reach here as "-0.1MKOH" and "0.1 mol": a number the parser could not use
          unreadConcentration(c) !== null ? `"${c.name}": a concentration that is not a positive number in M, mM or µM` : `"${c.name}" has no concentration`,
        );
      return { name: c.name, concentrationM: c.concentrationM };
    }),
    co2Saturated,
  );
}
