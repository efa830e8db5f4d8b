/**
 * S2's report hook on evidence built from the recorded detached-top data set
 * (fixtures/s2/README.md) plus a data set where both rules agree: the summary's findings name
 * the data set on which the legacy rule fails the claim (and what the counting rule says
 * there), a data set failing by the counting rule becomes a `findings` line and reaches the count
 * figure's caption, and the spectrum figures mark the estimated bulk edge — all from the
 * recorded evidence alone.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { s2Hook } from '../../properties/hooks/S2.js';
import { S2EvidenceSchema, type S2DataSet, type S2Evidence, type S2Net } from '../../properties/evidence/S2.js';
import type { PropertyRecord } from '../../src/report/types.js';
import { AGREEMENT_RATE, agreementRateTest, ALPHA, countAgrees, COUNTING_RULE, countOutliers, LEGACY_COUNTING_RULE, M_TOP, MIN_GAP, OUTLIER_COUNT_TOLERANCE } from '../../theory/bulkOutliers.js';

interface RecordedNet {
  readonly config: { readonly seed: number; readonly k: number; readonly N: number; readonly width: number };
  readonly top: number[];
  readonly errorBounds: number[];
}
const recorded: RecordedNet[] = readFileSync(new URL('fixtures/s2/detached-top-seed1037930275.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as RecordedNet);

function net(seed: number, k: number, top: number[]): S2Net {
  const o = countOutliers(top);
  const fin = (x: number) => (Number.isFinite(x) ? x : null);
  return { seed, k, width: 64, steps: 100, epochs: 100, finalLoss: 0.01, gradientNorm: 0.009, accuracy: 1, converged: true, lanczosConverged: true, count: o.count, gap: fin(o.gap), runnerUpGap: fin(o.runnerUpGap), topGap: fin(o.topGap), bulkEdge: o.bulkEdge, decisive: o.decisive, legacyCount: o.legacyCount, top: o.top };
}

function dataSet(nets: S2Net[]): S2DataSet {
  const t = agreementRateTest(nets.filter((n) => countAgrees(n.count, n.k)).length, nets.length);
  const l = agreementRateTest(nets.filter((n) => countAgrees(n.legacyCount, n.k)).length, nets.length);
  return { seed: nets[0].seed, k: nets.map((n) => n.k), width: nets.map((n) => n.width), counts: nets.map((n) => n.count), legacyCounts: nets.map((n) => n.legacyCount), agreements: t.agreements, draws: t.draws, pValue: t.pValue, fails: !t.accepted, legacyAgreements: l.agreements, legacyPValue: l.pValue, legacyFails: !l.accepted };
}

function kSweep(groups: S2Net[][]): S2Evidence {
  const nets = groups.flat();
  const t = agreementRateTest(nets.filter((n) => countAgrees(n.count, n.k)).length, nets.length);
  const l = agreementRateTest(nets.filter((n) => countAgrees(n.legacyCount, n.k)).length, nets.length);
  return S2EvidenceSchema.parse({
    kind: 'k-sweep', width: 64, nets, maxCountError: Math.max(...nets.map((n) => Math.abs(n.count - n.k))), allDecisive: nets.every((n) => n.decisive),
    N: 800, d: 20, countingRule: COUNTING_RULE, mTop: M_TOP, minGap: MIN_GAP, tolerance: OUTLIER_COUNT_TOLERANCE, agreementRate: AGREEMENT_RATE, alpha: ALPHA,
    agreements: t.agreements, draws: t.draws, pValue: t.pValue, neighbours: [],
    legacyRule: { id: LEGACY_COUNTING_RULE, agreements: l.agreements, draws: l.draws, pValue: l.pValue, rejected: !l.accepted },
    dataSets: groups.map(dataSet),
  });
}

function unit(evidence: S2Evidence[]): PropertyRecord<S2Evidence> {
  return {
    claim: 'S2', name: 'k sweep', index: 0, seed: 1, numRuns: evidence.length, runsScale: 1, sizeTier: 'paper', testFile: 'x', passed: evidence.length, failed: 0, inconclusive: 0, maxInconclusiveFraction: 0, verdict: 'pass', failure: null,
    cases: evidence.map((e) => ({ config: {}, label: null, ok: true, inconclusive: false, evidence: e })),
  };
}

/** A clean spectrum: k outliers 1 … 0.5, an edge ×4, a smooth bulk. */
const clean = (k: number) => [...Array.from({ length: k }, (_, i) => 1 - (0.5 * i) / Math.max(k - 1, 1)), ...Array.from({ length: 12 - k }, (_, i) => 0.125 * 0.97 ** i)];
/** A pure bulk whatever k: counts 0 (fails the claim on this data set by both rules). */
const flat = () => Array.from({ length: 12 }, (_, i) => 0.97 ** i);

describe('S2 report hook', () => {
  const detached = recorded.map((r) => net(r.config.seed, r.config.k, r.top));
  const good = [2, 3, 4, 5, 6, 8].map((k) => net(7, k, clean(k)));
  const bad = [2, 3, 4, 5, 6, 8].map((k) => net(9, k, flat()));

  it('summary: the legacy rule fails the claim on seed 1037930275 while the counting rule accepts; no finding by the counting rule', () => {
    const ctx = { claim: 'S2', units: [unit([kSweep([good, detached])])] };
    const s = s2Hook.summary!(ctx);
    expect(s.countingRule).toBe(COUNTING_RULE);
    expect(s.findings).toEqual([]);
    expect(s.legacyFindings).toHaveLength(1);
    expect((s.legacyFindings as string[])[0]).toMatch(/^legacy largest-ratio-gap rule fails the claim on data seed 1037930275 \(k-sweep, N = 800, width 64\): counts 1 at k = 2, 5 at k = 3, 1 at k = 4, 1 at k = 5, 1 at k = 6, 1 at k = 8; 1 of 6 within tolerance, p = 0\.0016 < α = 0\.01; the counting rule: 3 of 6, p = 0\.0989 \(accepts\)$/);
    expect(s.agreements).toBe(6 + 3);
    expect(s.legacyRuleAgreements).toBe(6 + 1);
  });

  it('a data set failing by the counting rule is a finding in the summary and in the count figure’s caption', () => {
    const ctx = { claim: 'S2', units: [unit([kSweep([good, bad])])] };
    const s = s2Hook.summary!(ctx);
    expect(s.findings).toEqual([expect.stringMatching(/^the claim fails on data seed 9 \(k-sweep, N = 800, width 64\): counts 0 at k = 2, 0 at k = 3, .*; 0 of 6 within tolerance, p = /)]);
    const count = s2Hook.figures!(ctx).find((f) => f.id === 's2-count-vs-k')!;
    expect(count.caption).toContain('Findings — the claim fails on data seed 9');
    const none = s2Hook.figures!({ claim: 'S2', units: [unit([kSweep([good, detached])])] }).find((f) => f.id === 's2-count-vs-k')!;
    expect(none.caption).toContain('No data set fails the claim by its own rate test (2 data sets).');
  });

  it('figures: the spectrum marks each net’s bulk edge; the legacy contrast figure shows the detached-top data set', () => {
    const figures = s2Hook.figures!({ claim: 'S2', units: [unit([kSweep([good, detached])])] });
    expect(figures.map((f) => f.id)).toEqual(['s2-spectrum', 's2-spectrum-legacy', 's2-count-vs-k']);
    const specOf = (id: string) => { const f = figures.find((x) => x.id === id)!; return f.kind === 'vega-lite' ? f.spec : null; };
    const layers = (id: string) => ((specOf(id) as { layer: Array<{ data: { values: Array<Record<string, number | string>> }; encoding: Record<string, unknown> }> }).layer);
    // The edge layer: one segment per net at λ_{c+1}/λ_1 from c + ½ to the last index.
    const edges = layers('s2-spectrum').find((l) => 'x2' in l.encoding)!.data.values;
    expect(edges.map((e) => [e.i, e.i2])).toEqual(good.map((n) => [n.count + 0.5, 12]));
    expect(edges.map((e) => e.lambda)).toEqual(good.map((n) => n.bulkEdge / n.top[0]));
    const legacy = figures.find((f) => f.id === 's2-spectrum-legacy')!;
    expect(legacy.title).toContain('data seed 1037930275');
    expect(legacy.caption).toContain('counting rule 3 agree (p = 0.0989)');
    expect(JSON.stringify(specOf('s2-spectrum-legacy'))).toContain('k = 4 (legacy rule: 1) — 4 outliers (expected 4)');
  });
});
