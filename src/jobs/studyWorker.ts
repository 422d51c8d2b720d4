/** Worker thread of {@link runStudyJob}: runs one transient or coupling study, posting progress. */
import { parentPort } from 'node:worker_threads';
import type { z } from 'zod';
import type { coupleRequestSchema, transientRequestSchema } from '../reactor/inputSchemas.js';
import { runTransientStudy } from '../reactor/runStudies.js';
import { loadModel } from '../store/builtinModels.js';
import { electrolyteFromText } from '../transport/electrolyteFromText.js';
import { couplingCurve } from '../transport/coupleToKinetics.js';

/** A study for the worker: its kind and its validated input. */
export type StudyTask = { kind: 'transient'; input: z.output<typeof transientRequestSchema> } | { kind: 'couple'; input: z.output<typeof coupleRequestSchema> };

const progress = (done: number, total: number) => parentPort!.postMessage({ type: 'progress', done, total });

parentPort!.on('message', (task: StudyTask) => {
  try {
    let result: unknown;
    if (task.kind === 'transient') result = runTransientStudy(task.input, (tS, totalS) => progress(Math.round(tS * 1000), Math.round(totalS * 1000)));
    else {
      const b = task.input;
      const model = loadModel(b.modelText !== undefined ? { text: b.modelText } : { name: b.model! });
      const bulk = electrolyteFromText(b.electrolyte, b.co2Saturated).concentrations;
      const currents = b.currentDensitiesMAPerCm2.map((j) => j * 10);
      result = couplingCurve({ model, bulk, productSources: b.productSources, boundaryLayerM: b.boundaryLayerUm * 1e-6 }, currents, progress);
    }
    parentPort!.postMessage({ type: 'done', result });
  } catch (error) {
    parentPort!.postMessage({ type: 'error', message: (error as Error).message });
  }
});
