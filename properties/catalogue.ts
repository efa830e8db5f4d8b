/**
 * The claim catalogue: every claim with the schema of its evidence and its report hook, in the
 * order of theory/claims.ts. Each claim declares all three together in properties/hooks/<id>.ts
 * (reportedClaim checks hook against schema). This is all `report render`, `merge`, `diff` and
 * `from-vitest` load — no property definition and no engine computation — so a report is a
 * function of its conformance.json.
 */
import type { ClaimCatalogue } from '../src/report/claims/claimHook.js';
import { CLAIMS } from '../theory/claims.js';
import { c1Claim } from './hooks/C1.js';
import { c2aClaim } from './hooks/C2a.js';
import { c2bClaim } from './hooks/C2b.js';
import { c2cClaim } from './hooks/C2c.js';
import { c3Claim } from './hooks/C3.js';
import { c4Claim } from './hooks/C4.js';
import { s1Claim } from './hooks/S1.js';
import { c2dClaim } from './hooks/C2d.js';
import { c2eClaim } from './hooks/C2e.js';
import { s2Claim } from './hooks/S2.js';
import { s3Claim } from './hooks/S3.js';
import { s4Claim } from './hooks/S4.js';

const BY_ID = new Map([c1Claim, c2aClaim, c2bClaim, c2cClaim, c3Claim, c4Claim, s1Claim, c2dClaim, c2eClaim, s2Claim, s3Claim, s4Claim].map((c) => [c.meta.id, c]));

/** In theory/claims.ts order; a claim without a catalogue entry is an error at load time. */
export const CLAIM_CATALOGUE: ClaimCatalogue = CLAIMS.map((meta) => {
  const c = BY_ID.get(meta.id);
  if (!c) throw new Error(`properties/catalogue.ts: claim ${meta.id} has no entry in properties/hooks/`);
  return c;
});
