/**
 * Progress of a report run, reported on stderr: the interface the runner calls, and the
 * choice between a redrawn bar (stderr is a terminal) and plain lines (CI logs, pipes,
 * files), where a bar's carriage returns would be noise.
 */
import { PlainProgress } from './plainProgress.js';
import type { Progress } from './progressEvents.js';
import { TtyProgress } from './ttyProgress.js';

export type { Progress, UnitSummary } from './progressEvents.js';
export { formatDuration } from './progressEvents.js';

export interface ProgressTarget {
  /** stderr (or a stand-in): `isTTY` picks the bar, `columns` its width. */
  readonly stream: { readonly isTTY?: boolean; readonly columns?: number; write(chunk: string): unknown };
  /** Clock in milliseconds (injectable for tests). @defaultValue Date.now */
  readonly now?: () => number;
  /** What each line starts with. @defaultValue 'report' */
  readonly label?: string;
}

export function createProgress(target: ProgressTarget): Progress {
  const now = target.now ?? Date.now;
  const label = target.label ?? 'report';
  return target.stream.isTTY ? new TtyProgress(target.stream, now, label) : new PlainProgress((line) => target.stream.write(`${line}\n`), now, label);
}

/** Reports nothing (library use, nested runs). */
export const silentProgress: Progress = {
  start() {},
  unitStarted() {},
  caseDone() {},
  unitDone() {},
  finish() {},
};
