/** A short, readable name of a generated configuration for legends: "erf Ni=3 Nh=2 N=40". */
export function caseName(config: unknown): string {
  const c = (config ?? {}) as Record<string, unknown>;
  const act = typeof c.activation === 'string' ? c.activation : c.activation ? 'polynomial' : c.family === 'deep-linear' ? `deep L=${c.depth ?? 2}` : String(c.family ?? 'case');
  const sizes = ['Ni', 'Nh', 'N'].filter((k) => typeof c[k] === 'number').map((k) => `${k}=${c[k]}`);
  return [act, ...sizes].join(' ');
}
