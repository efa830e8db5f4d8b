/** What a report run tells its progress display (the interface), and how durations read. */

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

export function formatDuration(ms: number): string {
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - 60 * m)} s`;
}
