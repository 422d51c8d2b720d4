import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { InputError } from '../chem/index.js';
import { type CompiledModel, compileModel, parseModelText } from '../kinetics/parser/compileModel.js';

const MODELS_DIR = new URL('../../data/models/', import.meta.url);

/** A built-in model's name, description and source. */
export interface BuiltinModelInfo {
  name: string;
  description: string;
  source: string;
  pathways: string[];
  descriptors: Record<string, number>;
  potentialVvsRHE: number;
  /** Ids of the literature records the model stands for (the model file's `comparesTo.records`; [] when none). */
  comparesToRecords: string[];
  /** Compile-time warnings (pathways the chemistry core cannot check, missing desorption channels). */
  warnings: string[];
}

/** Names of the built-in models (data/models/*.yaml). */
export function builtinModelNames(): string[] {
  return readdirSync(MODELS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
}

/** The YAML text of a built-in model. @throws {InputError} for unknown names */
export function builtinModelText(name: string): string {
  if (!builtinModelNames().includes(name))
    throw new InputError('model', `a built-in model (${builtinModelNames().join(', ')}) or a model file`, `unknown model "${name}"`);
  return readFileSync(new URL(`${name}.yaml`, MODELS_DIR), 'utf8');
}

/** Info on every built-in model. */
export function listBuiltinModels(): BuiltinModelInfo[] {
  return builtinModelNames().map((name) => {
    const m = parseModelText(builtinModelText(name), name);
    return {
      name,
      description: (m.description ?? '').trim(),
      source: m.source ?? '',
      pathways: m.pathways.map((p) => p.name),
      descriptors: m.descriptors,
      potentialVvsRHE: m.potentialVvsRHE,
      comparesToRecords: m.comparesTo?.records ?? [],
      warnings: loadModel({ name }).warnings,
    };
  });
}

const compiledBuiltins = new Map<string, CompiledModel>();

/**
 * Compiles a model given by built-in name, as YAML/JSON text, or — for the CLI only — by file path.
 * A name is never read as a path, so that HTTP requests cannot make the server read its files.
 */
export function loadModel(ref: { name: string } | { text: string } | { path: string }): CompiledModel {
  if ('text' in ref) return compileModel(parseModelText(ref.text, 'modelText'));
  if ('name' in ref) {
    // built-in files do not change while the process runs: compile each once (compiled models are read-only)
    const cached = compiledBuiltins.get(ref.name);
    if (cached) return cached;
    const compiled = compileModel(parseModelText(builtinModelText(ref.name), ref.name));
    compiledBuiltins.set(ref.name, compiled);
    return compiled;
  }
  if (!existsSync(ref.path))
    throw new InputError('model', `a built-in model (${builtinModelNames().join(', ')}) or a readable model file`, `no model file "${ref.path}"`);
  return compileModel(parseModelText(readFileSync(ref.path, 'utf8'), ref.path));
}
