/**
 * The code every pooled worker thread runs (see {@link workerPool}): one band of descriptor-sweep rows, one chunk of
 * a screening's candidates, or one registered study (`run`: the API's compute routes and background jobs), with progress posted on the task's own port.
 */
import type { MessagePort } from 'node:worker_threads';
import { descriptorSweep, type SweepResult, type SweepSpec } from '../kinetics/mapper/descriptorSweep.js';
import { InputError } from '../chem/index.js';
import { compileModel, parseModelText } from '../kinetics/parser/compileModel.js';
import { studyByName } from '../studies/index.js';
import { type ScreenChunkTask, runScreenChunk } from './screenChunkTask.js';

/** A task for a pooled worker; `progress` receives `{ done, total }` messages while it runs. */
export type WorkerTask =
  | { kind: 'sweep'; modelText: string; spec: SweepSpec; rows: [number, number]; progress: MessagePort }
  | { kind: 'run'; study: string; input: unknown; progress: MessagePort }
  | ({ kind: 'screenChunk'; progress: MessagePort } & ScreenChunkTask);

/**
 * What a `run` task returns: the study's result, or the bad-input error it threw (an {@link InputError} loses
 * its class crossing the thread boundary, so it travels as data and is rebuilt by {@link runStudyOnPool}).
 */
export type RunOutcome = { ok: true; result: unknown } | { ok: false; inputError: { field: string; allowed: string; message: string } };

// a worker keeps the last model it compiled: a sweep's chunks share one model text
let cached: { text: string; model: ReturnType<typeof compileModel> } | null = null;

/**
 * Runs one task on this worker thread (piscina's entry point); its last progress message is `{ end: true }`,
 * so that the caller can wait for every progress message before it takes the result.
 */
export default function runWorkerTask(task: WorkerTask): SweepResult | unknown {
  try {
    return runTask(task, (done, total) => task.progress.postMessage({ done, total }));
  } finally {
    task.progress.postMessage({ end: true });
  }
}

function runTask(task: WorkerTask, report: (done: number, total: number) => void): SweepResult | unknown {
  if (task.kind === 'run') {
    try {
      return { ok: true, result: studyByName(task.study).run(task.input, report) } satisfies RunOutcome;
    } catch (error) {
      if (error instanceof InputError)
        return { ok: false, inputError: { field: error.field, allowed: error.allowed, message: error.message } } satisfies RunOutcome;
      throw error;
    }
  }
  if (task.kind === 'screenChunk') return runScreenChunk(task, report);
  if (cached?.text !== task.modelText) cached = { text: task.modelText, model: compileModel(parseModelText(task.modelText)) };
  const width = task.spec.x.points;
  const rowCount = task.rows[1] - task.rows[0];
  return descriptorSweep(cached.model, task.spec, task.rows, (row) => report((row - task.rows[0] + 1) * width, rowCount * width));
}
