/** The one line the HTML and Markdown summaries give Holm across the report's statistical claims. */
import { formatNumber } from './figures/format.js';
import type { ClaimMultipleTesting, ConformanceReport } from './types.js';

export function multipleTestingLine(r: ConformanceReport): string | null {
  const mt = r.multipleTesting;
  if (!mt) return null;
  const flagged = mt.rejected.length
    ? `Holm rejects ${mt.rejected.length}: ${[...new Set(mt.rejected.map((t) => t.claim))].map((c) => `${c} (${mt.rejected.filter((t) => t.claim === c).length})`).join(', ')} — those claims fail`
    : 'no test rejected';
  return `Multiple testing: Holm across ${mt.tests} right-theory tests of ${mt.claims.length} statistical claim${mt.claims.length === 1 ? '' : 's'} (${mt.claims.join(', ')}) at family-wise α = ${formatNumber(mt.alpha)}: smallest adjusted p = ${formatNumber(mt.smallestAdjustedP)}${mt.smallestAdjustedPClaim ? ` (${mt.smallestAdjustedPClaim})` : ''}; ${flagged}.`;
}

/** A claim's facts-table entry: its tests in the Holm family. */
export function claimMultipleTestingText(mt: ClaimMultipleTesting, alpha: number | null): string {
  return `${mt.tests} right-theory test${mt.tests === 1 ? '' : 's'} in the report's Holm family: smallest p = ${formatNumber(mt.minP)}, Holm-adjusted ${formatNumber(mt.adjustedMinP)}${alpha !== null ? ` (family-wise α = ${formatNumber(alpha)})` : ''}; ${mt.rejected ? `${mt.rejected} rejected` : 'none rejected'}`;
}
