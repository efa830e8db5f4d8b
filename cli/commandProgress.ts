/**
 * Progress of a long command on stderr. A command shows it only when its estimated run time
 * (src/config/routeCost.ts) exceeds PROGRESS_MIN_SECONDS — or, when it cannot be estimated
 * up front, once that much time has passed. Then:
 *  - stderr a terminal: one line redrawn in place (phase, count, elapsed, time left), cleared
 *    when done — `report` has its own bar;
 *  - otherwise (CI logs, files, in-process runs): plain lines, one per phase and at most one
 *    every PLAIN_INTERVAL_MS, so a log shows the run is alive without flooding;
 *  - nothing when the command prints JSON to a non-terminal (machine consumers).
 * stdout is never touched.
 */
import { processIO, type CliIO } from './io.js';

/** Runs estimated below this many seconds show nothing. */
export const PROGRESS_MIN_SECONDS = 2;
/** Plain-line mode writes at most one count line per this interval. */
const PLAIN_INTERVAL_MS = 10_000;
/** Terminal mode redraws at most this often. */
const TTY_INTERVAL_MS = 100;

export interface CommandProgress {
  /** A new phase; `total` counts its ticks (omit when the phase is one opaque step). */
  phase(label: string, total?: number): void;
  tick(count?: number): void;
  done(): void;
}

export const silentCommandProgress: CommandProgress = { phase() {}, tick() {}, done() {} };

export interface ProgressOptions {
  /** Prefix of every line, e.g. "calibrate C2d". */
  readonly label: string;
  /** Estimated seconds for the whole command; null when unknown (then shown after PROGRESS_MIN_SECONDS). */
  readonly estimatedSeconds: number | null;
  readonly json: boolean;
  /** Clock in ms (tests). @defaultValue Date.now */
  readonly now?: () => number;
}

interface Sink {
  readonly tty: boolean;
  write(s: string): void;
}

function sinkFor(io: CliIO): Sink {
  if (io === processIO) return { tty: process.stderr.isTTY === true, write: (s) => process.stderr.write(s) };
  return { tty: false, write: (s) => io.err(s.replace(/\n$/, '')) };
}

const secs = (ms: number) => (ms < 60_000 ? `${(ms / 1000).toFixed(0)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`);

export function commandProgress(io: CliIO, o: ProgressOptions): CommandProgress {
  const sink = sinkFor(io);
  if (!sink.tty && o.json) return silentCommandProgress;
  if (o.estimatedSeconds !== null && o.estimatedSeconds < PROGRESS_MIN_SECONDS) return silentCommandProgress;
  const now = o.now ?? Date.now;
  const started = now();
  const deferred = o.estimatedSeconds === null;
  let label = '';
  let total = 0;
  let count = 0;
  let last = 0;
  let shownPhase = false;
  let drawn = false;

  const visible = () => !deferred || now() - started >= PROGRESS_MIN_SECONDS * 1000;
  const line = () => {
    const elapsed = now() - started;
    const counted = total > 0 ? ` ${count}/${total}` : '';
    const left = total > 0 && count > 0 && count < total ? ` · about ${secs(((total - count) * elapsed) / count)} left` : o.estimatedSeconds !== null && total === 0 ? ` · about ${secs(Math.max(0, o.estimatedSeconds * 1000 - elapsed))} left (estimated)` : '';
    return `${o.label}: ${label}${counted} · ${secs(elapsed)}${left}`;
  };
  const draw = (force: boolean) => {
    if (!visible()) return;
    const t = now();
    if (sink.tty) {
      if (!force && t - last < TTY_INTERVAL_MS) return;
      sink.write(`\r\x1b[K${line()}`);
      drawn = true;
    } else {
      if (!force && shownPhase && t - last < PLAIN_INTERVAL_MS) return;
      sink.write(`${line()}\n`);
      shownPhase = true;
    }
    last = t;
  };
  return {
    phase(l, t) {
      label = l;
      total = t ?? 0;
      count = 0;
      shownPhase = false;
      draw(true);
    },
    tick(n = 1) {
      count += n;
      draw(false);
    },
    done() {
      if (sink.tty && drawn) sink.write('\r\x1b[K');
    },
  };
}
