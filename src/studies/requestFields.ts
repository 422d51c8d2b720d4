/** Request fields that several studies and routes share, defined once (the model reference: kinetics/parser/modelReference.ts). */
import { z } from 'zod';
import { type ModelRequest, modelSourceOf } from '../kinetics/parser/modelReference.js';
import { DEFAULT_SEED } from '../ml/random.js';
import { loadModel } from '../store/builtinModels.js';

/**
 * A request's random seed: an integer from 0 to 2³¹ − 1 (the largest signed 32-bit integer), default 0 ({@link DEFAULT_SEED}); the same
 * input and seed give the same result. `description` (optional) says what it seeds, for the API docs.
 */
export function seedField(description?: string) {
  const seed = z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .default(DEFAULT_SEED);
  return description === undefined ? seed : seed.describe(description);
}

/** The compiled model of a request (built-in models compiled once per process, see {@link loadModel}). */
export const modelOf = (b: ModelRequest) => loadModel(modelSourceOf(b));
