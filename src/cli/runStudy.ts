import { readFileSync } from 'node:fs';
import { InputError } from '../chem/index.js';
import type { Study } from '../studies/study.js';

/** The study input that addresses a model: `{ model }` for a built-in name, else `{ modelText }` read from the file at `ref`. */
export async function modelInput(ref: string): Promise<{ model: string } | { modelText: string }> {
  const { builtinModelNames } = await import('../store/builtinModels.js');
  if (builtinModelNames().includes(ref)) return { model: ref };
  try {
    return { modelText: readFileSync(ref, 'utf8') };
  } catch (error) {
    throw new InputError('model', `a built-in model (${builtinModelNames().join(', ')}) or a readable model file`, (error as Error).message);
  }
}

/**
 * Runs the study `name` of the use-case layer in-process on raw input, exactly as the API does: validated by its
 * schema (errors name the field), its submit-time check, then `run` with progress (done, total).
 */
export async function runStudy<K extends keyof StudyResults>(
  name: K,
  raw: unknown,
  onProgress?: (done: number, total: number) => void,
): Promise<StudyResults[K]> {
  const [{ studyByName }, { validateStudyInput }] = await Promise.all([import('../studies/index.js'), import('../studies/study.js')]);
  const study = studyByName(name) as Study;
  const input = validateStudyInput(study.input, raw);
  study.check?.(input);
  return study.run(input, onProgress) as StudyResults[K];
}

/** Result types of the studies the flag commands run through {@link runStudy}. */
export interface StudyResults {
  'mechanism.limiting': ReturnType<typeof import('../studies/kinetics.js').limitingStudy.run>;
  'kinetics.ramp': ReturnType<typeof import('../studies/kinetics.js').rampStudy.run>;
  'kinetics.optimize': ReturnType<typeof import('../studies/ml.js').optimizeStudy.run>;
  screen: ReturnType<typeof import('../studies/ml.js').screenStudy.run>;
  microenv: ReturnType<typeof import('../studies/process.js').microenvStudy.run>;
  reactor: ReturnType<typeof import('../studies/process.js').reactorStudy.run>;
  couple: ReturnType<typeof import('../studies/transport.js').coupleStudy.run>;
}
