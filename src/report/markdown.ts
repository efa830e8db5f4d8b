/**
 * conformance.md: the summary table for pasting into a pull request — one row per claim
 * (id, title, verdict, cases, key number), under a line naming the seed, mode and
 * environment so a reader can tell two reports apart.
 */
import type { ConformanceReport } from './types.js';
import { verdictText } from './verdictText.js';
import { runDescription } from './runDescription.js';
import { multipleTestingLine } from './multipleTestingText.js';

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function renderMarkdown(report: ConformanceReport): string {
  const lines = [
    '## Hessian conformance report',
    '',
    `${runDescription(report)}.`,
    '',
    ...(multipleTestingLine(report) ? [multipleTestingLine(report)!, ''] : []),
    '| Claim | Title | Kind | Verdict | Cases | Key number |',
    '|---|---|---|---|---:|---|',
    ...report.claims.map((c) => `| ${cell(c.id)} | ${cell(c.title)} | ${c.kind} | ${verdictText(c.verdict)} | ${c.cases} | ${cell(`${c.keyNumber.label}: ${c.keyNumber.text}`)} |`),
    '',
  ];
  const failing = report.claims.filter((c) => c.replay.failing);
  if (failing.length > 0) {
    lines.push('Replay the failures:', '', '```sh', ...failing.map((c) => c.replay.failing!.replay), '```', '');
  }
  return lines.join('\n');
}
