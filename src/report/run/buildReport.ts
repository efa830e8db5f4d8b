/**
 * `npm run report`, as a function: plan the units, run them (in this process, or in --jobs
 * worker processes), assemble the claims and write conformance.{json,html,md}.
 */
import { availableParallelism } from 'node:os';
import { assembleReport, type RunPlan } from '../assemble/assemble.js';
import type { Progress } from '../progress/progress.js';
import { seedText } from '../runDescription.js';
import type { ConformanceReport, PropertyRecord } from '../types.js';
import { writeReport, type WrittenReport } from '../writeReport.js';
import { collectEnvironment } from './environment.js';
import type { ReportRunOptions } from './options.js';
import { defaultOutDir } from './outDir.js';
import { runInWorkers } from './parallel.js';
import { partitionUnits, planUnits, validateClaimSelection } from './plan.js';
import { plannedCases, runUnits } from './runUnits.js';
import { claimsWithProperties, type PropertySuite } from './suite.js';
import { theoryMutantRecord } from './theoryMutant.js';

export interface BuildReportOptions extends ReportRunOptions {
  /** Output folder; null: defaultOutDir. */
  readonly out: string | null;
  readonly progress: Progress;
  /** @defaultValue new Date().toISOString() */
  readonly generatedAt?: string;
}

export interface BuiltReport {
  readonly report: ConformanceReport;
  readonly files: WrittenReport;
}

export function verdictCounts(r: ConformanceReport): string {
  const n = (v: string) => r.claims.filter((c) => c.verdict === v).length;
  return `${r.claims.length} claims: ${n('pass')} pass, ${n('fail')} fail, ${n('inconclusive')} inconclusive`;
}

/** --jobs resolves to at most the number of units, and never more than the cores. */
export function effectiveJobs(jobs: number, units: number): number {
  return Math.max(1, Math.min(jobs, units, availableParallelism()));
}

export async function buildReport(suite: PropertySuite, opts: BuildReportOptions): Promise<BuiltReport> {
  if (opts.claims) validateClaimSelection(suite, opts.claims);
  const generatedAt = opts.generatedAt ?? new Date().toISOString();
  const planned = planUnits(suite, opts.claims, opts.seeds);
  const theoryMutant = opts.theoryMutant ? theoryMutantRecord(opts.theoryMutant, planned.map((u) => u.def)) : null;
  const units = partitionUnits(planned, opts.partition);
  const jobs = opts.partition ? 1 : effectiveJobs(opts.jobs, units.length);
  const settings = { runsScale: opts.runsScale, sizeTier: opts.sizeTier, theoryMutant: opts.theoryMutant };
  const what = `${opts.mode} (runs ×${opts.runsScale}, ${opts.sizeTier} sizes), ${seedText(opts.seeds)}${opts.partition ? `, partition ${opts.partition.index}/${opts.partition.count}` : ''}${jobs > 1 ? `, ${jobs} jobs` : ''}`;
  opts.progress.start(units.length, plannedCases(units, opts.runsScale), what);
  const records: PropertyRecord[] = jobs > 1 ? await runInWorkers(suite, units, settings, opts.seeds.length, jobs, opts.progress) : await runUnits(suite, units, settings, opts.progress, opts.seeds.length);
  const plan: RunPlan = { seed: opts.seeds[0], seeds: opts.seeds, mode: opts.mode, runsScale: opts.runsScale, sizeTier: opts.sizeTier, selection: { claims: opts.claims }, ...(theoryMutant ? { theoryMutant } : {}) };
  const report = await assembleReport({ plan, environment: await collectEnvironment(), partition: opts.partition, units: records, generatedAt, catalogue: suite.catalogue, claimsWithProperties: claimsWithProperties(suite) });
  const files = await writeReport(opts.out ?? defaultOutDir(generatedAt, opts.seeds, opts.partition), report, suite.catalogue);
  opts.progress.finish(`${verdictCounts(report)}; wrote ${files.dir}/conformance.{json,html,md}`);
  return { report, files };
}
