/**
 * The order a reader meets the claims in: failures first, then inconclusive claims, then the
 * passes, each group in the report's own (catalogue) order — the one thing a report exists for
 * is at the top of the summary, the contents and the page.
 */
import type { ClaimEntry, Verdict } from '../types.js';

export const VERDICT_ORDER: readonly Verdict[] = ['fail', 'inconclusive', 'pass'];

/** Headings of the contents' groups. */
export const VERDICT_GROUP: Record<Verdict, string> = { fail: 'Failing', inconclusive: 'Inconclusive', pass: 'Passing' };

export function claimsInReadingOrder(claims: readonly ClaimEntry[]): ClaimEntry[] {
  return VERDICT_ORDER.flatMap((v) => claims.filter((c) => c.verdict === v));
}
