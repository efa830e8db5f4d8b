/**
 * Test fixture: a report built only from synthetic data, with one figure of every kind the
 * builders offer — including those no claim uses yet (histogram against a density, P–P with
 * the KS band, loss curves, calibration bars) — so the browser test sees them all rendered.
 * Deterministic (seeded). Also a worked example of the figure builders for claim-hook authors.
 */
import { Rng } from '../../src/rng/index.js';
import { calibrationBars } from '../../src/report/figures/calibrationBars.js';
import { diagonalScatter } from '../../src/report/figures/diagonalScatter.js';
import type { Figure } from '../../src/report/figures/figure.js';
import { histogramWithDensity } from '../../src/report/figures/histogramWithDensity.js';
import { lossCurves } from '../../src/report/figures/lossCurves.js';
import { outcomeBars } from '../../src/report/figures/outcomeBars.js';
import { ppPlotWithKsBand } from '../../src/report/figures/ppPlotWithKsBand.js';
import { rankTable } from '../../src/report/figures/rankTable.js';
import { ratioStrip } from '../../src/report/figures/ratioStrip.js';
import { screePlot } from '../../src/report/figures/screePlot.js';
import type { ClaimEntry, ConformanceReport, PropertyRecord } from '../../src/report/types.js';
import { REPORT_FORMAT_VERSION } from '../../src/report/types.js';
import { writeReport, type WrittenReport } from '../../src/report/writeReport.js';
import { z } from 'zod';
import { reportedClaim, type ClaimCatalogue } from '../../src/report/claims/claimHook.js';

/** Marchenko–Pastur density with γ ≤ 1 and scale s (docs/theory.md#c2d). */
function mpDensity(gamma: number, s: number): (x: number) => number {
  const lo = s * (1 - Math.sqrt(gamma)) ** 2;
  const hi = s * (1 + Math.sqrt(gamma)) ** 2;
  return (x) => (x <= lo || x >= hi ? 0 : Math.sqrt((hi - x) * (x - lo)) / (2 * Math.PI * gamma * s * x));
}

/** Numerical cdf of a density on [lo, hi] by the trapezoid rule on a fine grid (test-only accuracy). */
function cdfOf(density: (x: number) => number, lo: number, hi: number, n = 4000): (x: number) => number {
  const h = (hi - lo) / n;
  const F = [0];
  for (let i = 1; i <= n; i++) F.push(F[i - 1] + ((density(lo + (i - 1) * h) + density(lo + i * h)) * h) / 2);
  const total = F[n];
  return (x) => {
    if (x <= lo) return 0;
    if (x >= hi) return 1;
    const k = Math.min(n - 1, Math.floor((x - lo) / h));
    return Math.min(1, (F[k] + ((F[k + 1] - F[k]) * (x - lo - k * h)) / h) / total);
  };
}

function unit(claim: string, name: string, n: number): PropertyRecord {
  const cases = Array.from({ length: n }, (_, i) => ({ config: { seed: i }, label: 'synthetic', ok: true, inconclusive: false, evidence: { pValue: (i + 0.5) / n, alpha: 0.01 } }));
  return { claim, name, index: 0, seed: 1, numRuns: n, runsScale: 1, sizeTier: 'ci', testFile: 'synthetic', passed: n, failed: 0, inconclusive: 0, maxInconclusiveFraction: 0, verdict: 'pass', failure: null, cases };
}

function claim(id: string, title: string, kind: ClaimEntry['kind'], units: PropertyRecord[], figures: Figure[], alpha: number | null, key: string): ClaimEntry {
  return {
    id,
    title,
    statement: `Synthetic figures for ${title.toLowerCase()}: every builder of src/report/figures, drawn from seeded random data.`,
    source: 'synthetic (test fixture)',
    kind,
    testedIn: 'test/report/browser.test.ts',
    verdict: 'pass',
    verdictReason: 'synthetic data.',
    cases: units.reduce((s, u) => s + u.cases.length, 0),
    alpha,
    keyNumber: { label: 'key', value: null, text: key },
    evidence: { summary: {}, properties: units },
    replay: { seeds: [1], failing: null, report: 'npx vitest run test/report/browser.test.ts', vitest: 'npx vitest run test/report/browser.test.ts' },
    figures: figures.map((f) => ({ id: f.id, title: f.title })),
    multipleTesting: null,
  };
}

/** A failing claim, to show how a failure and its replay command read. */
function failingClaim(figures: Figure[]): ClaimEntry {
  const failure = { seed: 20251216, path: '34:17:2', config: { family: 'two-layer', activation: 'relu', Ni: 2, Nh: 2, N: 32, seed: 1329975482 }, message: 'measured rank 3 ≠ predicted 4 (P − Nh); gap 2.1e12', evidence: null, shrinkChecks: 12, shrinkBudgetExhausted: false, replay: 'HC_SEED=20251216 HC_PATH="34:17:2" npx vitest run properties/C3.rank.test.ts -t "rank H(θ*) equals the rank table"' };
  const bad: PropertyRecord = { ...unit('G3', 'property with a failure', 41), passed: 40, failed: 1, verdict: 'fail', failure };
  const base = claim('G3', 'A failing claim', 'generic', [bad], figures, null, 'smallest rank gap 2.1e12');
  return { ...base, verdict: 'fail', verdictReason: '1 of 1 properties found a counterexample (“property with a failure”, seed 20251216).', replay: { ...base.replay, failing: { property: bad.name, ...failure }, vitest: failure.replay } };
}

export function galleryFigures(): Map<string, Figure[]> {
  const rng = Rng.fromSeed(2025);
  // "Eigenvalues": a χ²-shifted MP-like sample, drawn by rejection from the density.
  const gamma = 0.5;
  const s = 4;
  const density = mpDensity(gamma, s);
  const lo = s * (1 - Math.sqrt(gamma)) ** 2;
  const hi = s * (1 + Math.sqrt(gamma)) ** 2;
  const samples: number[] = [];
  while (samples.length < 400) {
    const x = lo + (hi - lo) * rng.uniform();
    if (rng.uniform() * 0.5 < density(x)) samples.push(x);
  }
  const cdf = cdfOf(density, lo, hi);
  const wrong = cdfOf(mpDensity(0.8, s), s * (1 - Math.sqrt(0.8)) ** 2, s * (1 + Math.sqrt(0.8)) ** 2);
  const t = Array.from({ length: 3001 }, (_, i) => i);
  const curve = (lams: number[], eta: number, noise: number) => t.map((k) => lams.reduce((acc, l) => acc + 0.5 * l * (1 - eta * l) ** (2 * k), 0) * (1 + noise * Math.sin(k / 7)));
  const stat: Figure[] = [
    histogramWithDensity(samples, density, { id: 'gallery-histogram', title: 'Eigenvalue histogram against the Marchenko–Pastur density', xTitle: 'eigenvalue λ (loss / parameter²)', yTitle: 'density (per loss / parameter²)', densityLabel: 'MP(γ = 0.5), scale 4' }),
    ppPlotWithKsBand(samples, cdf, { id: 'gallery-pp', title: 'P–P plot with the KS band, right law', alpha: 0.01, lawLabel: 'MP(γ = 0.5)' }).figure,
    ppPlotWithKsBand(samples, wrong, { id: 'gallery-pp-wrong', title: 'P–P plot with the KS band, wrong neighbour γ = 0.8', alpha: 0.01, lawLabel: 'MP(γ = 0.8)' }).figure,
    calibrationBars(
      [
        { label: 'right law', kind: 'false-positive rate', rejections: 3, trials: 200 },
        { label: 'wrong γ (0.8)', kind: 'power', rejections: 188, trials: 200 },
        { label: 'no χ² shift', kind: 'power', rejections: 200, trials: 200 },
      ],
      { id: 'gallery-calibration', title: 'Calibration: false-positive rate and power', alpha: 0.01 },
    ),
  ];
  const dyn: Figure[] = [
    lossCurves(
      [
        { label: 'κ = 4', kind: 'measured', t, loss: curve([0.02, 0.01, 0.005], 0.5, 0.02) },
        { label: 'κ = 4', kind: 'predicted', t, loss: curve([0.02, 0.01, 0.005], 0.5, 0) },
        { label: 'κ = 100', kind: 'measured', t, loss: curve([0.02, 0.002, 0.0002], 0.5, 0.02) },
        { label: 'κ = 100', kind: 'predicted', t, loss: curve([0.02, 0.002, 0.0002], 0.5, 0) },
      ],
      { id: 'gallery-loss', title: 'Measured vs predicted loss curves', logY: true },
    ),
    screePlot([{ label: 'rank 5 of 8', singularValues: [4, 3, 2, 1, 0.5, 3e-15, 1e-15, 0], rank: 5, tolerance: 8 * 2.2e-16 * 4 }], { id: 'gallery-scree', title: 'Singular-value scree plot with the rank gap' }),
    rankTable(
      [
        { group: 'relu', predicted: 12, measured: 12, gap: 1e13, formula: 'P − Nh' },
        { group: 'erf', predicted: 15, measured: 15, gap: null, formula: 'P' },
      ],
      { id: 'gallery-rank-table', title: 'Predicted vs measured rank' },
    ),
    ratioStrip(
      Array.from({ length: 60 }, (_, i) => ({ group: i % 2 ? 'route A' : 'route B', series: 'measured', ratio: Math.exp(-4 + 2 * rng.normal()) })).concat(
        Array.from({ length: 20 }, () => ({ group: 'wrong neighbour', series: 'wrong neighbour (must be > 1)', ratio: Math.exp(8 + 2 * rng.normal()) })),
      ),
      { id: 'gallery-ratios', title: 'Error ÷ tolerance per case' },
    ),
    diagonalScatter(
      Array.from({ length: 12 }, (_, i) => 0.01 * 2 ** i).map((x) => ({ x, y: x * (1 + 1e-3 * rng.normal()), series: 'case 1' })),
      { id: 'gallery-diagonal', title: 'Measured against predicted eigenvalues', xTitle: 'predicted λ (loss / parameter², log scale)', yTitle: 'measured λ (loss / parameter², log scale)', scale: 'log' },
    ),
  ];
  const failing: Figure[] = [
    outcomeBars(
      [
        { property: 'property with an undecidable case', passed: 98, inconclusive: 2, failed: 0 },
        { property: 'property with a failure', passed: 40, inconclusive: 0, failed: 1 },
      ],
      { id: 'gallery-outcomes', title: 'Cases by outcome (the generic figure)' },
    ),
  ];
  return new Map([
    ['G1', stat],
    ['G2', dyn],
    ['G3', failing],
  ]);
}

export async function writeGalleryReport(dir: string): Promise<{ report: ConformanceReport; files: WrittenReport }> {
  const figures = galleryFigures();
  const report: ConformanceReport = {
    format: REPORT_FORMAT_VERSION,
    generatedAt: '2025-12-16T00:00:00.000Z',
    seed: 1,
    seeds: [1],
    mode: 'custom',
    runsScale: 1,
    sizeTier: 'ci',
    multipleTesting: null,
    environment: { node: process.version, backend: 'synthetic', tfjsBackend: 'not loaded', platform: `${process.platform}-${process.arch}` },
    selection: { claims: null },
    partition: null,
    claims: [
      claim('G1', 'Statistical figures', 'statistical', [unit('G1', 'synthetic KS test', 40)], figures.get('G1')!, 0.01, 'p = 0.42'),
      claim('G2', 'Dynamics and rank figures', 'generic', [unit('G2', 'synthetic curves', 4)], figures.get('G2')!, null, 'slope error 1e-3'),
      failingClaim(figures.get('G3')!),
    ],
  };
  // The gallery's "hooks" hand back the synthetic figures, so the real render path draws them.
  const catalogue: ClaimCatalogue = report.claims.map((c) => reportedClaim({ id: c.id, title: c.title, statement: c.statement, source: c.source, kind: c.kind, testedIn: c.testedIn }, z.unknown(), { figures: () => figures.get(c.id) ?? [] }));
  return { report, files: await writeReport(dir, report, catalogue) };
}
