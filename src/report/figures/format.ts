/** Number formatting shared by figures, tables and the summary: 3 significant digits, exponent when far from 1. */
export function formatNumber(v: number | null | undefined, digits = 3): string {
  if (v === null || v === undefined) return '—';
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (Number.isInteger(v) && a < 1e6) return String(v);
  if (a >= 1e4 || a < 1e-3) return v.toExponential(digits - 1).replace(/\.?0+e/, 'e').replace('e+', 'e');
  return Number(v.toPrecision(digits)).toString();
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd … */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/**
 * A number printed beside boundaries it must not be confused with (η·λ_max ≈ 1.9994 is not
 * the divergence boundary 2): `digits` significant digits, more while the printed value
 * would equal a boundary the true value differs from (up to 12).
 */
export function formatBeside(v: number, boundaries: readonly number[], digits = 3): string {
  for (let d = digits; d <= 12; d++) {
    const text = formatNumber(v, d);
    const shown = Number(text);
    if (!boundaries.some((b) => shown === b && v !== b)) return text;
  }
  return String(v);
}
