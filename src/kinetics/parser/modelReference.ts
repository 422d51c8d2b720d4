/**
 * The request fields that name a kinetic model — a built-in name or a model file as text — defined once, below
 * every layer whose requests carry a model (reactor's couple input, the studies, the server's sweep bodies).
 */
import { z } from 'zod';
import { InputError } from '../../chem/index.js';

/** A request's model: a built-in name or a model file as text (one of the two; see {@link hasModel}). */
export interface ModelRequest {
  /** Built-in model name (GET /api/models). */
  model?: string;
  /** A model file as YAML or JSON text. */
  modelText?: string;
}

/** The request fields naming a model: `model` (built-in name, ≤ 200 characters) or `modelText` (YAML/JSON, ≤ 1 MB). */
export const modelRef = {
  model: z.string().max(200).optional().describe('built-in model name (GET /api/models)'),
  modelText: z.string().max(1_000_000).optional().describe('a model file as YAML or JSON text'),
};

const NEED_MODEL = 'give "model" (a built-in model name, see GET /api/models) or "modelText" (a model file as YAML or JSON text)';

/** Check for schemas spreading {@link modelRef}, used as `.refine(hasModel, needModel)`: one of the two is given. */
export const hasModel = (v: ModelRequest) => v.model !== undefined || v.modelText !== undefined;
/** The error of {@link hasModel}, reported on the `model` field. */
export const needModel = { message: NEED_MODEL, path: ['model'] };

/** The source of a request's model for the model loader (text wins over name); also what a worker task carries. */
export function modelSourceOf(b: ModelRequest): { text: string } | { name: string } {
  if (b.modelText !== undefined) return { text: b.modelText };
  if (b.model !== undefined) return { name: b.model };
  throw new InputError(
    'model',
    'a built-in model name (GET /api/models), or a model file as YAML or JSON text in "modelText"',
    'neither "model" nor "modelText" given',
  );
}
