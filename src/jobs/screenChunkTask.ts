import type { CompiledModel } from '../kinetics/parser/compileModel.js';
import { type ScreeningCandidate, type ScreeningChunk, type ScreeningSettings, screenCandidateRange } from '../ml/screenCandidates.js';
import { loadModel } from '../store/builtinModels.js';

/** One chunk of a screening for a pooled worker: candidates [from, to) of the whole list (their seeds follow their index). */
export interface ScreenChunkTask {
  /** A built-in model name or model text, as in the request. */
  model: { name: string } | { text: string };
  candidates: ScreeningCandidate[];
  settings: ScreeningSettings;
  range: [number, number];
}

// a worker keeps the last model it compiled: a screening's chunks share one
let lastModel: { key: string; model: CompiledModel } | null = null;

/** Runs one screening chunk on this (worker) thread; progress in candidates of the chunk. */
export function runScreenChunk(task: ScreenChunkTask, report: (done: number, total: number) => void): ScreeningChunk {
  const key = 'name' in task.model ? `name:${task.model.name}` : `text:${task.model.text}`;
  if (lastModel?.key !== key) lastModel = { key, model: loadModel(task.model) };
  return screenCandidateRange(lastModel.model, task.candidates, task.settings, task.range, report);
}
