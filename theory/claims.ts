/**
 * The claim registry: every claim the suite implements, in report order. Each entry lives in
 * its theory module beside the prediction and constants its statement quotes; README tables,
 * property names and the report all read from here, so a claim is described once.
 * The theory itself: docs/theory.md.
 */
import { C1_CLAIM } from './gaussNewton.js';
import { C2A_CLAIM, C2B_CLAIM, C2C_CLAIM } from './linearNetworkClaims.js';
import { C3_CLAIM } from './rankTableClaim.js';
import { C4_CLAIM } from './longTimeLearning.js';
import { S1_CLAIM } from './gaussNewtonDecomposition.js';
import { C2D_CLAIM } from './spectralLaw.js';
import { C2E_CLAIM } from './finiteDataLaw.js';
import { S2_CLAIM } from './bulkOutliers.js';
import { S3_CLAIM } from './spikedCovariance.js';
import { S4_CLAIM } from './connectedBasins.js';
import type { Claim } from './claim.js';

export type { Claim, ClaimKind } from './claim.js';

export const CLAIMS: readonly Claim[] = [C1_CLAIM, C2A_CLAIM, C2B_CLAIM, C2C_CLAIM, C3_CLAIM, C4_CLAIM, S1_CLAIM, C2D_CLAIM, C2E_CLAIM, S2_CLAIM, S3_CLAIM, S4_CLAIM];


export function claimById(id: string): Claim {
  const c = CLAIMS.find((x) => x.id === id);
  if (!c) throw new Error(`unknown claim id ${JSON.stringify(id)}; known: ${CLAIMS.map((x) => x.id).join(', ')}`);
  return c;
}
