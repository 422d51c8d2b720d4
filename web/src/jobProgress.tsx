import { api } from './api.js';

/** State of a background job as the API reports it. */
export interface JobState<R = unknown> {
  id: string;
  status: string;
  progress: { done: number; total: number };
  error?: string;
  result?: R;
}

/** Polls a job's URL every `intervalMs` until it is done, reporting each state; throws when it failed or was cancelled. */
export async function pollJob<S extends JobState>(url: string, onState: (state: S) => void, intervalMs = 300): Promise<S> {
  for (;;) {
    const state = await api.get<S>(url);
    onState(state);
    if (state.status === 'done') return state;
    if (state.status !== 'running') throw new Error(state.error ?? `job ${state.status}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/**
 * Follows a job's progress on its event stream (`/api/jobs/<id>/events`), then fetches its final state, with
 * the result, from `url`; falls back to polling `url` (see {@link pollJob}) if the stream breaks.
 */
export function followJob<S extends JobState>(id: string, url: string, onState: (state: S) => void, intervalMs = 300): Promise<S> {
  return new Promise<S>((resolve, reject) => {
    const source = new EventSource(`/api/jobs/${encodeURIComponent(id)}/events`);
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      source.close();
      pollJob<S>(url, onState, intervalMs).then(resolve, reject);
    };
    source.addEventListener('progress', (event) => onState(JSON.parse((event as MessageEvent<string>).data) as S));
    source.addEventListener('end', finish);
    source.onerror = finish;
  });
}

/** Starts a background job with POST `url` and follows `url/<id>` until done (see {@link followJob}). */
export async function runJob<S extends JobState>(url: string, body: unknown, onState: (state: S) => void, intervalMs = 300): Promise<S> {
  const started = await api.post<{ id: string }>(url, body);
  return followJob<S>(started.id, `${url}/${started.id}`, onState, intervalMs);
}

/** Accessible progress bar of a job: status, done/total in `unit`, percentage. */
export function JobProgress({ job, unit, label }: { job: JobState; unit: string; label: string }) {
  const pct = job.progress.total ? Math.round((100 * job.progress.done) / job.progress.total) : 0;
  return (
    <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-label={label}>
      <div style={{ width: `${pct}%` }} />
      <span>
        {job.status} — {job.progress.done}/{job.progress.total} {unit} ({pct} %)
      </span>
    </div>
  );
}
