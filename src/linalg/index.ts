/**
 * Public surface of the linear-algebra layer: dense matrices, the backend
 * interface, backend selection and numerical rank. Backend internals
 * (./portable/*) are deliberately not re-exported.
 */
export * from './matrix.js';
export type { LinalgBackend, SymmetricEigen } from './backend.js';
export { getBackend, BACKEND_NAMES } from './selectBackend.js';
export type { BackendName } from './selectBackend.js';
export { numericalRank } from './numericalRank.js';
export { symmetricSpectralNorm } from './spectralNorm.js';
export type { RankEvidence, NumericalRankOptions } from './numericalRank.js';
