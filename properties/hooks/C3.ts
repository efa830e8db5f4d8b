/**
 * C3 · rank H(θ*) is the effective number of parameters. Key number: the smallest gap
 * σ_r/σ_{r+1} over decided cases with a prediction that dropped singular values (how clear-cut
 * the weakest rank decision was). Figures: the rank table by row of docs/theory.md's table and
 * degeneracy (plus the Alexander–Hirschowitz exceptions, with the naive count's rejections); the
 * cases where the table makes NO CLAIM (its reasons, the rank measured anyway — never counted as
 * matches); the tolerance probes (the real rule and each mutated one); and a scree plot of
 * representative cases from the singular values each recorded around its decided rank.
 * Reports recorded before no-claim and probe evidence existed simply draw no such figure.
 */
import { figureId, type Figure, type TableFigure } from '../../src/report/figures/figure.js';
import { formatNumber } from '../../src/report/figures/format.js';
import { rankTable } from '../../src/report/figures/rankTable.js';
import { screePlot } from '../../src/report/figures/screePlot.js';
import { allCases, firstCase, maxOf, minOf, type CaseWithEvidence } from '../../src/report/claims/evidenceValues.js';
import { reportedClaim, type ClaimReportHook } from '../../src/report/claims/claimHook.js';
import { keyNumberOf } from '../../src/report/claims/genericHook.js';
import { C3_CLAIM } from '../../theory/rankTableClaim.js';
import { C3EvidenceSchema, type C3Evidence } from '../evidence/C3.js';
import { netName } from './caseName.js';
import { rankCase, screeCase } from './rankFigures.js';

type Ah = Extract<C3Evidence, { kind: 'alexander-hirschowitz' }>;
type Predicted = Extract<C3Evidence, { kind: 'table' | 'alexander-hirschowitz' }>;
type NoClaim = Extract<C3Evidence, { kind: 'no-claim' }>;
type Probe = Extract<C3Evidence, { kind: 'tolerance-probe' }>;
const isAh = (e: C3Evidence): e is Ah => e.kind === 'alexander-hirschowitz';
const isPredicted = (e: C3Evidence): e is Predicted => e.kind === 'table' || e.kind === 'alexander-hirschowitz';
const isNoClaim = (e: C3Evidence): e is NoClaim => e.kind === 'no-claim';
const isProbe = (e: C3Evidence): e is Probe => e.kind === 'tolerance-probe';

function predictedCases(cases: readonly CaseWithEvidence<C3Evidence>[]): CaseWithEvidence<Predicted>[] {
  return cases.filter((c): c is CaseWithEvidence<Predicted> => isPredicted(c.evidence));
}

function minGap(cases: readonly CaseWithEvidence<C3Evidence>[]): number | null {
  return minOf(predictedCases(cases).filter((c) => !c.inconclusive).flatMap((c) => (c.evidence.rank.gap === null ? [] : [c.evidence.rank.gap])));
}

/** AH cases at an exception (the table is one below the naive count there) whose measured rank rejected the naive count. */
const atException = (ah: readonly Ah[]) => ah.filter((e) => e.naiveRank !== e.rank.predicted);
const naiveRejected = (ah: readonly Ah[]) => atException(ah).filter((e) => e.naiveRank !== e.rank.measured).length;

function range(values: readonly number[]): string {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}

/** One row per (label, reason): how many cases, the measured ranks, how many of those were decisive. */
function noClaimTable(cases: readonly CaseWithEvidence<NoClaim>[], claim: string): TableFigure {
  const groups = new Map<string, CaseWithEvidence<NoClaim>[]>();
  for (const c of cases) {
    const key = `${c.label ?? c.evidence.activation}\u0000${c.evidence.reason}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const rows = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([key, cs]) => {
      const [label, reason] = key.split('\u0000');
      return [label, reason, cs.length, range(cs.map((c) => c.evidence.rank.measured)), cs.filter((c) => c.evidence.rank.clear).length];
    });
  return {
    kind: 'table',
    id: figureId(claim, 'no-claim'),
    title: 'C3: cases where the table makes no claim',
    caption: 'Drawn configurations for which theory/rankTable.ts has no derived rule, with its reason and the rank measured anyway (decisive: smallest kept σ ≥ 1e3·tol). Recorded, not asserted, and not counted as matches.',
    columns: ['group', 'reason', 'cases', 'measured rank', 'decisive'],
    rows,
  };
}

function probeTable(probes: readonly CaseWithEvidence<Probe>[], claim: string): TableFigure {
  const n = probes.length;
  const right = probes.filter((c) => c.evidence.keptMeasured === c.evidence.baseRank + 1 && c.evidence.droppedMeasured === c.evidence.baseRank).length;
  const ids = [...new Set(probes.flatMap((c) => c.evidence.mutants.map((m) => m.id)))];
  const noise = maxOf(probes.flatMap((c) => (c.evidence.noiseRatio === null ? [] : [c.evidence.noiseRatio])));
  const k = probes[0].evidence.keptFactor;
  const d = probes[0].evidence.droppedFactor;
  const rows = [['max(N, P)·eps·σ_max (the rule)', `${right}/${n} probes right`, 'must be right'], ...ids.map((id) => [id, `${probes.filter((c) => c.evidence.mutants.some((m) => m.id === id && m.caught)).length}/${n} caught`, 'must be caught'])];
  return {
    kind: 'table',
    id: figureId(claim, 'tolerance-probes'),
    title: 'C3: the rank tolerance, pinned by probes',
    caption: `On each case's J/√N, singular values ${k}× and ${d}× the tolerance were added (mixed by random reflections): the rule must keep the first and drop the second, and each mutated tolerance must get one wrong. Largest rounding-level dropped value of the cases themselves: ${formatNumber(noise)}× the tolerance.`,
    columns: ['tolerance', 'outcome', 'required'],
    rows,
    flagged: rows.flatMap((r, i) => (i === 0 ? (right < n ? [0] : []) : String(r[1]).startsWith(`${n}/`) ? [] : [i])),
  };
}

export const c3Hook: ClaimReportHook<C3Evidence> = {
  keyNumber(ctx) {
    const gap = minGap(allCases(ctx.units));
    return keyNumberOf('smallest rank gap σ_r/σ_{r+1}', gap, formatNumber(gap), 'higher');
  },
  summary(ctx) {
    const cases = allCases(ctx.units);
    const evidence = cases.map((c) => c.evidence);
    const ah = evidence.filter(isAh);
    const predicted = predictedCases(cases);
    const probes = evidence.filter(isProbe);
    return {
      minGap: minGap(cases),
      rows: new Set(predicted.filter((c) => !isAh(c.evidence)).map((c) => c.label)).size,
      claimedCases: predicted.length,
      matchedClaims: predicted.filter((c) => !c.inconclusive && c.evidence.rank.measured === c.evidence.rank.predicted).length,
      noClaimCases: evidence.filter(isNoClaim).length,
      naiveCountRejected: naiveRejected(ah),
      alexanderHirschowitzCases: atException(ah).length,
      toleranceProbes: probes.length,
      toleranceMutantsCaught: probes.reduce((s, e) => s + e.mutants.filter((m) => m.caught).length, 0),
      toleranceMutantsRun: probes.reduce((s, e) => s + e.mutants.length, 0),
      maxNoiseRatio: maxOf(probes.flatMap((e) => (e.noiseRatio === null ? [] : [e.noiseRatio]))),
    };
  },
  figures(ctx) {
    const figures: Figure[] = [];
    const cases = allCases(ctx.units);
    const predicted = predictedCases(cases);
    const rows = predicted.map((c) => rankCase(c.evidence.rank, isAh(c.evidence) ? `AH exception ${c.label ?? ''}` : (c.label ?? 'cases'), c.inconclusive));
    const ah = predicted.map((c) => c.evidence).filter(isAh);
    if (rows.length) {
      figures.push(
        rankTable(rows, {
          id: figureId(ctx.claim, 'rank-table'),
          title: 'C3: the rank table, predicted vs measured',
          note: ah.length ? `AH rows: the naive count min(Nh·Ni, C(Ni+k−1, k)) was rejected in ${naiveRejected(ah)} of ${atException(ah).length} cases at an exception, and held in ${ah.filter((e) => e.naiveRank === e.rank.predicted && e.naiveRank === e.rank.measured).length} of ${ah.length - atException(ah).length} one unit away.` : undefined,
        }),
      );
    }
    const noClaim = cases.filter((c): c is CaseWithEvidence<NoClaim> => isNoClaim(c.evidence));
    if (noClaim.length) figures.push(noClaimTable(noClaim, ctx.claim));
    const probes = cases.filter((c): c is CaseWithEvidence<Probe> => isProbe(c.evidence));
    if (probes.length) figures.push(probeTable(probes, ctx.claim));
    const decided = (c: CaseWithEvidence<C3Evidence>) => c.ok && !c.inconclusive && isPredicted(c.evidence);
    const picks: Array<[CaseWithEvidence<C3Evidence> | undefined, string]> = [
      [firstCase(ctx.units, (c) => decided(c) && c.label === 'relu'), 'ReLU, P − Nh'],
      [firstCase(ctx.units, (c) => decided(c) && isAh(c.evidence)), 'AH exception'],
      [firstCase(ctx.units, (c) => decided(c) && /\+zero-(a|output)/.test(c.label ?? '')), 'a_j = 0'],
      [firstCase(ctx.units, (c) => decided(c) && /^sigmoid \+reflect/.test(c.label ?? '')), 'reflected sigmoid pair'],
    ];
    const scree = picks.flatMap(([c, what]) => (c && isPredicted(c.evidence) ? [screeCase(c.evidence.rank, `${what}: ${netName(c.evidence)}`)] : []));
    if (scree.length) figures.push(screePlot(scree, { id: figureId(ctx.claim, 'scree'), title: 'C3: singular values of J/√N at the decided rank' }));
    return figures;
  },
};

/** C3 for the report: its metadata, evidence schema and hook. */
export const c3Claim = reportedClaim(C3_CLAIM, C3EvidenceSchema, c3Hook);
