/**
 * Log axes cannot show 0 or negative numbers. A value ≤ 0 (e.g. an error that is exactly 0)
 * is drawn at a floor one decade below the smallest positive value, and the figure's caption
 * says how many were moved, so no point silently disappears.
 */
export interface LogFloor {
  readonly floor: number;
  /** How many values were ≤ 0 (or not finite) and drawn at the floor. */
  readonly clamped: number;
  readonly apply: (v: number) => number;
}

export function logFloor(values: Iterable<number>, fallback = 1e-16): LogFloor {
  let minPositive = Infinity;
  let clamped = 0;
  for (const v of values) {
    if (v > 0 && Number.isFinite(v)) minPositive = Math.min(minPositive, v);
    else clamped++;
  }
  const floor = Number.isFinite(minPositive) ? minPositive / 10 : fallback;
  return { floor, clamped, apply: (v) => (v > 0 && Number.isFinite(v) ? v : floor) };
}

/** The caption sentence for clamped values, or ''. */
export function clampNote(f: LogFloor, what = 'values'): string {
  return f.clamped > 0 ? ` ${what[0].toUpperCase()}${what.slice(1)} ≤ 0 (${f.clamped} of them) are drawn at ${f.floor.toExponential(0)}, the axis floor.` : '';
}
