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

/** Starts a background job with POST `url` and polls `url/<id>` until done (see {@link pollJob}). */
export async function runJob<S extends JobState>(url: string, body: unknown, onState: (state: S) => void, intervalMs = 300): Promise<S> {
  const started = await api.post<{ id: string }>(url, body);
  return pollJob<S>(`${url}/${started.id}`, onState, intervalMs);
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
