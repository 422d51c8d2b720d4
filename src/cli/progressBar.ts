import { SingleBar } from 'cli-progress';

/** A started-on-demand progress bar of {@link progressBar}. */
export interface ProgressBar {
  /** Work done and total, in the bar's unit. */
  update: (done: number, total: number) => void;
  stop: () => void;
}

/**
 * A progress bar on stderr for long CLI work (e.g. `progressBar('sweep', 'points', !json)`): drawn only when
 * stderr is a terminal and `show` is true (not with --json), so pipes and tests see clean output.
 */
export function progressBar(label: string, unit: string, show: boolean): ProgressBar {
  const bar =
    show && process.stderr.isTTY ? new SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {eta}s left`, hideCursor: true }) : null;
  let started = false;
  return {
    update: (done, total) => {
      if (!bar) return;
      if (!started) bar.start(total, done);
      started = true;
      bar.setTotal(total);
      bar.update(done);
    },
    stop: () => {
      if (started) bar?.stop();
    },
  };
}
