/** Which hook summarises a claim: its own (CLAIM_HOOKS), else the KS default for statistical claims, else none (generic fallbacks). */
import { CLAIMS } from '../../theory/claims.js';
import { CLAIM_HOOKS } from './claims/index.js';
import { statisticalHook } from './claims/statistical.js';
import type { ClaimReportHook } from './hook.js';

export function hookFor(id: string, kind = CLAIMS.find((c) => c.id === id)?.kind): ClaimReportHook {
  return CLAIM_HOOKS[id] ?? (kind === 'statistical' ? statisticalHook : {});
}
