/**
 * A report diff as Markdown for a pull request: the outcome in one line, then verdict changes,
 * the numbers that moved past the factor toward failure, the improvements, and (folded) every
 * number compared.
 */
import { formatNumber } from '../figures/format.js';
import type { NumberChange, ReportDiff } from './diffReports.js';

function times(n: NumberChange): string {
  if (n.worseBy === Infinity) return 'crossed zero';
  if (n.worseBy === 1) return 'unchanged';
  return n.worseBy >= 1 ? `${formatNumber(n.worseBy)}× worse` : `${formatNumber(1 / n.worseBy)}× better`;
}

function numberTable(rows: readonly NumberChange[]): string {
  const lines = ['| claim | number | good is | baseline | new | change |', '| --- | --- | --- | ---: | ---: | --- |'];
  for (const n of rows) lines.push(`| ${n.claim} | ${n.what.replace(/\|/g, '\\|')} | ${n.better} | ${formatNumber(n.baseline)} | ${formatNumber(n.current)} | ${times(n)} |`);
  return lines.join('\n');
}

export function diffMarkdown(d: ReportDiff, baselineName: string, currentName: string): string {
  const out = [`## Conformance report diff`, '', `\`${baselineName}\` → \`${currentName}\`, factor ${d.factor}`, ''];
  out.push(d.regressions === 0 ? '**No regression.**' : `**${d.regressions} regression${d.regressions === 1 ? '' : 's'}.**`, '');
  if (d.settingsNotes.length) out.push(...d.settingsNotes.map((n) => `> Note: ${n}.`), '');
  if (d.verdicts.length) {
    out.push('### Verdict changes', '', '| claim | title | baseline | new | regression | note |', '| --- | --- | --- | --- | --- | --- |');
    for (const v of d.verdicts) out.push(`| ${v.claim} | ${v.title} | ${v.baseline ?? '—'} | ${v.current ?? '—'} | ${v.regression ? '**yes**' : 'no'} | ${(v.note ?? '').replace(/\|/g, '\\|')} |`);
    out.push('');
  }
  const worse = d.numbers.filter((n) => n.regression);
  if (worse.length) out.push(`### Numbers that moved more than ${d.factor}× toward failure`, '', numberTable(worse), '');
  const better = d.numbers.filter((n) => n.improvement);
  if (better.length) out.push(`### Numbers that improved more than ${d.factor}×`, '', numberTable(better), '');
  if (d.numbers.length) out.push('<details><summary>Every number compared</summary>', '', numberTable(d.numbers), '', '</details>', '');
  return out.join('\n');
}
