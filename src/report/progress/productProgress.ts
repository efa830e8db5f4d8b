/**
 * Progress of a long matrix-free computation (Lanczos, stochastic Lanczos quadrature) on a
 * terminal: one line redrawn in place — operator products done of the planned (or at most)
 * count, elapsed time and an estimate of what is left — throttled to REDRAW_MS, erased when
 * the work ends. Off a terminal (pipes, CI logs, tests) it prints nothing, so --json output and
 * captured stderr stay clean.
 */
import { formatDuration } from './progressEvents.js';

const REDRAW_MS = 100;
const CLEAR_LINE = '\r\x1b[2K';

export interface ProductProgress {
  /** Starts a phase: `planned` products, exact or (`upTo`) a cap. */
  phase(label: string, planned: number, upTo?: boolean): void;
  /** One operator product done. */
  tick(): void;
  /** Erases the line. */
  done(): void;
}

export const silentProductProgress: ProductProgress = { phase() {}, tick() {}, done() {} };

export function productProgress(stream: { readonly isTTY?: boolean; readonly columns?: number; write(s: string): unknown }, now: () => number = Date.now): ProductProgress {
  if (!stream.isTTY) return silentProductProgress;
  let label = '';
  let planned = 1;
  let upTo = false;
  let count = 0;
  let start = now();
  let last = -Infinity;
  let shown = false;
  const draw = (force: boolean) => {
    const t = now();
    if (!force && t - last < REDRAW_MS) return;
    last = t;
    const elapsed = t - start;
    const rate = count > 0 ? elapsed / count : 0;
    const left = !upTo && count > 0 ? `, ~${formatDuration(rate * Math.max(0, planned - count))} left` : '';
    const text = `${label}: ${count}${upTo ? ` (≤ ${planned})` : `/${planned}`} H·v products, ${formatDuration(elapsed)}${left}`;
    const cols = stream.columns ?? 80;
    stream.write(CLEAR_LINE + (text.length >= cols ? `${text.slice(0, cols - 2)}…` : text));
    shown = true;
  };
  return {
    phase(l, p, u = false) {
      label = l;
      planned = Math.max(1, p);
      upTo = u;
      count = 0;
      start = now();
      draw(true);
    },
    tick() {
      count++;
      draw(false);
    },
    done() {
      if (shown) stream.write(CLEAR_LINE);
      shown = false;
    },
  };
}
