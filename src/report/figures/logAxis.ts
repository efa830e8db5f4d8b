/**
 * Decade ticks for a log axis: at most ~8 labelled powers of ten over the data's range
 * (every decade, or every 2nd, 3rd, … when the range is wide), printed as 0.01, 1, 100 near
 * 1 and as 1e-8, 1e12 far from it. Vega's default log ticks label 1, 2, … 9 of every decade
 * and write 100,000,000 in full, which is unreadable over many decades.
 */
const MAX_TICKS = 8;

export interface LogAxis {
  readonly values: number[];
  readonly labelExpr: string;
}

export const LOG_LABEL_EXPR = "datum.value >= 1e4 || datum.value < 1e-3 ? replace(format(datum.value, '.0e'), 'e+', 'e') : format(datum.value, '~g')";

export function logAxis(values: Iterable<number>): LogAxis {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!(v > 0) || !Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!Number.isFinite(lo)) return { values: [1], labelExpr: LOG_LABEL_EXPR };
  const a = Math.floor(Math.log10(lo));
  const b = Math.ceil(Math.log10(hi));
  const step = Math.max(1, Math.ceil((b - a) / MAX_TICKS));
  const ticks: number[] = [];
  // Exponents on multiples of the step (1e-16, 1e-12, …), as a reader would choose them.
  for (let k = Math.ceil(a / step) * step; k <= b; k += step) ticks.push(Number(`1e${k}`));
  return { values: ticks, labelExpr: LOG_LABEL_EXPR };
}
