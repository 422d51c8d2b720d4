import { randomUUID } from 'node:crypto';

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

/** A job as kept: its state, its abort controller, the partial results its work kept and who started it. */
type StoredJob = JobState<unknown> & { controller: AbortController; partial?: unknown; client?: string };

/** Options of {@link JobManager}. */
export interface JobManagerOptions {
  /** Jobs running at once over all clients (default 16); more is answered 503 with Retry-After. */
  maxRunning?: number;
  /** Jobs one client (token name or address) may run at once (default 4); more is answered 429 with Retry-After. */
  maxRunningPerClient?: number;
  /** Finished jobs kept for their results (default 50); the oldest finished one goes first. */
  maxKept?: number;
  /** Seconds a refused client is told to wait (Retry-After; default 10). */
  retryAfterS?: number;
}

/**
 * Background jobs of the HTTP API (descriptor sweeps, transient and coupling studies): started without
 * blocking requests (the work runs on worker threads), polled or followed for progress, cancelled, fetched.
 * Kept in memory: 50 finished jobs, the oldest dropped first; running jobs are never dropped, and quotas
 * bound how many run (per client and in all).
 */
export class JobManager {
  private readonly jobs = new Map<string, StoredJob>();
  private readonly listeners = new Map<string, Set<(state: JobState<unknown>) => void>>();
  private readonly limits: Required<JobManagerOptions>;

  constructor(options: JobManagerOptions = {}) {
    this.limits = { maxRunning: 16, maxRunningPerClient: 4, maxKept: 50, retryAfterS: 10, ...options };
  }

  /** Ids of the running jobs, oldest first. */
  runningIds(): string[] {
    return [...this.jobs.values()].filter((j) => j.status === 'running').map((j) => j.id);
  }

  /**
   * Refuses a new job of `client` when it already runs its quota (429) or the server runs its global quota (503).
   * @throws {JobQuotaError}
   */
  private checkQuota(client: string | undefined): void {
    const running = [...this.jobs.values()].filter((j) => j.status === 'running');
    const { maxRunning, maxRunningPerClient, retryAfterS } = this.limits;
    if (client !== undefined && running.filter((j) => j.client === client).length >= maxRunningPerClient) {
      throw new JobQuotaError(
        429,
        `you run ${maxRunningPerClient} jobs already (the most one client may run at once); wait for one to finish or cancel one`,
        retryAfterS,
      );
    }
    if (running.length >= maxRunning)
      throw new JobQuotaError(503, `the server runs ${maxRunning} jobs already (its most at once); try again shortly`, retryAfterS);
  }

  /**
   * Starts `work` and returns the job id at once. `work` reports progress, watches the abort signal, and may
   * `keep` partial results (what a cancelled or failed job leaves for a resumed one, see {@link partial}).
   */
  start<R>(
    kind: string,
    work: (report: (done: number, total: number) => void, signal: AbortSignal, keep: (partial: unknown) => void) => Promise<R>,
    options: { client?: string } = {},
  ): string {
    this.checkQuota(options.client);
    const id = randomUUID();
    const controller = new AbortController();
    const job: StoredJob = {
      id,
      kind,
      status: 'running',
      progress: { done: 0, total: 0 },
      createdAt: new Date().toISOString(),
      controller,
      client: options.client,
    };
    this.jobs.set(id, job);
    // only finished jobs are dropped, oldest first: a running one is working and may have someone following it
    // (before issue 14 the oldest running job was dropped when 51 ran); the quota bounds the running ones
    for (const j of this.jobs.values()) {
      if (this.jobs.size <= this.limits.maxKept) break;
      if (j.status !== 'running') this.jobs.delete(j.id);
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

  /** A job's state (without its result unless `withResult`). @throws {JobNotFoundError} for unknown ids */
  get(id: string, withResult = false): JobState<unknown> {
    const job = this.jobs.get(id);
    if (!job) throw new JobNotFoundError(id);
    const { controller: _controller, partial: _partial, client: _client, result, ...state } = job;
    return withResult ? { ...state, result } : state;
  }

  /**
   * A finished job's result. @throws {JobNotFoundError} for unknown ids, {JobNotFinishedError} while it runs or
   * when it failed or was cancelled
   */
  result(id: string): unknown {
    const job = this.get(id, true);
    if (job.status !== 'done') throw new JobNotFinishedError(id, job.status, job.error);
    return job.result;
  }

  /**
   * Cancels a running job (no effect on finished ones). With `by`, only the client that started the job, or an
   * admin, may cancel it. @throws {JobNotFoundError}, {JobForbiddenError}
   */
  cancel(id: string, by?: { client?: string; admin?: boolean }): JobState<unknown> {
    const job = this.jobs.get(id);
    if (!job) throw new JobNotFoundError(id);
    if (by && !by.admin && job.client !== undefined && by.client !== job.client) throw new JobForbiddenError(id);
    if (job.status === 'running') {
      job.controller.abort();
      Object.assign(job, { status: 'cancelled', finishedAt: new Date().toISOString() });
      this.notify(id);
    }
    return this.get(id);
  }
}

/** Unknown job id (code not-found: HTTP 404, CLI exit 2). Not an input error: the id is well formed, the job is gone or never was. */
export class JobNotFoundError extends Error {
  /** The path parameter that named the job. */
  readonly field = 'id';
  /** What `id` accepts. */
  readonly allowed = 'the id returned when the job was started (finished jobs are kept until 50 newer ones finished)';
  readonly id: string;
  constructor(id: string) {
    super(`no job "${id}"`);
    this.name = 'JobNotFoundError';
    this.id = id;
  }
}

/** The result of a job that is still running, or ended without one (code job-not-finished: HTTP 409, CLI exit 2). */
export class JobNotFinishedError extends Error {
  readonly id: string;
  /** The job's status: running, failed or cancelled. */
  readonly status: string;
  constructor(id: string, status: string, reason?: string) {
    super(`job "${id}" is ${status}${reason ? ` (${reason})` : ''}; its result exists once its status is "done"`);
    this.name = 'JobNotFinishedError';
    this.id = id;
    this.status = status;
  }
}

/** A job refused by a quota: 429 (this client runs its most) or 503 (the server runs its most), with Retry-After. */
export class JobQuotaError extends Error {
  readonly statusCode: 429 | 503;
  /** Seconds to wait before trying again. */
  readonly retryAfterS: number;
  constructor(statusCode: 429 | 503, message: string, retryAfterS: number) {
    super(message);
    this.name = 'JobQuotaError';
    this.statusCode = statusCode;
    this.retryAfterS = retryAfterS;
  }
}

/** A cancel of another client's job (HTTP 403): only its starter or an admin token may cancel it. */
export class JobForbiddenError extends Error {
  readonly statusCode = 403;
  readonly id: string;
  constructor(id: string) {
    super(`job "${id}" was started by another client; only it, or an admin token, may cancel it`);
    this.name = 'JobForbiddenError';
    this.id = id;
  }
}
