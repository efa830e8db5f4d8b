/**
 * Progress of a report run, reported on stderr: the interface the runner calls, and the
 * choice between a redrawn bar (stderr is a terminal) and plain lines (CI logs, pipes,
 * files), where a bar's carriage returns would be noise.
 */
import { PlainProgress } from './plainProgress.js';
import { TtyProgress } from './ttyProgress.js';

export interface UnitSummary {
  /** e.g. "C3 · rank H(θ*) equals the rank table (seed 20251216)". */
  readonly label: string;
  readonly cases: number;
  readonly verdict: string;
  readonly seconds: number;
}

export interface Progress {
  /** Called once, before any unit. */
  start(totalUnits: number, totalCases: number, headline: string): void;
  unitStarted(label: string): void;
  /** One case checked (shrinking re-runs may call it more than the planned total; it is clamped). */
  caseDone(): void;
  unitDone(summary: UnitSummary): void;
  /** Called once, last: the closing line (where the files went, how long it took). */
  finish(line: string): void;
}

export interface ProgressTarget {
  /** stderr (or a stand-in): `isTTY` picks the bar, `columns` its width. */
  readonly stream: { readonly isTTY?: boolean; readonly columns?: number; write(chunk: string): unknown };
  /** Clock in milliseconds (injectable for tests). @defaultValue Date.now */
  readonly now?: () => number;
}

export function createProgress(target: ProgressTarget): Progress {
  const now = target.now ?? Date.now;
  return target.stream.isTTY ? new TtyProgress(target.stream, now) : new PlainProgress((line) => target.stream.write(`${line}\n`), now);
}

/** Reports nothing (library use, nested runs). */
export const silentProgress: Progress = {
  start() {},
  unitStarted() {},
  caseDone() {},
  unitDone() {},
  finish() {},
};

export function formatDuration(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - 60 * m)} s`;
}
