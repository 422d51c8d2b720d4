/**
 * Waiting for background jobs in the API tests: following a job's event stream to its end ({@link waitForJobEnd}), or
 * polling a bounded number of times ({@link pollJob}); never a wall-clock assertion.
 */
import type { Json, LoopbackServer } from './server.js';

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

/** One server-sent event of a job's stream (GET /api/jobs/{id}/events): its name, parsed data and arrival time (ms). */
export interface JobEvent {
  event: string;
  /** The job's state (a `progress` or the `end` event), checked field by field in the tests. */
  data: Json;
  atMs: number;
}

/**
 * Reads the event stream of job `id` on the server at `baseUrl` to its end (the server ends it after the job's one
 * `end` event), calling `onEvent` as each arrives; returns every event. `signal` aborts the read.
 * @throws {Error} when the stream does not open (unknown job, not an event stream)
 */
export async function readJobEvents(baseUrl: string, id: string, options: { signal?: AbortSignal; onEvent?: (e: JobEvent) => void } = {}): Promise<JobEvent[]> {
  const response = await fetch(`${baseUrl}/api/jobs/${id}/events`, { signal: options.signal });
  const type = response.headers.get('content-type') ?? '';
  if (response.status !== 200 || !type.includes('text/event-stream'))
    throw new Error(`job ${id}: GET /api/jobs/${id}/events answered ${response.status} ${type}: ${await response.text()}`);
  const events: JobEvent[] = [];
  let buffer = '';
  const decoder = new TextDecoder();
  for await (const chunk of response.body!) {
    buffer += decoder.decode(chunk as Uint8Array, { stream: true });
    for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (!event || !data) continue; // a keep-alive comment
      const e = { event, data: JSON.parse(data), atMs: performance.now() };
      events.push(e);
      options.onEvent?.(e);
    }
  }
  return events;
}

/** The state a job's stream ends with (its `end` event's data, without the result). */
export interface EndedJob {
  id: string;
  kind: string;
  status: 'done' | 'failed' | 'cancelled';
  progress: { done: number; total: number };
  error?: string;
}

/**
 * Waits for job `id` to finish by following its event stream (the server pushes the end; nothing polls), and
 * returns its final state for the test to assert on. When it has not ended after `timeoutMs` (default 240 s,
 * generous for a loaded machine; keep it below the test's own timeout), rejects with an error naming the job, what
 * it is (`what`) and how far it got, e.g. "API sweep (job 3f…, kind sweep) had not finished after 240 s: still
 * running, 5 of 12 done".
 */
export async function waitForJobEnd(baseUrl: string, id: string, what: string, timeoutMs = 240_000): Promise<EndedJob> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let last: JobEvent | undefined;
  try {
    const events = await readJobEvents(baseUrl, id, { signal: controller.signal, onEvent: (e) => (last = e) });
    const end = events.at(-1);
    if (end?.event !== 'end') throw new Error(`${what} (job ${id}): its event stream closed without an end event (last: ${JSON.stringify(end)})`);
    return end.data as EndedJob;
  } catch (error) {
    if (!controller.signal.aborted) throw error;
    const state = last?.data as EndedJob | undefined;
    const got = state ? `still ${state.status}, ${state.progress.done} of ${state.progress.total} done` : 'no progress event received';
    throw new Error(`${what} (job ${id}${state ? `, kind ${state.kind}` : ''}) had not finished after ${timeoutMs / 1000} s: ${got}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `promise`, or after `timeoutMs` an error saying what had not finished and how far it got (`progress()` is read
 * then), instead of the test runner's bare timeout. Keep `timeoutMs` below the test's own timeout.
 */
export async function finishWithin<T>(promise: Promise<T>, timeoutMs: number, what: string, progress: () => string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} had not finished after ${timeoutMs / 1000} s: ${progress()}`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The result of a background study job: `POST target` with `body` on `server`, followed to its end
 * ({@link waitForJobEnd}), then `GET /api/jobs/{id}/result`. Rejects naming the route when the job is not
 * accepted (202) or does not end `done`.
 * @example const r = await jobResult(server, '/api/screen', { model: 'urea-cu4-ceo2', candidates: csv });
 */
export async function jobResult<T = unknown>(server: LoopbackServer, target: string, body: unknown): Promise<T> {
  const started = await server.call('POST', target, body);
  if (started.status !== 202) throw new Error(`POST ${target} answered ${started.status}, not 202: ${started.text}`);
  const ended = await waitForJobEnd(server.url, started.json.id, `the POST ${target} job`);
  if (ended.status !== 'done') throw new Error(`the POST ${target} job ended ${ended.status}: ${ended.error ?? ''}`);
  return (await server.call('GET', `/api/jobs/${started.json.id}/result`)).json as T;
}
