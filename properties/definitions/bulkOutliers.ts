/**
 * S2 · bulk and outliers (theory/bulkOutliers.ts; Sagun et al. 2018 §3.1–3.2): its three
 * properties, one per file in ./bulkOutliers/ — the GD k sweep, the SGD draws and the width
 * sweep — sharing the measurement of one net (./bulkOutliers/trainedNet.ts) and the rate rule's
 * checks (./bulkOutliers/rateChecks.ts).
 *
 * Every S2 assertion is a controlled statistical test (docs/theory.md#s2): a stated α, a rule
 * derived from it, the p-value recorded, and the wrong neighbours put through the SAME rule.
 * Aim: per-property false-failure probability ≤ ~1e-3 at the CI sizes, so a 10× soak passes
 * with high probability and a red verdict means the theory (or the code) is wrong; each
 * property's header records the measurements behind its figure.
 */
import type { PropertyDefinition } from '../../src/harness/propertyDefinition.js';
import type { S2Evidence } from '../evidence/S2.js';
import { kSweepProperty } from './bulkOutliers/kSweep.js';
import { sgdProperty } from './bulkOutliers/sgdDraws.js';
import { widthSweepProperty } from './bulkOutliers/widthSweep.js';

export { kSweepProperty, sgdProperty, widthSweepProperty };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const S2_PROPERTIES: PropertyDefinition<any, S2Evidence>[] = [kSweepProperty, sgdProperty, widthSweepProperty];
