/**
 * A conformance result as the terminal shows it: one line per op (cases, failed, worst
 * error ÷ tolerance, verdict), then the counterexample with its model and replay command.
 */
import { formatNumber } from '../../report/figures/format.js';
import type { ConformResult } from './resultSchema.js';

export function conformText(r: ConformResult): string {
  const s = r.subject;
  const lines = [`subject: ${s.name ?? '(no describe answer)'}${s.dtype ? ` — ${s.dtype}` : ''}${s.relativeTolerance !== null ? `, relativeTolerance ${s.relativeTolerance}` : ''}`, `command: ${s.command}`];
  if (s.ignored.length) lines.push(`not checked in this run: ${s.ignored.join(', ')}`);
  lines.push(`seed ${r.settings.seed}, ${r.settings.runs} cases per op, families ${r.settings.families.join(', ') || '—'}`);
  for (const [op, rec] of Object.entries(r.ops)) {
    if (!rec) continue;
    const verdict = rec.failed > 0 || r.counterexample?.op === op ? 'FAIL' : rec.skipped ? 'skipped' : 'pass';
    lines.push(`  ${op.padEnd(16)} ${verdict.padEnd(8)} ${String(rec.cases).padStart(5)} cases, ${rec.failed} failed, worst error ÷ tolerance ${formatNumber(rec.worstRatio)}${rec.skipped ? ` — ${rec.skipped}` : ''}`);
  }
  lines.push(`verdict: ${r.verdict === 'pass' ? 'conforms' : 'does NOT conform'} (${r.seconds.toFixed(1)} s)`);
  const c = r.counterexample;
  if (c) {
    lines.push('', `counterexample (${c.op}, ${c.kind}${c.shrinks ? `, shrunk in ${c.shrinks} steps` : ''}):`, `  ${c.message}`);
    if (c.size) lines.push(`  model: ${c.size}`);
    if (c.error !== null && c.tolerance !== null) lines.push(`  error ${formatNumber(c.error)} at ${c.at}, tolerance ${formatNumber(c.tolerance)}, ratio ${formatNumber(c.ratio ?? Infinity)}`);
    if (c.model !== null) lines.push(`  request: ${JSON.stringify({ op: c.op, model: c.model, ...(c.v ? { v: c.v } : {}), ...(c.k !== null ? { k: c.k } : {}) })}`);
    lines.push(`  replay: ${c.replay}`);
  }
  return lines.join('\n');
}
