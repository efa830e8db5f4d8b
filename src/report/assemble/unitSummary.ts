/**
 * One line per unit for vitest's annotation: the counts, and the claim's key number computed
 * on this unit alone by the same hook the report uses (so the test shows the report's number).
 */
import type { ClaimCatalogue } from '../claims/claimHook.js';
import { claimIn } from '../claims/claimHook.js';
import { genericHook } from '../claims/genericHook.js';
import type { PropertyRecord } from '../types.js';

export function unitSummaryLine(r: PropertyRecord, catalogue: ClaimCatalogue): string {
  const ctx = { claim: r.claim, units: [r] };
  let key = '';
  try {
    const k = (claimIn(catalogue, r.claim)?.hook.keyNumber ?? genericHook.keyNumber)(ctx);
    key = `; ${k.label}: ${k.text}`;
  } catch {
    // A key number is a courtesy here; the record itself is attached regardless.
  }
  return `${r.claim} · ${r.verdict}: ${r.cases.length} cases (${r.passed} passed, ${r.inconclusive} inconclusive, ${r.failed} failed), seed ${r.seed}${key}`;
}
