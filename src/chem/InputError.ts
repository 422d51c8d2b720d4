/**
 * The one error type for bad user input: names the offending field and the allowed form.
 * Edges map it to exit code 2 (CLI) or HTTP 400 (server); library callers may catch it by class.
 *
 * @example new InputError('pH', 'a number from -2 to 16', 'got "abc"')
 */
export class InputError extends Error {
  /** Path of the offending input field, e.g. `formula` or `from[1]`. */
  readonly field: string;
  /** Human description of what the field accepts. */
  readonly allowed: string;

  /**
   * @param detail - optional extra lines shown after the one-line message (e.g. a caret under the text)
   */
  constructor(field: string, allowed: string, problem: string, options?: { cause?: unknown; detail?: string }) {
    super(`${field}: ${problem} (allowed: ${allowed})${options?.detail ? '\n' + options.detail : ''}`, options);
    this.name = 'InputError';
    this.field = field;
    this.allowed = allowed;
  }
}

/** Throws an {@link InputError} unless `value` is a finite number inside [min, max]. Returns the value. */
export function assertFiniteInRange(field: string, value: number, min: number, max: number, unit = ''): number {
  const allowed = `a finite number from ${min} to ${max}${unit ? ' ' + unit : ''}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InputError(field, allowed, `got ${JSON.stringify(value)}`);
  }
  if (value < min || value > max) throw new InputError(field, allowed, `got ${value}`);
  return value;
}
