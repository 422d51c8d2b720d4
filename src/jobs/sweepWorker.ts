/** Worker thread of {@link runParallelSweep}: solves bands of grid rows and posts progress per row. */
import { parentPort } from 'node:worker_threads';
import { descriptorSweep, type SweepSpec } from '../kinetics/mapper/descriptorSweep.js';
import { compileModel, parseModelText } from '../kinetics/parser/compileModel.js';

interface Task {
  modelText: string;
  spec: SweepSpec;
  rows: [number, number];
}

let cached: { text: string; model: ReturnType<typeof compileModel> } | null = null;

parentPort!.on('message', (task: Task) => {
  try {
    if (cached?.text !== task.modelText) cached = { text: task.modelText, model: compileModel(parseModelText(task.modelText)) };
    const result = descriptorSweep(cached.model, task.spec, task.rows, (row) => parentPort!.postMessage({ type: 'row', row }));
    parentPort!.postMessage({ type: 'done', result });
  } catch (error) {
    parentPort!.postMessage({ type: 'error', message: (error as Error).message });
  }
});
