import { InputError, parseHumanNumber } from '../chem/index.js';

/** A numeric option as people type it ("−0.9", "0,9"), or undefined when absent; the error names the option. */
export function optionalNumber(field: string, text: string | undefined): number | undefined {
  return text === undefined ? undefined : parseHumanNumber(field, text);
}

/** A numeric option, or `fallback` when absent. */
export function numberOr(field: string, text: string | undefined, fallback: number): number {
  return optionalNumber(field, text) ?? fallback;
}

/** An integer option in [min, max], or `fallback` when absent. */
export function integerOr(field: string, text: string | undefined, fallback: number, min: number, max: number): number {
  const v = numberOr(field, text, fallback);
  if (!Number.isInteger(v) || v < min || v > max) throw new InputError(field, `an integer from ${min} to ${max}`, `got "${text}"`);
  return v;
}
