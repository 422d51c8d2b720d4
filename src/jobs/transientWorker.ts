/** Worker thread of {@link runTransientJob}: runs one transient microenvironment study, posting progress. */
import { parentPort } from 'node:worker_threads';
import { runTransientStudy } from '../reactor/runStudies.js';

parentPort!.on('message', (input: Parameters<typeof runTransientStudy>[0]) => {
  try {
    const result = runTransientStudy(input, (tS, totalS) => parentPort!.postMessage({ type: 'progress', tS, totalS }));
    parentPort!.postMessage({ type: 'done', result });
  } catch (error) {
    parentPort!.postMessage({ type: 'error', message: (error as Error).message });
  }
});
