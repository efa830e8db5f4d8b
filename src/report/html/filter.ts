/**
 * Filter by verdict or kind with no script: two radio groups, and CSS rules
 * (`body:has(#fv-fail:checked) [data-verdict]:not([data-verdict="fail"]) { display: none }`)
 * that hide the summary rows, contents entries and sections that do not match. Works from
 * disk, with no server and no JavaScript; a browser without :has() simply shows everything,
 * so the page always reads in full.
 */
import { escapeHtml } from './escape.js';
import { VERDICT_ORDER } from './pageOrder.js';

function group(name: string, legend: string, values: readonly string[]): string {
  const inputs = ['all', ...values]
    .map((v) => `<input type="radio" name="${name}" id="${name}-${escapeHtml(v)}" value="${escapeHtml(v)}"${v === 'all' ? ' checked' : ''}><label for="${name}-${escapeHtml(v)}">${escapeHtml(v)}</label>`)
    .join('');
  return `<fieldset class="filter" data-filter="${name}"><legend>${legend}</legend>${inputs}</fieldset>`;
}

export function filterControls(kinds: readonly string[]): string {
  return `<form class="filters" aria-label="Filter the claims">${group('fv', 'verdict', VERDICT_ORDER)}${group('fk', 'kind', kinds)}</form>`;
}

/** The CSS that makes the radio buttons filter (one rule per value). */
export function filterCss(kinds: readonly string[]): string {
  const rule = (name: string, attr: string, v: string) => `body:has(#${name}-${v}:checked) [data-${attr}]:not([data-${attr}="${v}"]) { display: none; }`;
  return [...VERDICT_ORDER.map((v) => rule('fv', 'verdict', v)), ...kinds.map((k) => rule('fk', 'kind', k))].join('\n');
}
