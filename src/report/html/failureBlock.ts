/**
 * How a failure reads: at the top of its claim's section, in a red box, for every unit that
 * found a counterexample — what failed and why (the check's own message), the shrunk
 * counterexample's configuration and the numbers its check recorded, how far shrinking got,
 * the one command that replays it, and links to the figures that draw it. When the run
 * checked a deliberately wrong theory (report --theory-mutant), the box says so first.
 */
import type { RenderedFigure } from '../figures/figure.js';
import { formatNumber } from '../figures/format.js';
import type { ClaimEntry, PropertyRecord, TheoryMutantRecord } from '../types.js';
import { escapeHtml } from './escape.js';
import { proseHtml } from './mathml.js';

/** Longest configuration printed on one line; longer ones are printed indented. */
const ONE_LINE = 110;

function configText(config: unknown): string {
  const one = JSON.stringify(config);
  if (one.length <= ONE_LINE || config === null || typeof config !== 'object' || Array.isArray(config)) return one;
  // One top-level field per line, each value on its own line as compact JSON.
  return `{\n${Object.entries(config as Record<string, unknown>).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n}`;
}

/** The counterexample's recorded numbers: its scalar fields (arrays and nested records stay in conformance.json). */
function evidenceRows(evidence: unknown): string {
  if (evidence === null || typeof evidence !== 'object') return '';
  const rows = Object.entries(evidence as Record<string, unknown>)
    .filter(([, v]) => typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || v === null)
    .map(([k, v]) => `<tr><td><code>${escapeHtml(k)}</code></td><td class="num">${escapeHtml(typeof v === 'number' ? formatNumber(v, 6) : String(v))}</td></tr>`);
  return rows.length ? `<details open><summary>What the shrunk counterexample's check recorded</summary><table class="evidence"><tbody>${rows.join('')}</tbody></table></details>` : '';
}

function unitFailure(u: PropertyRecord, figures: readonly RenderedFigure[]): string {
  const f = u.failure!;
  const shrink = f.shrinkBudgetExhausted ? `shrinking stopped at its budget of ${f.shrinkChecks} checks` : `shrunk in ${f.shrinkChecks} check${f.shrinkChecks === 1 ? '' : 's'}`;
  const shown = figures.filter((g) => g.showsFailure);
  const links = shown.length ? `<p class="exposes">Drawn in: ${shown.map((g) => `<a href="#fig-${escapeHtml(g.id)}">${proseHtml(g.title)}</a>`).join('; ')}.</p>` : '';
  return `<div class="failure-unit" data-property="${escapeHtml(u.name)}">
<p><strong>${proseHtml(u.name)}</strong> (seed ${u.seed}) — ${u.failed} of ${u.cases.length} drawn case${u.cases.length === 1 ? '' : 's'} failed before fast-check stopped drawing.</p>
<p class="message">${proseHtml(f.message)}</p>
<h4>Shrunk counterexample <span class="meta">(${shrink}; fast-check path "${escapeHtml(f.path)}")</span></h4>
<pre class="config">${escapeHtml(configText(f.config))}</pre>
${evidenceRows(f.evidence)}
<h4>Replay</h4>
<pre class="replay">${escapeHtml(f.replay)}</pre>
${links}
</div>`;
}

export function failureBlock(c: ClaimEntry, figures: readonly RenderedFigure[], mutant: TheoryMutantRecord | undefined): string {
  const failing = c.evidence.properties.filter((u) => u.failure);
  if (failing.length === 0) return '';
  const deliberate =
    mutant && mutant.claim === c.id
      ? `<p class="mutant-note"><strong>Deliberate failure.</strong> This run checked a wrong neighbour as if it were the claim — ${proseHtml(mutant.description)} (<code>--theory-mutant ${escapeHtml(mutant.claim)}:${escapeHtml(mutant.neighbour)}</code>) — in ${mutant.properties.map((p) => `“${proseHtml(p)}”`).join(', ')}. The failure below shows the suite catching a wrong theory; it says nothing against the claim.</p>\n`
      : '';
  return `<div class="failure" role="alert">
<h3>Failure${failing.length > 1 ? `s (${failing.length} properties)` : ''}</h3>
${deliberate}${failing.map((u) => unitFailure(u, figures)).join('\n')}
</div>`;
}
