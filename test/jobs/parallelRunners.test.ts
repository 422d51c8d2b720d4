/**
 * The registry of studies that run over the whole pool: every entry names a registered study, and the screen
 * entry, reached through runStudyOnPool, gives exactly what the study's own run gives on one thread.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { PARALLEL_RUNNERS } from '../../src/jobs/parallelRunners.js';
import { runStudyOnPool } from '../../src/jobs/runStudyOnPool.js';
import { closeWorkerPools } from '../../src/jobs/workerPool.js';
import { STUDIES } from '../../src/studies/index.js';
import { screenStudy } from '../../src/studies/ml.js';

afterAll(async () => {
  await closeWorkerPools();
});

describe('parallel runners', () => {
  it('lists only registered studies, the screening among them', () => {
    expect([...PARALLEL_RUNNERS.keys()]).toContain('screen');
    for (const name of PARALLEL_RUNNERS.keys()) expect(Object.keys(STUDIES)).toContain(name);
  });

  it('runStudyOnPool("screen") equals the screen study run in-process, with progress to the candidate count', async () => {
    const input = screenStudy.input.parse({
      model: 'urea-cu4-ceo2',
      candidates: 'name,dG_NO,dG_CO\na,-1,0\nb,-0.5,0.2\nc,-0.8,0.1\n',
      samples: 10,
      correlation: 0.2,
      seed: 5,
    });
    const single = screenStudy.run(input, () => {});
    let last = 0;
    const pooled = await runStudyOnPool('screen', input, { onProgress: (done, total) => ((last = done), expect(total).toBe(3)) });
    expect(pooled).toEqual(single);
    expect(last).toBe(3);
  });
});
