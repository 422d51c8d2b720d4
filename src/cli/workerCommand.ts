import type { Command } from 'commander';
import { InputError } from '../chem/index.js';
import type { CliIo } from './program.js';

/**
 * Registers `cncouple worker --redis <url> [--concurrency n]`: a process that solves sweep chunks from the
 * Redis queue (BullMQ) for servers and CLIs that submit with `CNCOUPLE_REDIS_URL` or `--queue`. Runs until
 * SIGINT/SIGTERM; a killed worker's chunk goes to another worker once its lock expires.
 */
export function registerWorkerCommand(program: Command, io: CliIo): void {
  program
    .command('worker')
    .description('solve sweep chunks from a Redis queue (BullMQ) — run one per core, on any machine that reaches Redis')
    .requiredOption('--redis <url>', 'redis://host:port (the same URL the server or CLI submits to)')
    .option('--concurrency <n>', 'chunks solved at once by this process', '1')
    .option('--lock-ms <ms>', "lock of a running chunk: how soon a dead worker's chunk is given to another", '30000')
    .action(async (o: { redis: string; concurrency: string; lockMs: string }) => {
      const concurrency = Number(o.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
        throw new InputError('--concurrency', 'an integer from 1 to 64', `got "${o.concurrency}"`);
      const lockDurationMs = Number(o.lockMs);
      if (!Number.isFinite(lockDurationMs) || lockDurationMs < 1000 || lockDurationMs > 3_600_000)
        throw new InputError('--lock-ms', 'a number of milliseconds from 1000 to 3600000', `got "${o.lockMs}"`);
      if (!/^rediss?:\/\//.test(o.redis)) throw new InputError('--redis', 'a redis:// or rediss:// URL', `got "${o.redis}"`);
      const { startSweepWorker } = await import('../jobs/queue/sweepQueue.js');
      const worker = startSweepWorker({ redisUrl: o.redis, concurrency, lockDurationMs });
      await worker.waitUntilReady();
      io.stdout(`cncouple worker ${process.pid} on ${o.redis} (concurrency ${concurrency}); Ctrl+C stops\n`);
      await new Promise<void>((resolve) => {
        const stop = () => void worker.close().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
