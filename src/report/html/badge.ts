/** A verdict as a coloured pill (colour and word: the word carries it in print and for screen readers). */
import { escapeHtml } from './escape.js';

export function badge(verdict: string): string {
  return `<span class="badge ${escapeHtml(verdict)}">${escapeHtml(verdict)}</span>`;
}
