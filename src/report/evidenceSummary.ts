/**
 * A compact view of many cases' evidence: per field, the min, median and max of its numeric
 * values, or the distinct values of a text field. The HTML shows it per property; the full
 * per-case evidence stays in conformance.json.
 */
import { formatNumber } from './figures/format.js';
import type { CaseRecord } from './types.js';

export interface FieldSummary {
  readonly field: string;
  /** Cases in which the field is present (non-null). */
  readonly count: number;
  readonly text: string;
}

const MAX_DISTINCT = 4;

export function summariseEvidence(cases: readonly CaseRecord[]): FieldSummary[] {
  const fields = new Map<string, unknown[]>();
  for (const c of cases) {
    for (const [k, v] of Object.entries((c.evidence ?? {}) as Record<string, unknown>)) {
      if (v === null || v === undefined) continue;
      const list = fields.get(k) ?? [];
      list.push(v);
      fields.set(k, list);
    }
  }
  const out: FieldSummary[] = [];
  for (const [field, values] of fields) {
    const nums = values.filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
    if (nums.length === values.length) {
      const median = nums.length % 2 ? nums[(nums.length - 1) / 2] : (nums[nums.length / 2 - 1] + nums[nums.length / 2]) / 2;
      out.push({ field, count: nums.length, text: nums[0] === nums[nums.length - 1] ? formatNumber(nums[0]) : `${formatNumber(nums[0])} · ${formatNumber(median)} · ${formatNumber(nums[nums.length - 1])}` });
      continue;
    }
    const distinct = new Map<string, number>();
    for (const v of values) {
      const key = Array.isArray(v) ? `[${v.length} values]` : String(v);
      distinct.set(key, (distinct.get(key) ?? 0) + 1);
    }
    const top = [...distinct.entries()].sort((a, b) => b[1] - a[1]);
    const shown = top.slice(0, MAX_DISTINCT).map(([k, n]) => `${k} (${n})`);
    out.push({ field, count: values.length, text: shown.join(', ') + (top.length > MAX_DISTINCT ? `, … ${top.length - MAX_DISTINCT} more` : '') });
  }
  return out;
}
