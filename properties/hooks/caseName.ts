/**
 * Short, readable names of drawn nets for legends: "erf Ni=3 Nh=2 N=40", "deep L=3 Ni=2 Nh=4 N=9".
 * `netName` and `linearNetName` read typed evidence; `caseName` reads an untyped configuration
 * (for claims whose evidence does not yet name the net).
 */

/** "activation Ni=… Nh=… N=…", sizes in that order, those given. */
export function netName(n: { readonly activation: string; readonly Ni?: number; readonly Nh?: number; readonly N?: number }): string {
  const sizes = (['Ni', 'Nh', 'N'] as const).filter((k) => typeof n[k] === 'number').map((k) => `${k}=${n[k]}`);
  return [n.activation, ...sizes].join(' ');
}

/** A linear net as C2a–c record it: two-layer nets are named by their activation, identity. */
export function linearNetName(n: { readonly family: 'two-layer' | 'deep-linear'; readonly depth: number | null; readonly Ni: number; readonly Nh: number; readonly N: number }): string {
  return netName({ activation: n.family === 'deep-linear' ? `deep L=${n.depth ?? 2}` : 'identity', Ni: n.Ni, Nh: n.Nh, N: n.N });
}

/** The same name from a generated configuration (untyped). */
export function caseName(config: unknown): string {
  const c = (config ?? {}) as Record<string, unknown>;
  const act = typeof c.activation === 'string' ? c.activation : c.activation ? 'polynomial' : c.family === 'deep-linear' ? `deep L=${c.depth ?? 2}` : String(c.family ?? 'case');
  const size = (k: string) => (typeof c[k] === 'number' ? (c[k] as number) : undefined);
  return netName({ activation: act, Ni: size('Ni'), Nh: size('Nh'), N: size('N') });
}
