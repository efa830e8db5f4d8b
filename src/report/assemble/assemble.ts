/**
 * Units (property × seed records) → the conformance report. The one place a claim's entry is
 * put together — verdict, case count, α, key number, summary, replay, figure list — used alike
 * by a single run, a partition, a merge of partitions and a report built from vitest's
 * results, so all four agree on the same units. Claim knowledge comes from the catalogue
 * passed in (metadata, hooks); nothing here imports a claim.
 */
import { figureId, type Figure } from '../figures/figure.js';
import { claimIn, type ClaimCatalogue, type ClaimContext, type ClaimMeta, type ClaimReportHook, type RightTheoryTest } from '../claims/claimHook.js';
import { genericHook } from '../claims/genericHook.js';
import { REPORT_FORMAT_VERSION, type ClaimEntry, type ConformanceReport, type EnvironmentInfo, type PartitionInfo, type PropertyRecord, type ReplayRecord, type SizeTier } from '../types.js';
import { claimVerdict, withMultipleTesting } from './claimVerdict.js';
import { FAMILY_WISE_ALPHA, holmAcrossClaims } from './multipleTesting.js';

export interface RunPlan {
  readonly seed: number;
  readonly seeds: readonly number[];
  readonly mode: ConformanceReport['mode'];
  readonly runsScale: number;
  readonly sizeTier: SizeTier;
  readonly selection: { readonly claims: readonly string[] | null };
}

export interface AssembleInput {
  readonly plan: RunPlan;
  readonly environment: EnvironmentInfo;
  readonly partition: PartitionInfo | null;
  readonly units: readonly PropertyRecord[];
  readonly generatedAt: string;
  readonly catalogue: ClaimCatalogue;
  /** Claim ids that have registered properties (a claim without any goes to partition 1 only). */
  readonly claimsWithProperties: ReadonlySet<string>;
}

function claimMeta(catalogue: ClaimCatalogue, id: string): ClaimMeta {
  return (
    claimIn(catalogue, id)?.meta ?? {
      id,
      title: `${id} (not in the claim catalogue)`,
      statement: 'This claim has recorded properties but no entry in the claim catalogue.',
      source: '—',
      kind: 'generic',
      testedIn: 'properties',
    }
  );
}

function seedFlag(seeds: readonly number[]): string {
  return seeds.length === 1 ? `--seed ${seeds[0]}` : `--seed ${seeds[0]}..${seeds[seeds.length - 1]}`;
}

function modeFlag(plan: RunPlan): string {
  if (plan.mode === 'full') return ' --full';
  const tier = plan.sizeTier === 'paper' ? ' --size-tier paper' : '';
  if (plan.mode === 'custom' || plan.mode === 'vitest') return `${plan.runsScale === 1 ? '' : ` --runs-scale ${plan.runsScale}`}${tier}`;
  return tier;
}

function replayOf(claim: ClaimMeta, units: readonly PropertyRecord[], plan: RunPlan): ReplayRecord {
  const failingUnit = units.find((u) => u.failure);
  const env = [`HC_SEED=${plan.seeds[0]}`, plan.runsScale === 1 ? '' : `HC_RUNS_SCALE=${plan.runsScale}`, plan.sizeTier === 'ci' ? '' : `HC_SIZE_TIER=${plan.sizeTier}`].filter(Boolean).join(' ');
  return {
    seeds: [...plan.seeds],
    failing: failingUnit?.failure ? { property: failingUnit.name, ...failingUnit.failure } : null,
    report: `npm run report -- --claims ${claim.id} ${seedFlag(plan.seeds)}${modeFlag(plan)}`,
    vitest: failingUnit?.failure ? failingUnit.failure.replay : `${env} npx vitest run ${claim.testedIn}`,
  };
}

/** The claim's figures from its evidence; a broken hook shows its error where the figure would be. */
export function claimFigures(ctx: ClaimContext, hook: ClaimReportHook): Figure[] {
  try {
    const figures = hook.figures ? hook.figures(ctx) : [];
    return figures.length > 0 ? figures : genericHook.figures(ctx);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return [{ kind: 'table', id: figureId(ctx.claim, 'figure-error'), title: `${ctx.claim}: a figure could not be built`, caption: 'Internal error in the claim hook (properties/hooks/); please report it with this report attached.', columns: ['error'], rows: [[message]] }];
  }
}

/** Claim ids in report order: the catalogue's, then any only the units name. */
export function reportClaimIds(catalogue: ClaimCatalogue, selection: readonly string[] | null, units: readonly PropertyRecord[]): string[] {
  const ids = catalogue.map((c) => c.meta.id).filter((id) => !selection || selection.includes(id));
  for (const u of units) if (!ids.includes(u.claim)) ids.push(u.claim);
  return ids;
}

export async function assembleReport(input: AssembleInput): Promise<ConformanceReport> {
  const { plan, partition, catalogue } = input;
  const byClaim = new Map<string, PropertyRecord[]>();
  for (const u of input.units) byClaim.set(u.claim, [...(byClaim.get(u.claim) ?? []), u]);
  let ids = reportClaimIds(catalogue, plan.selection.claims, input.units);
  // A partition lists the claims it holds units of; claims with no property go to partition 1.
  if (partition) ids = ids.filter((id) => byClaim.has(id) || (partition.index === 1 && !input.claimsWithProperties.has(id)));
  const hookOf = (id: string): ClaimReportHook => claimIn(catalogue, id)?.hook ?? {};
  // Holm across the statistical claims' right-theory tests (multipleTesting.ts), before the verdicts.
  const family = new Map<string, RightTheoryTest[]>();
  for (const id of ids) {
    if (claimMeta(catalogue, id).kind !== 'statistical') continue;
    const ctx: ClaimContext = { claim: id, units: byClaim.get(id) ?? [] };
    const tests = (hookOf(id).rightTheoryTests ?? genericHook.rightTheoryTests)(ctx);
    if (tests.length) family.set(id, tests);
  }
  const mt = holmAcrossClaims(family, FAMILY_WISE_ALPHA);
  const claims: ClaimEntry[] = [];
  for (const id of ids) {
    const meta = claimMeta(catalogue, id);
    const units = byClaim.get(id) ?? [];
    const ctx: ClaimContext = { claim: id, units };
    const hook = hookOf(id);
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
      keyNumber: units.length ? (hook.keyNumber ?? genericHook.keyNumber)(ctx) : { label: 'cases', value: null, text: 'none run', better: null },
      evidence: { summary: { ...genericHook.summary(ctx), ...(hook.summary ? hook.summary(ctx) : {}) }, properties: units },
      replay: replayOf(meta, units, plan),
      figures: claimFigures(ctx, hook).map((f) => ({ id: f.id, title: f.title })),
      multipleTesting: claimMt,
    });
  }
  return {
    format: REPORT_FORMAT_VERSION,
    generatedAt: input.generatedAt,
    seed: plan.seed,
    seeds: [...plan.seeds],
    mode: plan.mode,
    runsScale: plan.runsScale,
    sizeTier: plan.sizeTier,
    environment: input.environment,
    selection: { claims: plan.selection.claims ? [...plan.selection.claims] : null },
    partition,
    multipleTesting: mt.record,
    claims,
  };
}
