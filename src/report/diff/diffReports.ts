/**
 * A new conformance report against a baseline, claim by claim and claim-agnostic: verdict
 * changes, and numbers that moved past a stated factor toward failure —
 *
 *   keyNumber.value             in its declared direction (keyNumber.better)
 *   multipleTesting.minP        the smallest right-theory p-value: lower is worse
 *   evidence.summary fields     in the direction the hook declares (summaryBetter) or the
 *                               naming convention gives (./directions.ts): worst error ÷
 *                               tolerance up, rank gap down, power down, …
 *
 * A move is "past the factor F toward failure" when, both values positive, new > F·old for a
 * lower-is-better number or new < old/F for a higher-is-better one; a number that crosses from
 * its good side of zero to the other (or from 0 to positive, for lower-is-better) counts too.
 * Verdicts are ordered pass < inconclusive < fail; a claim of the baseline missing from the new
 * report is a regression unless the new report selected claims without it. Differences in run
 * settings (seeds, runs scale, size tier, mode) are listed: they move numbers on their own.
 */
import { claimIn, type ClaimCatalogue } from '../claims/claimHook.js';
import type { ClaimEntry, ConformanceReport, Verdict } from '../types.js';
import { conventionDirection, type Direction } from './directions.js';

/** Default factor: a number must at least double (or halve) toward failure to be flagged. */
export const DEFAULT_DIFF_FACTOR = 2;

const VERDICT_RANK: Record<Verdict, number> = { pass: 0, inconclusive: 1, fail: 2 };

export interface VerdictChange {
  readonly claim: string;
  readonly title: string;
  readonly baseline: Verdict | null;
  readonly current: Verdict | null;
  readonly regression: boolean;
  /** e.g. "not in the new report (it ran --claims C2a)". */
  readonly note: string | null;
}

export interface NumberChange {
  readonly claim: string;
  /** e.g. "key number: worst error ÷ tolerance", "summary.minGap", "smallest right-theory p-value". */
  readonly what: string;
  readonly better: Direction;
  readonly baseline: number;
  readonly current: number;
  /** How many times worse (> 1) or better (< 1) the new value is; Infinity when it crossed zero. */
  readonly worseBy: number;
  readonly regression: boolean;
  readonly improvement: boolean;
}

export interface ReportDiff {
  readonly factor: number;
  readonly verdicts: readonly VerdictChange[];
  /** Every number compared (both reports have it, a direction is known). */
  readonly numbers: readonly NumberChange[];
  readonly regressions: number;
  /** Run settings that differ between the two reports. */
  readonly settingsNotes: readonly string[];
}

/** How many times worse `current` is than `baseline` for a number where `better` is good. */
export function worseBy(baseline: number, current: number, better: Direction): number {
  if (baseline === current) return 1;
  if (baseline > 0 && current > 0) return better === 'lower' ? current / baseline : baseline / current;
  const towardFailure = better === 'lower' ? current > baseline : current < baseline;
  const crossed = better === 'lower' ? baseline <= 0 && current > 0 : baseline > 0 && current <= 0;
  if (crossed) return Infinity;
  if (towardFailure) return Math.max(1, Math.abs(current - baseline) / Math.max(Math.abs(baseline), Number.MIN_VALUE) + 1);
  return 1 / Math.max(1, Math.abs(current - baseline) / Math.max(Math.abs(current), Number.MIN_VALUE) + 1);
}

function change(claim: string, what: string, better: Direction, baseline: number, current: number, factor: number): NumberChange {
  const w = worseBy(baseline, current, better);
  return { claim, what, better, baseline, current, worseBy: w, regression: w > factor, improvement: w < 1 / factor };
}

function numbersOf(claim: string, b: ClaimEntry, c: ClaimEntry, factor: number, catalogue: ClaimCatalogue | null): NumberChange[] {
  const out: NumberChange[] = [];
  const better = c.keyNumber.better ?? b.keyNumber.better ?? null;
  if (better && b.keyNumber.value !== null && c.keyNumber.value !== null && b.keyNumber.label === c.keyNumber.label) {
    out.push(change(claim, `key number: ${c.keyNumber.label}`, better, b.keyNumber.value, c.keyNumber.value, factor));
  }
  if (b.multipleTesting && c.multipleTesting) out.push(change(claim, 'smallest right-theory p-value', 'higher', b.multipleTesting.minP, c.multipleTesting.minP, factor));
  const declared = (catalogue && claimIn(catalogue, claim)?.hook.summaryBetter) ?? {};
  for (const [key, cv] of Object.entries(c.evidence.summary)) {
    const bv = b.evidence.summary[key];
    if (typeof cv !== 'number' || typeof bv !== 'number' || !Number.isFinite(cv) || !Number.isFinite(bv)) continue;
    const dir = declared[key] ?? conventionDirection(key);
    if (dir) out.push(change(claim, `summary.${key}`, dir, bv, cv, factor));
  }
  return out;
}

function settingsNotes(b: ConformanceReport, c: ConformanceReport): string[] {
  const notes: string[] = [];
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  if (!same(b.seeds, c.seeds)) notes.push(`seeds differ (${b.seeds.join(',')} → ${c.seeds.join(',')}): different cases were drawn`);
  if (b.runsScale !== c.runsScale) notes.push(`runs scale differs (×${b.runsScale} → ×${c.runsScale}): more cases move worst-case numbers`);
  if (b.sizeTier !== c.sizeTier) notes.push(`size tier differs (${b.sizeTier} → ${c.sizeTier})`);
  if (b.mode !== c.mode) notes.push(`mode differs (${b.mode} → ${c.mode})`);
  if (b.environment.backend !== c.environment.backend) notes.push(`float64 backend differs (${b.environment.backend} → ${c.environment.backend})`);
  if (c.partition) notes.push(`the new report is partition ${c.partition.index}/${c.partition.count}: merge the partitions first`);
  return notes;
}

export function diffReports(baseline: ConformanceReport, current: ConformanceReport, factor = DEFAULT_DIFF_FACTOR, catalogue: ClaimCatalogue | null = null): ReportDiff {
  if (!(factor > 1) || !Number.isFinite(factor)) throw new Error(`diffReports: factor must be a finite number > 1, got ${factor}`);
  const byId = (r: ConformanceReport) => new Map(r.claims.map((c) => [c.id, c]));
  const B = byId(baseline);
  const C = byId(current);
  const verdicts: VerdictChange[] = [];
  const numbers: NumberChange[] = [];
  const selected = current.selection.claims;
  for (const [id, b] of B) {
    const c = C.get(id);
    if (!c) {
      const deselected = selected !== null && !selected.includes(id);
      verdicts.push({ claim: id, title: b.title, baseline: b.verdict, current: null, regression: !deselected, note: deselected ? `not in the new report (it ran --claims ${selected!.join(',')})` : 'missing from the new report' });
      continue;
    }
    if (b.verdict !== c.verdict) verdicts.push({ claim: id, title: c.title, baseline: b.verdict, current: c.verdict, regression: VERDICT_RANK[c.verdict] > VERDICT_RANK[b.verdict], note: c.verdict !== 'pass' ? c.verdictReason : null });
    numbers.push(...numbersOf(id, b, c, factor, catalogue));
  }
  for (const [id, c] of C) if (!B.has(id)) verdicts.push({ claim: id, title: c.title, baseline: null, current: c.verdict, regression: false, note: 'new in this report' });
  const regressions = verdicts.filter((v) => v.regression).length + numbers.filter((n) => n.regression).length;
  return { factor, verdicts, numbers, regressions, settingsNotes: settingsNotes(baseline, current) };
}
