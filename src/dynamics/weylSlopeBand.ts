/**
 * How far the late slope 2 log|1 − ηλ| of a gradient-descent mode can move when its eigenvalue
 * λ may be anywhere in [λ − Δ, λ + Δ] — Δ a Weyl bound on how far the Hessian moved along the
 * run (|λ_k(H + E) − λ_k(H)| ≤ ‖E‖₂; Weyl 1912, GVL 4th ed. Thm 8.1.6).
 *
 * Result: sup over λ' ∈ [λ − Δ, λ + Δ] of |2 log|1 − ηλ'| − 2 log|1 − ηλ||. x ↦ log|1 − x| is
 * monotone on each side of x = 1, so when the interval stays on one side of ηλ' = 1 the
 * supremum is at an end; when the interval reaches ηλ' = 1 the slope is unbounded (a mode that
 * can be removed in one step) and the result is +∞ — the caller's check then cannot pass on
 * this term.
 *
 * Accuracy: that of logAbsOneMinus (a few ulps) at the two ends. Cost O(1).
 */
import { logAbsOneMinus } from './logSpace.js';

export function weylSlopeBand(lambda: number, delta: number, eta: number): number {
  if (!Number.isFinite(lambda)) throw new Error(`weylSlopeBand: lambda must be finite, got ${lambda}`);
  if (!(delta >= 0 && Number.isFinite(delta))) throw new Error(`weylSlopeBand: delta must be finite and ≥ 0, got ${delta}`);
  if (!(eta > 0 && Number.isFinite(eta))) throw new Error(`weylSlopeBand: eta must be finite and > 0, got ${eta}`);
  const lo = eta * (lambda - delta);
  const hi = eta * (lambda + delta);
  if (lo <= 1 && hi >= 1) return Infinity;
  const s = 2 * logAbsOneMinus(eta * lambda);
  return Math.max(Math.abs(2 * logAbsOneMinus(lo) - s), Math.abs(2 * logAbsOneMinus(hi) - s));
}
