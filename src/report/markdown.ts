/**
 * conformance.md: the summary table for pasting into a pull request — one row per claim,
 * failures first (as on the page), under a line naming the seed, mode and environment so a
 * reader can tell two reports apart. Columns hold one unit each (configurations for identity
 * and generic claims, experiments for statistical ones); the key number says which way is
 * good. Mathematics is written as Unicode (plainMath): Markdown renderers differ on TeX.
 */
import { plainMath } from './figures/mathText.js';
import { claimsInReadingOrder } from './html/pageOrder.js';
import { BETTER_TEXT } from './html/summaryTable.js';
import { multipleTestingLine } from './multipleTestingText.js';
import { runDescription } from './runDescription.js';
import type { ClaimEntry, ConformanceReport } from './types.js';
import { verdictText } from './verdictText.js';

function cell(s: string): string {
  return plainMath(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function count(c: ClaimEntry, statistical: boolean): string {
  if ((c.kind === 'statistical') !== statistical) return '—';
  const failed = c.evidence.properties.reduce((s, u) => s + u.failed, 0);
  return failed ? `${c.cases} (${failed} failed)` : String(c.cases);
}

function keyNumber(c: ClaimEntry): string {
  const k = c.keyNumber;
  return cell(`${k.label}: ${k.text}${k.better ? ` (${BETTER_TEXT[k.better]})` : ''}`);
}

export function renderMarkdown(report: ConformanceReport): string {
  const mutant = report.theoryMutant;
  const lines = [
    '## Hessian conformance report',
    '',
    `${runDescription(report)}.`,
    '',
    ...(mutant ? [`**Demonstration run with a deliberately wrong theory**: ${mutant.claim} checked against “${plainMath(mutant.description)}” (\`--theory-mutant ${mutant.claim}:${mutant.neighbour}\`); its failure is the suite catching a wrong theory.`, ''] : []),
    ...(multipleTestingLine(report) ? [plainMath(multipleTestingLine(report)!), ''] : []),
    '| Claim | Verdict | Title | Kind | Properties | Configurations | Experiments | Key number |',
    '|---|---|---|---|---:|---:|---:|---|',
    ...claimsInReadingOrder(report.claims).map((c) => `| ${cell(c.id)} | ${verdictText(c.verdict)} | ${cell(c.title)} | ${c.kind} | ${c.evidence.properties.length} | ${count(c, false)} | ${count(c, true)} | ${keyNumber(c)} |`),
    '',
  ];
  const failing = report.claims.filter((c) => c.replay.failing);
  if (failing.length > 0) {
    lines.push('Replay the failures:', '', '```sh', ...failing.map((c) => c.replay.failing!.replay), '```', '');
  }
  return lines.join('\n');
}
