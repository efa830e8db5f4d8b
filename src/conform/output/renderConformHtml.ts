/**
 * conform.html: the conformance of one subject as a self-contained page in the report's look
 * (REPORT_CSS, badges, the ratio-strip figure): the subject and settings, a table per op
 * (cases, failed, worst error ÷ tolerance), every case's error ÷ tolerance on a log axis with
 * the rule at 1, and the counterexample with its model and replay command. A function of
 * conform.json alone.
 */
import { figureHtml } from '../../report/html/figureHtml.js';
import { badge } from '../../report/html/claimSection.js';
import { escapeHtml } from '../../report/html/escape.js';
import { REPORT_CSS } from '../../report/html/styles.js';
import { formatNumber } from '../../report/figures/format.js';
import { ratioStrip, type RatioPoint } from '../../report/figures/ratioStrip.js';
import { renderFigure } from '../../report/figures/render.js';
import type { ConformResult } from './resultSchema.js';

function opVerdict(r: ConformResult, op: string): string {
  const rec = r.ops[op as keyof ConformResult['ops']];
  if (!rec) return 'inconclusive';
  if (rec.failed > 0 || r.counterexample?.op === op) return 'fail';
  return rec.skipped ? 'inconclusive' : 'pass';
}

export async function renderConformHtml(r: ConformResult): Promise<string> {
  const s = r.subject;
  const rows = Object.entries(r.ops)
    .map(([op, rec]) => `<tr data-op="${escapeHtml(op)}"><td>${escapeHtml(op)}</td><td>${badge(opVerdict(r, op))}</td><td class="num">${rec!.cases}</td><td class="num">${rec!.failed}</td><td class="num">${escapeHtml(formatNumber(rec!.worstRatio))}</td><td>${escapeHtml(rec!.skipped ?? '')}</td></tr>`)
    .join('\n');
  const points: RatioPoint[] = [];
  for (const [op, rec] of Object.entries(r.ops)) for (const d of rec!.draws) if (d.ratio !== null) points.push({ group: op, series: d.family, ratio: d.ratio });
  const figure = points.length
    ? figureHtml(await renderFigure(ratioStrip(points, { id: 'conform-ratios', title: 'Error ÷ tolerance of every answer, per op', note: 'Tolerances are derived from the declared dtype and the model (docs/protocol.md); answers that were not numbers are not drawn.' })))
    : '';
  const c = r.counterexample;
  const cx = c
    ? `<section class="claim fail" id="counterexample"><h2>Counterexample ${badge('fail')}</h2>
<dl class="facts"><dt>op</dt><dd>${escapeHtml(c.op)}</dd><dt>what happened</dt><dd>${escapeHtml(c.kind)}: ${escapeHtml(c.message)}</dd>${c.size ? `<dt>model</dt><dd>${escapeHtml(c.size)}${c.shrinks ? ` (shrunk in ${c.shrinks} steps)` : ''}</dd>` : ''}${c.error !== null ? `<dt>error</dt><dd>${escapeHtml(formatNumber(c.error))} at ${escapeHtml(c.at ?? '')} (expected ${escapeHtml(String(c.expected))}, got ${escapeHtml(String(c.got))})</dd><dt>tolerance</dt><dd>${escapeHtml(formatNumber(c.tolerance))} — error ÷ tolerance ${escapeHtml(formatNumber(c.ratio ?? Infinity))}</dd>` : ''}</dl>
<h3>Replay</h3><pre>${escapeHtml(c.replay)}</pre>
${c.model !== null ? `<h3>Request</h3><pre>${escapeHtml(JSON.stringify({ op: c.op, model: c.model, ...(c.v ? { v: c.v } : {}), ...(c.k !== null ? { k: c.k } : {}) }))}</pre>` : ''}
</section>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hessian conformance of ${escapeHtml(s.name ?? s.command)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<h1>Hessian conformance of ${escapeHtml(s.name ?? s.command)} ${badge(r.verdict)}</h1>
<p class="meta">${escapeHtml(s.dtype ?? 'no dtype')}${s.relativeTolerance !== null ? ` · declared relative tolerance ${escapeHtml(String(s.relativeTolerance))}` : ''} · seed ${r.settings.seed} · ${r.settings.runs} cases per op · families ${escapeHtml(r.settings.families.join(', ') || '—')} · ${r.seconds.toFixed(1)} s · generated ${escapeHtml(r.generatedAt)}</p>
<dl class="facts"><dt>command</dt><dd><code>${escapeHtml(s.command)}</code></dd><dt>declares</dt><dd>ops ${escapeHtml(s.ops.join(', ') || '—')}; families ${escapeHtml(s.families.join(', ') || '—')}; activations ${escapeHtml(s.activations.join(', ') || '—')}</dd>${s.ignored.length ? `<dt>not checked</dt><dd>${escapeHtml(s.ignored.join(', '))}</dd>` : ''}</dl>
<table class="summary">
<thead><tr><th>op</th><th>verdict</th><th class="num">cases</th><th class="num">failed</th><th class="num">worst error ÷ tolerance</th><th>note</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<div class="figures">${figure}</div>
${cx}
<footer>
Each case sends the subject a drawn model (targets off the model's outputs, so the residual term matters) and compares its answer with the suite's float64 closed form; the tolerance of every entry is a first-order rounding-error bound for the declared dtype (docs/protocol.md, "Tolerances"). Everything on this page is in <code>conform.json</code> beside it.
</footer>
</main>
</body>
</html>
`;
}
