import { createHash, randomUUID } from 'node:crypto';
import { type ConnectionOptions, Queue, QueueEvents, Worker } from 'bullmq';
import type { SweepResult, SweepSpec } from '../../kinetics/mapper/descriptorSweep.js';
import { compileModel, parseModelText } from '../../kinetics/parser/compileModel.js';
import { descriptorSweep } from '../../kinetics/mapper/descriptorSweep.js';
import { decodeTyped, encodeTyped } from './chunkCodec.js';

/** The BullMQ queue that carries sweep chunks (one job = one band of grid rows). */
export const SWEEP_QUEUE = 'cncouple-sweep-chunks';

/** A chunk job's data: the model text, the grid and the rows [first, last) to solve. */
export interface ChunkJobData {
  modelText: string;
  spec: SweepSpec;
  rows: [number, number];
}

/** BullMQ connection options from a redis:// URL (BullMQ needs `maxRetriesPerRequest: null` on workers). */
export function redisConnection(url: string): ConnectionOptions {
  const u = new URL(url);
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error(`not a redis:// URL: ${url}`);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.pathname.length > 1 ? { db: Number(u.pathname.slice(1)) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
  };
}

/** Options of {@link startSweepWorker}. */
export interface SweepWorkerOptions {
  redisUrl: string;
  /** Chunks solved at once by this process (default 1; run one process per core). */
  concurrency?: number;
  /**
   * Lock of a running chunk, ms (default 30 000, BullMQ's): a worker that dies (even SIGKILL) loses the lock
   * after this long, and BullMQ's stalled-job check gives its chunk to another worker.
   */
  lockDurationMs?: number;
}

/**
 * A BullMQ worker that solves sweep chunks from {@link SWEEP_QUEUE} (`cncouple worker`): it compiles each model
 * text once, solves the rows with continuation, reports progress after every row and returns the chunk.
 */
export function startSweepWorker(options: SweepWorkerOptions): Worker {
  let cached: { text: string; model: ReturnType<typeof compileModel> } | null = null;
  const lockDuration = options.lockDurationMs ?? 30_000;
  return new Worker<ChunkJobData>(
    SWEEP_QUEUE,
    async (job) => {
      const { modelText, spec, rows } = job.data;
      if (cached?.text !== modelText) cached = { text: modelText, model: compileModel(parseModelText(modelText)) };
      const width = spec.x.points;
      const chunk = descriptorSweep(cached.model, spec, rows, (row) => void job.updateProgress((row - rows[0] + 1) * width));
      return encodeTyped(chunk);
    },
    {
      connection: redisConnection(options.redisUrl),
      concurrency: options.concurrency ?? 1,
      lockDuration,
      stalledInterval: Math.max(500, Math.floor(lockDuration / 2)),
      maxStalledCount: 5,
    },
  );
}

/**
 * A chunk runner for {@link runParallelSweep} that puts each chunk on the Redis queue for `cncouple worker`
 * processes on any machine, follows its progress and waits for its result. Cancelling removes chunks that no
 * worker has taken yet; a chunk already running finishes and is ignored.
 */
export function queueChunkRunner(redisUrl: string) {
  const connection = redisConnection(redisUrl);
  const queue = new Queue<ChunkJobData>(SWEEP_QUEUE, { connection });
  const events = new QueueEvents(SWEEP_QUEUE, { connection });
  const progress = new Map<string, (done: number) => void>();
  events.on('progress', ({ jobId, data }) => progress.get(jobId)?.(Number(data)));
  const ready = events.waitUntilReady();
  const run = async (task: ChunkJobData, onProgress: (done: number) => void, signal?: AbortSignal): Promise<SweepResult> => {
    await ready;
    const modelKey = createHash('sha256').update(task.modelText).digest('hex').slice(0, 12);
    const jobId = `${modelKey}-${task.rows[0]}-${task.rows[1]}-${randomUUID()}`;
    progress.set(jobId, onProgress);
    try {
      const job = await queue.add('chunk', task, { jobId, removeOnComplete: { age: 3600 }, removeOnFail: { age: 24 * 3600 } });
      const cancelled = new Promise<never>((_resolve, reject) => {
        const stop = () => {
          void job.remove().catch(() => {}); // only a chunk no worker holds can be removed
          reject(new Error('sweep cancelled'));
        };
        if (signal?.aborted) stop();
        signal?.addEventListener('abort', stop, { once: true });
      });
      const result = await Promise.race([job.waitUntilFinished(events), cancelled]);
      return decodeTyped<SweepResult>(result);
    } finally {
      progress.delete(jobId);
    }
  };
  return { run, close: async () => void (await Promise.all([events.close(), queue.close()])) };
}
