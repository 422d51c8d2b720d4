import { randomUUID } from 'node:crypto';
import { InputError } from '../chem/index.js';

/** State of a background job. */
export interface JobState<R> {
  id: string;
  kind: string;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  /** Work done and total, in the job's own units (e.g. grid points). */
  progress: { done: number; total: number };
  createdAt: string;
  finishedAt?: string;
  error?: string;
  result?: R;
}

/**
 * Background jobs of the HTTP API (descriptor sweeps): started without blocking requests (the work runs on
 * worker threads), polled for progress, cancelled, fetched. Kept in memory, newest 50.
 */
export class JobManager {
  private readonly jobs = new Map<string, JobState<unknown> & { controller: AbortController }>();

  /** Starts `work` and returns the job id at once. */
  start<R>(kind: string, work: (report: (done: number, total: number) => void, signal: AbortSignal) => Promise<R>): string {
    const id = randomUUID();
    const controller = new AbortController();
    const job: JobState<unknown> & { controller: AbortController } = { id, kind, status: 'running', progress: { done: 0, total: 0 }, createdAt: new Date().toISOString(), controller };
    this.jobs.set(id, job);
    if (this.jobs.size > 50) this.jobs.delete(this.jobs.keys().next().value!);
    work((done, total) => (job.progress = { done, total }), controller.signal).then(
      (result) => {
        if (job.status !== 'running') return;
        Object.assign(job, { status: 'done', result, finishedAt: new Date().toISOString() });
      },
      (error: unknown) => {
        if (job.status !== 'running') return;
        Object.assign(job, { status: 'failed', error: (error as Error).message, finishedAt: new Date().toISOString() });
      },
    );
    return id;
  }

  /** A job's state (without its result unless `withResult`). @throws {InputError} for unknown ids */
  get(id: string, withResult = false): JobState<unknown> {
    const job = this.jobs.get(id);
    if (!job) throw new JobNotFoundError(id);
    const { controller: _controller, result, ...state } = job;
    return withResult ? { ...state, result } : state;
  }

  /** Cancels a running job (no effect on finished ones). */
  cancel(id: string): JobState<unknown> {
    const job = this.jobs.get(id);
    if (!job) throw new JobNotFoundError(id);
    if (job.status === 'running') {
      job.controller.abort();
      Object.assign(job, { status: 'cancelled', finishedAt: new Date().toISOString() });
    }
    return this.get(id);
  }
}

/** Unknown job id (HTTP 404). */
export class JobNotFoundError extends InputError {
  constructor(id: string) {
    super('id', 'the id returned when the job was started', `no job "${id}"`);
    this.name = 'JobNotFoundError';
  }
}
