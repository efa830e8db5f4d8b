/**
 * Barrel for src/stats: every public export by name (types listed separately).
 * Error policy and module map: README.md in this folder.
 */
export { logGamma, logGamma1p, gammaP1m1, sinPi } from './logGamma.js';
export { log1pmx } from './log1pmx.js';
export { stirlingError } from './stirlingError.js';
export { erf, erfc, erfcx } from './erfc.js';
export { gammaP, gammaQ, logGammaP, logGammaQ, incompleteGamma } from './incompleteGamma.js';
export { ChiSquared } from './chiSquared.js';
export { MarchenkoPastur } from './marchenkoPastur.js';
export { ChiSquaredMpConvolution } from './convolution.js';
export { integrate } from './tanhSinh.js';
export { ksOneSample, kstwoSf, kstwoCdf } from './kolmogorov.js';
export { kolmogorovSf, kolmogorovCdf } from './kolmogorovLimit.js';
export { smirnovSf } from './ks/smirnov.js';
export { ksTwoSample } from './ksTwoSample.js';
export { holm } from './holm.js';
export { binomialCdf } from './binomialCdf.js';

export type { IncompleteGammaMethod } from './incompleteGamma.js';
export type { ChiSquaredParams } from './chiSquared.js';
export type { MarchenkoPasturParams } from './marchenkoPastur.js';
export type { ChiSquaredMpConvolutionParams } from './convolution.js';
export type { QuadratureOptions, QuadratureResult } from './tanhSinh.js';
export type { KsMethod, KsProbability, KsOneSampleResult } from './kolmogorov.js';
export type { KsTwoSampleMethod, KsTwoSampleOptions, KsTwoSampleResult } from './ksTwoSample.js';
export type { HolmResult } from './holm.js';
