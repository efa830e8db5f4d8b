/**
 * C4 case generators (long-time learning), one concept per file under ./C4/:
 *   dynamicsCase.ts      the case type, its resolution to problem/quadratic model/δ, the slope window
 *   families.ts          the configuration families and their conditioning filter
 *   regimeCases.ts       converging, top-mode-slowest and divergent cases (η and ε scaling)
 *   timeScalingBatch.ts  batches for the time-to-fraction scaling property
 * This file names them for docs/theory.md#c4, which cites it.
 */
export * from './C4/dynamicsCase.js';
export * from './C4/families.js';
export * from './C4/regimeCases.js';
export * from './C4/timeScalingBatch.js';
