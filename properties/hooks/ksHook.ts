/**
 * The report parts shared by the Kolmogorov–Smirnov claims (C2d, C2e), read from each case's
 * typed KS evidence (properties/evidence/ks.ts: the claimed law's p-value, α, and the other laws
 * put through the same test as `neighbours: [{name, expect, pValue, D}]`). A claim passes how
 * to find the KsTest in its evidence (`ksOf`, null for cases that hold none, e.g. C2d's trend).
 *
 * Right-theory tests (pooled by the report under Holm): the claimed law of every case, and
 * every neighbour the property requires to AGREE (expect 'accept'; C2e's classical law at large
 * N/Ni). Wrong neighbours (expect 'reject') are not in the family.
 * α: the smallest per-test level recorded. Key number: the smallest right-theory p-value (must
 * be ≥ α, higher is better), with the largest wrong-neighbour p-value (must be < α).
 * Figures: calibration (rejection rate of the claimed law = false-positive rate; per property
 * and neighbour, power of a wrong neighbour or false-positive rate of a law that must agree)
 * and every p-value on a log axis against α.
 */
import { allCases, hasEvidence } from '../../src/report/claims/evidenceValues.js';
import type { ClaimContext, ClaimReportHook, RightTheoryTest } from '../../src/report/claims/claimHook.js';
import { shortNames } from '../../src/report/claims/shortNames.js';
import { keyNumberOf } from '../../src/report/claims/genericHook.js';
import { calibrationBars, type CalibrationRow } from '../../src/report/figures/calibrationBars.js';
import { figureId, type Figure } from '../../src/report/figures/figure.js';
import { formatNumber } from '../../src/report/figures/format.js';
import { ratioStrip, type RatioPoint } from '../../src/report/figures/ratioStrip.js';
import type { EvidenceRecord, KeyNumber, PropertyRecord } from '../../src/report/types.js';
import type { KsTest } from '../evidence/ks.js';

/** One recorded KS test, located in the report. */
export interface KsCase {
  /** Full property name (the unit's). */
  readonly property: string;
  readonly seed: number;
  /** Index of the case in its unit's `cases`. */
  readonly caseIndex: number;
  readonly test: KsTest;
}

/** Where a claim's evidence holds its KS test (null: this case has none). */
export type KsOf<E> = (evidence: E) => KsTest | null;

/** Every recorded KS test, in canonical order. */
export function ksCases<E>(units: readonly PropertyRecord<E>[], ksOf: KsOf<E>): KsCase[] {
  const out: KsCase[] = [];
  for (const u of units) {
    u.cases.forEach((c, caseIndex) => {
      if (!hasEvidence(c)) return;
      const test = ksOf(c.evidence);
      if (test) out.push({ property: u.name, seed: u.seed, caseIndex, test });
    });
  }
  return out;
}

/** How the right-theory tests are named in the report (e.g. C2e: 'free law', 'classical law (large N/Ni)'). */
export interface KsTestNames {
  readonly claimed: string;
  /** Name of a neighbour the property requires to agree. */
  readonly agreeing: (name: string) => string;
}

export const DEFAULT_TEST_NAMES: KsTestNames = { claimed: 'claimed law', agreeing: (name) => `${name} law (must agree)` };

export function ksRightTheoryTests(cases: readonly KsCase[], names: KsTestNames = DEFAULT_TEST_NAMES): RightTheoryTest[] {
  return cases.flatMap((c) => {
    const at = { property: c.property, seed: c.seed, caseIndex: c.caseIndex, alpha: c.test.alpha };
    return [
      { ...at, test: names.claimed, pValue: c.test.pValue },
      ...c.test.neighbours.filter((w) => w.expect === 'accept').map((w) => ({ ...at, test: names.agreeing(w.name), pValue: w.pValue })),
    ];
  });
}

/** p-values of the wrong neighbours (expect 'reject'). */
export function wrongNeighbourPs(cases: readonly KsCase[]): number[] {
  return cases.flatMap((c) => c.test.neighbours.filter((w) => w.expect === 'reject').map((w) => w.pValue));
}

/** Key number of a KS claim: min p under the right theory vs α, with the wrong neighbours' max p. */
export function lawKeyNumber(rightP: readonly number[], wrongP: readonly number[], alpha: number | null): KeyNumber {
  if (rightP.length === 0) return keyNumberOf('smallest p-value under the right law', null, 'no KS test run', 'higher');
  const minP = Math.min(...rightP);
  const wrong = wrongP.length ? `; largest wrong-neighbour p ${formatNumber(Math.max(...wrongP))} (must be < α)` : '';
  return keyNumberOf(`smallest p-value under the right law (must be ≥ α = ${formatNumber(alpha)})`, minP, `${formatNumber(minP)}${wrong}`, 'higher');
}

/** The smallest per-test level any case recorded (KS tests and `extraAlphas`, e.g. a trend's), or null. */
function smallestAlpha(cases: readonly KsCase[], extra: readonly number[]): number | null {
  const all = [...cases.map((c) => c.test.alpha), ...extra];
  return all.length ? Math.min(...all) : null;
}

function ksSummary(cases: readonly KsCase[], right: readonly RightTheoryTest[], wrong: readonly number[]): EvidenceRecord {
  const others = cases.flatMap((c) => c.test.neighbours.map((w) => w.pValue < c.test.alpha));
  return {
    ksTests: cases.length,
    claimedLawRejected: cases.filter((c) => c.test.pValue < c.test.alpha).length,
    otherLawTests: others.length,
    otherLawRejected: others.filter(Boolean).length,
    minRightLawP: right.length ? Math.min(...right.map((t) => t.pValue)) : null,
    maxWrongNeighbourP: wrong.length ? Math.max(...wrong) : null,
  };
}

function ksFigures(claim: string, unitNames: readonly string[], cases: readonly KsCase[], alpha: number): Figure[] {
  if (cases.length === 0) return [];
  const names = shortNames(unitNames, 36);
  const rows: CalibrationRow[] = [{ label: 'claimed law', kind: 'false-positive rate', rejections: cases.filter((c) => c.test.pValue < c.test.alpha).length, trials: cases.length }];
  const byNeighbour = new Map<string, { kind: CalibrationRow['kind']; k: number; n: number }>();
  for (const c of cases) {
    for (const w of c.test.neighbours) {
      const key = `${names.get(c.property)}: ${w.name}`;
      const e = byNeighbour.get(key) ?? { kind: w.expect === 'reject' ? 'power' : 'false-positive rate', k: 0, n: 0 };
      byNeighbour.set(key, { ...e, k: e.k + (w.pValue < c.test.alpha ? 1 : 0), n: e.n + 1 });
    }
  }
  for (const [label, e] of byNeighbour) rows.push({ label, kind: e.kind, rejections: e.k, trials: e.n });
  const points: RatioPoint[] = cases.flatMap((c) => [
    { group: names.get(c.property)!, series: 'claimed law', ratio: c.test.pValue },
    ...c.test.neighbours.map((w) => ({ group: names.get(c.property)!, series: w.expect === 'reject' ? 'wrong neighbour (must be < α)' : 'other law that must agree (≥ α)', ratio: w.pValue })),
  ]);
  return [
    calibrationBars(rows, { id: figureId(claim, 'calibration'), title: `${claim}: false-positive rate and power of the KS tests`, alpha, note: `Over the ${cases.length} KS tests of this report (a quick run has few, so the intervals are wide). Other-law rows are per property: power for a wrong neighbour, false-positive rate for a law the property requires to agree.` }),
    ratioStrip(points, { id: figureId(claim, 'p-values'), title: `${claim}: KS p-values against α`, threshold: alpha, passSide: 'above', xTitle: 'KS p-value (probability, log scale)', note: 'p-values that underflow to 0 sit at the axis floor.' }),
  ];
}

export interface KsHookOptions<E> {
  readonly ksOf: KsOf<E>;
  readonly names?: KsTestNames;
  /** Per-test levels recorded outside KsTest (e.g. C2d's trend cases). */
  readonly extraAlphas?: (evidence: E) => number | null;
  /** The claim's own figures, drawn before the calibration and p-value figures. */
  readonly figures?: (ctx: ClaimContext<E>, alpha: number) => Figure[];
}

/** A KS claim's hook: every part declared (none falls back to the generic hook), figures synchronous. */
export interface KsClaimHook<E> extends ClaimReportHook<E> {
  alpha(ctx: ClaimContext<E>): number | null;
  rightTheoryTests(ctx: ClaimContext<E>): RightTheoryTest[];
  keyNumber(ctx: ClaimContext<E>): KeyNumber;
  summary(ctx: ClaimContext<E>): EvidenceRecord;
  figures(ctx: ClaimContext<E>): Figure[];
}

/** A complete KS claim hook: α, right-theory tests, key number, summary and figures, from the evidence. */
export function ksHook<E>(opts: KsHookOptions<E>): KsClaimHook<E> {
  const names = opts.names ?? DEFAULT_TEST_NAMES;
  const alphaOf = (ctx: ClaimContext<E>) => {
    const extra = opts.extraAlphas ? allCases(ctx.units).map((c) => opts.extraAlphas!(c.evidence)).filter((a): a is number => a !== null) : [];
    return smallestAlpha(ksCases(ctx.units, opts.ksOf), extra);
  };
  return {
    alpha: alphaOf,
    rightTheoryTests: (ctx) => ksRightTheoryTests(ksCases(ctx.units, opts.ksOf), names),
    keyNumber(ctx) {
      const cases = ksCases(ctx.units, opts.ksOf);
      return lawKeyNumber(ksRightTheoryTests(cases, names).map((t) => t.pValue), wrongNeighbourPs(cases), alphaOf(ctx));
    },
    summary(ctx) {
      const cases = ksCases(ctx.units, opts.ksOf);
      return ksSummary(cases, ksRightTheoryTests(cases, names), wrongNeighbourPs(cases));
    },
    figures(ctx) {
      const cases = ksCases(ctx.units, opts.ksOf);
      const alpha = alphaOf(ctx);
      if (alpha === null) return [];
      return [...(opts.figures ? opts.figures(ctx, alpha) : []), ...ksFigures(ctx.claim, ctx.units.map((u) => u.name), cases, alpha)];
    },
  };
}
