/**
 * Units (property × seed records) → the conformance report and its figures. The one place
 * a claim's entry is put together — verdict, case count, α, key number, summary, replay,
 * figures — used alike by a single run, a partition, a merge of partitions and a report
 * built from vitest's results, so all four agree on the same units.
 */
import { figureId, type Figure } from '../../src/report/figures/figure.js';
import { REPORT_FORMAT_VERSION, type ClaimEntry, type ConformanceReport, type EnvironmentInfo, type PartitionInfo, type PropertyRecord, type ReplayRecord } from '../../src/report/types.js';
import { CLAIMS, type Claim } from '../../theory/claims.js';
import { PROPERTY_REGISTRY } from '../registry.js';
import { claimVerdict, withMultipleTesting } from './claimVerdict.js';
import { genericHook } from './claims/generic.js';
import type { ClaimReportHook, RightTheoryTest } from './hook.js';
import { hookFor } from './hookFor.js';
import type { ClaimContext } from './hook.js';
import { FAMILY_WISE_ALPHA, holmAcrossClaims } from './multipleTesting.js';
import { selectedClaimIds } from './plan.js';
import { testFileOf } from './runUnits.js';

export interface RunPlan {
  readonly seed: number;
  readonly seeds: readonly number[];
  readonly mode: ConformanceReport['mode'];
  readonly runsScale: number;
  readonly selection: { readonly claims: readonly string[] | null };
}

export interface AssembleInput {
  readonly plan: RunPlan;
  readonly environment: EnvironmentInfo;
  readonly partition: PartitionInfo | null;
  readonly units: readonly PropertyRecord[];
  readonly generatedAt: string;
}

export interface AssembledReport {
  readonly report: ConformanceReport;
  /** Figures by claim id. */
  readonly figures: Map<string, Figure[]>;
}

function claimMeta(id: string): Claim {
  return (
    CLAIMS.find((c) => c.id === id) ?? {
      id,
      title: `${id} (not yet in theory/claims.ts)`,
      statement: 'This claim has registered properties but no entry in theory/claims.ts yet.',
      source: '—',
      kind: 'generic',
      testedIn: testFileOf(id),
    }
  );
}

function seedFlag(seeds: readonly number[]): string {
  return seeds.length === 1 ? `--seed ${seeds[0]}` : `--seed ${seeds[0]}..${seeds[seeds.length - 1]}`;
}

function modeFlag(plan: RunPlan): string {
  if (plan.mode === 'full') return ' --full';
  if (plan.mode === 'custom' || plan.mode === 'vitest') return plan.runsScale === 1 ? '' : ` --runs-scale ${plan.runsScale}`;
  return '';
}

function replayOf(claim: Claim, units: readonly PropertyRecord[], plan: RunPlan): ReplayRecord {
  const failingUnit = units.find((u) => u.failure);
  const scale = plan.runsScale === 1 ? '' : ` HC_RUNS_SCALE=${plan.runsScale}`;
  return {
    seeds: plan.seeds,
    failing: failingUnit?.failure ? { property: failingUnit.name, ...failingUnit.failure } : null,
    report: `npm run report -- --claims ${claim.id} ${seedFlag(plan.seeds)}${modeFlag(plan)}`,
    vitest: failingUnit?.failure ? failingUnit.failure.replay : `HC_SEED=${plan.seeds[0]}${scale} npx vitest run ${claim.testedIn}`,
  };
}

async function figuresOf(ctx: ClaimContext, hook: ClaimReportHook): Promise<Figure[]> {
  try {
    const figures = hook?.figures ? await hook.figures(ctx) : [];
    return figures.length > 0 ? figures : await genericHook.figures(ctx);
  } catch (e) {
    // A broken figure must not hide the verdicts: show the error where the figure would be.
    const message = e instanceof Error ? e.message : String(e);
    return [{ kind: 'table', id: figureId(ctx.claim, 'figure-error'), title: `${ctx.claim}: a figure could not be built`, caption: 'Fix the claim hook in properties/report/claims/.', columns: ['error'], rows: [[message]] }];
  }
}

export async function assembleReport(input: AssembleInput): Promise<AssembledReport> {
  const { plan, partition } = input;
  const byClaim = new Map<string, PropertyRecord[]>();
  for (const u of input.units) byClaim.set(u.claim, [...(byClaim.get(u.claim) ?? []), u]);
  let ids = selectedClaimIds(plan.selection.claims);
  for (const id of byClaim.keys()) if (!ids.includes(id)) ids.push(id);
  // A partition lists the claims it holds units of; claims with no property go to partition 1.
  if (partition) ids = ids.filter((id) => byClaim.has(id) || (partition.index === 1 && !PROPERTY_REGISTRY.some((d) => d.claim === id)));
  // Holm across the statistical claims' right-theory tests (multipleTesting.ts), before the verdicts.
  const family = new Map<string, RightTheoryTest[]>();
  for (const id of ids) {
    const meta = claimMeta(id);
    if (meta.kind !== 'statistical') continue;
    const ctx: ClaimContext = { claim: id, units: byClaim.get(id) ?? [] };
    const tests = (hookFor(id, meta.kind).rightTheoryTests ?? genericHook.rightTheoryTests)(ctx);
    if (tests.length) family.set(id, tests);
  }
  const mt = holmAcrossClaims(family, FAMILY_WISE_ALPHA);
  const claims: ClaimEntry[] = [];
  const figures = new Map<string, Figure[]>();
  for (const id of ids) {
    const meta = claimMeta(id);
    const units = byClaim.get(id) ?? [];
    const ctx: ClaimContext = { claim: id, units };
    const hook = hookFor(id, meta.kind);
    const claimMt = meta.kind === 'statistical' ? (mt.perClaim.get(id) ?? null) : null;
    const { verdict, reason } = withMultipleTesting(claimVerdict(units), claimMt, FAMILY_WISE_ALPHA, mt.record?.tests ?? 0);
    claims.push({
      id,
      title: meta.title,
      statement: meta.statement,
      source: meta.source,
      kind: meta.kind,
      testedIn: meta.testedIn,
      verdict,
      verdictReason: reason,
      cases: units.reduce((s, u) => s + u.cases.length, 0),
      alpha: meta.kind === 'statistical' ? (hook.alpha ?? genericHook.alpha)(ctx) : null,
      keyNumber: units.length ? (hook.keyNumber ?? genericHook.keyNumber)(ctx) : { label: 'cases', value: null, text: 'none run' },
      evidence: { summary: { ...genericHook.summary(ctx), ...(hook.summary ? hook.summary(ctx) : {}) }, properties: units },
      replay: replayOf(meta, units, plan),
      figures: [],
      multipleTesting: claimMt,
    });
    figures.set(id, await figuresOf(ctx, hook));
  }
  const withRefs = claims.map((c) => ({ ...c, figures: (figures.get(c.id) ?? []).map((f) => ({ id: f.id, title: f.title })) }));
  return {
    report: {
      format: REPORT_FORMAT_VERSION,
      generatedAt: input.generatedAt,
      seed: plan.seed,
      seeds: plan.seeds,
      mode: plan.mode,
      runsScale: plan.runsScale,
      environment: input.environment,
      selection: { claims: plan.selection.claims },
      partition,
      multipleTesting: mt.record,
      claims: withRefs,
    },
    figures,
  };
}
