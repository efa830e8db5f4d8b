/**
 * The import graph of the shipped code (src/, theory/, properties/, cli/), read with
 * TypeScript's own pre-processor (ts.preProcessFile: static imports, re-exports and dynamic
 * import() of string literals), relative specifiers resolved to repository paths. Used by the
 * architecture test and by `npx tsx test/architecture/printLayers.ts` for the layer summary.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..', '..');
export const SHIPPED = ['src', 'theory', 'properties', 'cli'];

export type Layer = 'engine' | 'theory' | 'properties' | 'cli' | 'test';

export function layerOf(file: string): Layer {
  const top = file.split('/')[0];
  if (top === 'src') return 'engine';
  if (top === 'theory') return 'theory';
  if (top === 'cli') return 'cli';
  if (top === 'properties') return file.endsWith('.test.ts') ? 'test' : 'properties';
  return 'test';
}

function listTs(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const rel = `${dir}/${name}`;
    if (statSync(join(ROOT, rel)).isDirectory()) out.push(...listTs(rel));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

function resolveSpecifier(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(ROOT, dirname(from), spec);
  for (const candidate of [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(ROOT, candidate);
  }
  return null;
}

/** file → the repository files it imports (relative imports only; packages are not nodes). */
export function importGraph(dirs: readonly string[] = SHIPPED): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of dirs.flatMap(listTs)) {
    const info = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
    const targets = info.importedFiles.map((f) => resolveSpecifier(file, f.fileName)).filter((t): t is string => t !== null);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Strongly connected components of size > 1 (Tarjan): every import cycle. */
export function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1) out.push(comp.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

/** Every file reachable from `start` (including it). */
export function closure(graph: Map<string, string[]>, start: string): Set<string> {
  const seen = new Set<string>();
  const todo = [start];
  while (todo.length) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    todo.push(...(graph.get(f) ?? []));
  }
  return seen;
}

/** Edge counts between layers, e.g. "properties → theory: 41". */
export function layerEdges(graph: Map<string, string[]>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [from, targets] of graph) {
    for (const to of targets) {
      const key = `${layerOf(from)} → ${layerOf(to)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}
