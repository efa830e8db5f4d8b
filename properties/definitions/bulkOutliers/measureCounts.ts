/**
 * The measurements behind S2's calibration notes (the headers of ./kSweep.ts, ./sgdDraws.ts,
 * ./widthSweep.ts and theory/bulkOutliers.ts): trains the nets of explicit data seeds exactly
 * as the properties do (./trainedNet.ts) and prints, per net, its count by the counting rule
 * and by the legacy largest-ratio-gap rule with the top eigenvalues, then the count
 * distribution and agreement per k. Not a test: run it by hand, it trains every net.
 *
 *   npx tsx properties/definitions/bulkOutliers/measureCounts.ts --tier ci --seeds 0-9 --ks 2,3,4,5,6
 *   … --tier paper --N 800 --width 64 --seeds 1037930275 --ks 2,3,4,5,6,8     (the detached-top data set)
 *   … --tier ci --seeds 100-119 --ks 3,4,5 --sgd                               (SGD, batch N/10)
 *   … --tier ci --seeds 300-311 --ks 2,4 --widths 24,48 --m 8                  (width sweep)
 *   add --jsonl FILE to append every net (config, counts, top, error bounds) to FILE.
 *
 * Sizes: --N and --width default to the tier's first values (SIZES); training is TRAINING
 * (SGD: batch N/10, 20× the step cap, as sgdRateArb); m defaults to M_TOP (--m to change).
 */
import { appendFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { countAgrees, M_TOP } from '../../../theory/bulkOutliers.js';
import { SIZES, TRAINING, type ClusterNetConfig } from '../../arbitraries/clusterConfigs.js';
import { trainAndCount } from './trainedNet.js';

export interface MeasuredNet {
  readonly config: ClusterNetConfig;
  readonly count: number;
  readonly legacyCount: number;
  readonly gap: number;
  readonly topGap: number;
  readonly top: number[];
  readonly errorBounds: number[];
  readonly converged: boolean;
}

/** Trains and counts one net per (seed, k, width), in that order. */
export function measureCounts(base: Omit<ClusterNetConfig, 'seed' | 'k' | 'width'>, seeds: readonly number[], ks: readonly number[], widths: readonly number[], m: number, each?: (n: MeasuredNet) => void): MeasuredNet[] {
  const out: MeasuredNet[] = [];
  for (const seed of seeds)
    for (const k of ks)
      for (const width of widths) {
        const t = trainAndCount({ ...base, seed, k, width }, m);
        const n: MeasuredNet = { config: t.config, count: t.outliers.count, legacyCount: t.outliers.legacyCount, gap: t.outliers.gap, topGap: t.outliers.topGap, top: t.outliers.top, errorBounds: Array.from(t.lanczos.errorBounds), converged: t.run.converged && t.lanczos.converged };
        each?.(n);
        out.push(n);
      }
  return out;
}

/** "k = 3: 3×9, 6×1 — 9/10 within ±1" per k, for both rules. */
export function countTable(nets: readonly MeasuredNet[]): string {
  const ks = [...new Set(nets.map((n) => n.config.k))].sort((a, b) => a - b);
  const line = (k: number, pick: (n: MeasuredNet) => number) => {
    const own = nets.filter((n) => n.config.k === k);
    const dist = new Map<number, number>();
    for (const n of own) dist.set(pick(n), (dist.get(pick(n)) ?? 0) + 1);
    const d = [...dist.entries()].sort((a, b) => a[0] - b[0]).map(([c, x]) => `${c}×${x}`).join(', ');
    return `k = ${k}: ${d} — ${own.filter((n) => countAgrees(pick(n), k)).length}/${own.length} within ±1`;
  };
  const total = (pick: (n: MeasuredNet) => number) => `${nets.filter((n) => countAgrees(pick(n), n.config.k)).length}/${nets.length}`;
  return [
    `counting rule (largest gap below the top): ${total((n) => n.count)}`,
    ...ks.map((k) => `  ${line(k, (n) => n.count)}`),
    `legacy rule (largest ratio gap): ${total((n) => n.legacyCount)}`,
    ...ks.map((k) => `  ${line(k, (n) => n.legacyCount)}`),
  ].join('\n');
}

function list(raw: string): number[] {
  return raw.split(',').flatMap((part) => {
    const r = /^(\d+)-(\d+)$/.exec(part);
    if (r) return Array.from({ length: Number(r[2]) - Number(r[1]) + 1 }, (_, i) => Number(r[1]) + i);
    if (!/^\d+$/.test(part)) throw new Error(`measureCounts: "${part}" is not an integer or a range a-b`);
    return [Number(part)];
  });
}

function main(argv: readonly string[]): void {
  const opt = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const tier = opt('tier') ?? 'ci';
  if (tier !== 'ci' && tier !== 'paper') throw new Error(`measureCounts: --tier must be ci or paper, got ${tier}`);
  const s = SIZES[tier];
  const N = Number(opt('N') ?? s.N[0]);
  const sgd = argv.includes('--sgd');
  const base = { d: s.d, N, spread: s.spread, eta: TRAINING.eta, gradientTolerance: TRAINING.gradientTolerance, maxSteps: sgd ? 20 * TRAINING.maxSteps : TRAINING.maxSteps, batchSize: sgd ? Math.round(N / 10) : null };
  const widths = list(opt('widths') ?? opt('width') ?? String(s.width[0]));
  const file = opt('jsonl');
  const nets = measureCounts(base, list(opt('seeds') ?? '0-9'), list(opt('ks') ?? s.ks.join(',')), widths, Number(opt('m') ?? M_TOP), (n) => {
    if (file) appendFileSync(file, `${JSON.stringify(n)}\n`);
    console.error(`seed ${n.config.seed} k = ${n.config.k} width ${n.config.width}: count ${n.count}, legacy ${n.legacyCount}${n.converged ? '' : ' (NOT converged)'}`);
  });
  console.log(countTable(nets));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
