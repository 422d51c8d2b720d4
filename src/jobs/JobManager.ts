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

/** A job as kept: its state, its abort controller and the partial results its work kept. */
type StoredJob = JobState<unknown> & { controller: AbortController; partial?: unknown };

/**
 * Background jobs of the HTTP API (descriptor sweeps, transient and coupling studies): started without
 * blocking requests (the work runs on worker threads), polled or followed for progress, cancelled, fetched.
 * Kept in memory: 50 jobs, the oldest finished one dropped first.
 */
export class JobManager {
  private readonly jobs = new Map<string, StoredJob>();
  private readonly listeners = new Map<string, Set<(state: JobState<unknown>) => void>>();

  /**
   * Starts `work` and returns the job id at once. `work` reports progress, watches the abort signal, and may
   * `keep` partial results (what a cancelled or failed job leaves for a resumed one, see {@link partial}).
   */
  start<R>(kind: string, work: (report: (done: number, total: number) => void, signal: AbortSignal, keep: (partial: unknown) => void) => Promise<R>): string {
    const id = randomUUID();
    const controller = new AbortController();
    const job: StoredJob = { id, kind, status: 'running', progress: { done: 0, total: 0 }, createdAt: new Date().toISOString(), controller };
    this.jobs.set(id, job);
    if (this.jobs.size > 50) {
      // the oldest finished job goes first: a running one may have someone following it
      const finished = [...this.jobs.values()].find((j) => j.status !== 'running');
      this.jobs.delete(finished?.id ?? this.jobs.keys().next().value!);
    }
    const report = (done: number, total: number) => {
      job.progress = { done, total };
      this.notify(id);
    };
    work(report, controller.signal, (partial) => (job.partial = partial)).then(
      (result) => {
        if (job.status !== 'running') return;
        Object.assign(job, { status: 'done', result, finishedAt: new Date().toISOString() });
        this.notify(id);
      },
      (error: unknown) => {
        if (job.status !== 'running') return;
        Object.assign(job, { status: 'failed', error: (error as Error).message, finishedAt: new Date().toISOString() });
        this.notify(id);
      },
    );
    return id;
  }

  /**
   * Calls `listener` with the job's state (without its result) now and after every change, until it is no
   * longer running; returns the function that stops listening. @throws {JobNotFoundError} for unknown ids
   */
  subscribe(id: string, listener: (state: JobState<unknown>) => void): () => void {
    const state = this.get(id);
    listener(state);
    if (state.status !== 'running') return () => {};
    const set = this.listeners.get(id) ?? new Set();
    this.listeners.set(id, set);
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(id);
    };
  }

  private notify(id: string): void {
    const set = this.listeners.get(id);
    if (!set) return;
    const state = this.get(id);
    for (const listener of set) listener(state);
    if (state.status !== 'running') this.listeners.delete(id);
  }

  /** A job's kind, status and the partial results its work kept (undefined if none). @throws {JobNotFoundError} */
  partial(id: string): { kind: string; status: JobState<unknown>['status']; partial: unknown } {
    const job = this.jobs.get(id);
    if (!job) throw new JobNotFoundError(id);
    return { kind: job.kind, status: job.status, partial: job.partial };
  }

  /** A job's state (without its result unless `withResult`). @throws {InputError} for unknown ids */
  get(id: string, withResult = false): JobState<unknown> {
    const job = this.jobs.get(id);
    if (!job) throw new JobNotFoundError(id);
    const { controller: _controller, partial: _partial, result, ...state } = job;
    return withResult ? { ...state, result } : state;
  }

  /** Cancels a running job (no effect on finished ones). */
  cancel(id: string): JobState<unknown> {
    const job = this.jobs.get(id);
    if (!job) throw new JobNotFoundError(id);
    if (job.status === 'running') {
      job.controller.abort();
      Object.assign(job, { status: 'cancelled', finishedAt: new Date().toISOString() });
      this.notify(id);
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
