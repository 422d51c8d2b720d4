/** Waiting for background jobs in the API tests: bounded by a number of polls, never by a wall-clock assertion. */

/** Options of {@link pollJob}. */
export interface PollJobOptions<S> {
  /** Pause between polls, ms. Default 100. */
  intervalMs?: number;
  /** Most polls before giving up (the last state is returned as it is). Default 600. */
  maxPolls?: number;
  /** Keep polling while this holds. Default: while `status` is 'running'. */
  while?: (state: S) => boolean;
}

/**
 * Reads a job's state with `read` until it stops running (or `options.while` stops holding), pausing between polls;
 * returns the last state read, finished or not, for the test to assert on.
 * @example const state = await pollJob(async () => (await server.call('GET', `/api/jobs/${id}`)).json);
 */
export async function pollJob<S extends { status?: unknown }>(read: () => Promise<S>, options: PollJobOptions<S> = {}): Promise<S> {
  const { intervalMs = 100, maxPolls = 600 } = options;
  const keepGoing = options.while ?? ((s: S) => s.status === 'running');
  let state = await read();
  for (let i = 0; i < maxPolls && keepGoing(state); i++) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    state = await read();
  }
  return state;
}
