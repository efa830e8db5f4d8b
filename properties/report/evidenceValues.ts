/** Reading evidence fields across a claim's cases: the helpers claim hooks share. */
import type { CaseRecord, PropertyRecord } from '../../src/report/types.js';

export function allCases(units: readonly PropertyRecord[]): CaseRecord[] {
  return units.flatMap((u) => u.cases);
}

export function num(c: CaseRecord, field: string): number | null {
  const v = c.evidence[field];
  return typeof v === 'number' && !Number.isNaN(v) ? v : null;
}

/** evidence[field] ÷ evidence[tolerance] per case, where both are present. */
export function ratios(cases: readonly CaseRecord[], field: string, tolerance?: string): number[] {
  const out: number[] = [];
  for (const c of cases) {
    const v = num(c, field);
    const t = tolerance ? num(c, tolerance) : 1;
    if (v !== null && t !== null && t > 0) out.push(v / t);
  }
  return out;
}

export function maxOf(values: readonly number[]): number | null {
  return values.length ? Math.max(...values) : null;
}

export function minOf(values: readonly number[]): number | null {
  return values.length ? Math.min(...values) : null;
}

/** The first case (in canonical order) satisfying pred, or undefined. */
export function firstCase(units: readonly PropertyRecord[], pred: (c: CaseRecord, u: PropertyRecord) => boolean): CaseRecord | undefined {
  for (const u of units) for (const c of u.cases) if (pred(c, u)) return c;
  return undefined;
}
