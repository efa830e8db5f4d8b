/**
 * Predicted-vs-measured rank table: one row per group of cases (a row of the rank table, a
 * configuration family), with the predicted and measured ranks (a range when the group
 * spans several sizes), how many matched, how many were undecidable in float64, and the
 * smallest gap σ_r/σ_{r+1} — the evidence that the measured rank is not a rounding artefact.
 * Rows with a mismatch are flagged.
 */
import { figureId, type TableFigure } from './figure.js';
import { formatNumber } from './format.js';

export interface RankCase {
  readonly group: string;
  readonly predicted: number;
  readonly measured: number;
  /** σ_r/σ_{r+1}; null when nothing was dropped (infinite gap). */
  readonly gap: number | null;
  readonly inconclusive?: boolean;
  /** How the prediction was obtained (e.g. "P − Nh"); the group's distinct formulas are listed. */
  readonly formula?: string;
}

export interface RankTableOptions {
  readonly id: string;
  readonly title: string;
  readonly note?: string;
  /** Order groups by name (otherwise by first appearance). @defaultValue true */
  readonly sortGroups?: boolean;
}

/** Longest formula text shown in a cell; the full text of every case is in conformance.json. */
const FORMULA_CHARS = 90;

/** The group's first formula, shortened, and how many other variants the group has. */
function formulaCell(formulas: readonly string[]): string {
  if (formulas.length === 0) return '—';
  const f = formulas[0].length > FORMULA_CHARS ? `${formulas[0].slice(0, FORMULA_CHARS - 1)}…` : formulas[0];
  return formulas.length > 1 ? `${f} (+${formulas.length - 1} variant${formulas.length > 2 ? 's' : ''})` : f;
}

function range(values: number[]): string {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}

export function rankTable(cases: readonly RankCase[], opts: RankTableOptions): TableFigure {
  if (cases.length === 0) throw new Error(`rankTable(${opts.id}): pass at least one case`);
  const groups = new Map<string, RankCase[]>();
  for (const c of cases) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);
  const rows: Array<Array<string | number>> = [];
  const flagged: number[] = [];
  const names = [...groups.keys()];
  if (opts.sortGroups ?? true) names.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const anyFormula = cases.some((c) => c.formula);
  for (const group of names) {
    const cs = groups.get(group)!;
    const decided = cs.filter((c) => !c.inconclusive);
    const matched = decided.filter((c) => c.predicted === c.measured).length;
    const gaps = decided.map((c) => (c.gap === null ? Infinity : c.gap));
    const formulas = [...new Set(cs.map((c) => c.formula).filter((f): f is string => !!f))];
    if (matched < decided.length) flagged.push(rows.length);
    rows.push([
      group,
      ...(anyFormula ? [formulaCell(formulas)] : []),
      cs.length,
      range(cs.map((c) => c.predicted)),
      range(cs.map((c) => c.measured)),
      `${matched}/${decided.length}`,
      cs.length - decided.length,
      gaps.length ? formatNumber(Math.min(...gaps)) : '—',
    ]);
  }
  return {
    kind: 'table',
    id: opts.id || figureId(opts.title),
    title: opts.title,
    caption: `Per group: the prediction's formula (first case's; all are in conformance.json), predicted and measured rank (range over the group's sizes), matches among decided cases, cases undecidable in float64, and the smallest gap σ_r/σ_{r+1} (∞: nothing dropped).${flagged.length ? ' Highlighted rows contain a mismatch.' : ''}${opts.note ? ` ${opts.note}` : ''}`,
    columns: ['group', ...(anyFormula ? ['prediction'] : []), 'cases', 'predicted rank', 'measured rank', 'matched', 'undecidable', 'min gap σ_r/σ_{r+1}'],
    rows,
    flagged,
  };
}
