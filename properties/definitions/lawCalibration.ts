/**
 * Calibration experiments of the KS claims (`npm run --silent cli -- calibrate C2d|C2e --runs R`,
 * cli/commands/calibrate.ts): the same experiment as the properties (lawExperiment.ts), run R
 * times under the right law with fresh seeds — false-positive rate at KS_ALPHA — and counting
 * the rejections of each wrong neighbour (power).
 */
import type { CalibrationExperiment } from '../../src/calibration/index.js';
import { C2E_SMALL_RATIOS } from '../../theory/finiteDataLaw.js';
import { C2D_NEIGHBOURS, KS_ALPHA } from '../../theory/spectralLaw.js';
import { C2D_REGIMES, C2E_BASE, C2E_SAMPLES } from '../arbitraries/lawConfigs.js';
import { CLASSICAL, neighbourOf, runC2d, runC2e } from './lawExperiment.js';

/** C2d: every regime once per run; null p per regime, power per neighbour. */
export const C2D_CALIBRATION: CalibrationExperiment = {
  claim: 'C2d',
  alpha: KS_ALPHA,
  description: `KS at α = ${KS_ALPHA}; per run one fresh teacher ensemble per regime: ${C2D_REGIMES.map((r) => `${r.id} (Nh ${r.Nh}, Ni ${r.Ni}, σ2/σ1 ${r.sigmaRatio}, n ${r.n})`).join('; ')}; σ1 = 1`,
  neighbours: [...C2D_NEIGHBOURS],
  run(rng) {
    const nullP: number[] = [];
    const neighbourP: Record<string, number[]> = {};
    for (const regime of C2D_REGIMES) {
      const r = runC2d(rng.split(regime.id), regime, 1);
      nullP.push(r.pValue);
      for (const w of r.neighbours) (neighbourP[w.name] ??= []).push(w.pValue);
    }
    return { nullP, neighbourP };
  },
};

/** C2e: the free law's test at small N/Ni (null) and the classical law as the wrong neighbour. */
export const C2E_CALIBRATION: CalibrationExperiment = {
  claim: 'C2e',
  alpha: KS_ALPHA,
  description: `KS at α = ${KS_ALPHA}; per run n = ${C2E_SAMPLES} eigenvalues of MC at each N/Ni ∈ {${C2E_SMALL_RATIOS.join(', ')}} (Nh ${C2E_BASE.Nh}, Ni ${C2E_BASE.Ni}, σ2/σ1 ${C2E_BASE.sigmaRatio}, σ1 = 1); neighbour: the classical law`,
  neighbours: ['classical-chi2-mp'],
  run(rng) {
    const nullP: number[] = [];
    const classical: number[] = [];
    for (const ratio of C2E_SMALL_RATIOS) {
      const r = runC2e(rng.split(`ratio:${ratio}`), ratio, 1, 'reject');
      nullP.push(r.pValue);
      classical.push(neighbourOf(r, CLASSICAL).pValue);
    }
    return { nullP, neighbourP: { 'classical-chi2-mp': classical } };
  },
};

export const CALIBRATION_EXPERIMENTS: Readonly<Record<string, CalibrationExperiment>> = { C2d: C2D_CALIBRATION, C2e: C2E_CALIBRATION };
