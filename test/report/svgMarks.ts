/**
 * Test helper: how many drawn items an SVG from render.ts holds in its data-mark groups
 * (Vega's `role-mark` groups: points, lines, bars, rules, texts — not axes or legends).
 */
export function dataMarkItems(svg: string): number {
  let items = 0;
  const open = /<g class="mark-[a-z]+ role-mark[^"]*"[^>]*>/g;
  for (const m of svg.matchAll(open)) {
    const rest = svg.slice(m.index! + m[0].length);
    const body = rest.slice(0, rest.indexOf('</g>'));
    items += (body.match(/<(path|line|rect|text|circle)\b/g) ?? []).length;
  }
  return items;
}

/** Kinds of data marks present, e.g. ['line', 'rect', 'symbol']. */
export function dataMarkKinds(svg: string): string[] {
  return [...new Set([...svg.matchAll(/<g class="mark-([a-z]+) role-mark[^"]*"[^>]*>(?!<\/g>)/g)].map((m) => m[1]))].sort();
}
