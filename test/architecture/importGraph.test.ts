/**
 * The one-way architecture (README "Layout"): engine ← theory ← properties ← cli.
 *  - src/ (the engine, including the claim-agnostic report layer) imports nothing from
 *    theory/, properties/ or cli/; theory/ imports only the engine; properties/ imports the
 *    engine and theory; only the CLI (the composition root) imports everything, and nothing
 *    shipped imports the CLI.
 *  - No import cycle anywhere in the shipped code.
 *  - A report is a function of its evidence: the claim catalogue (what `report render` loads)
 *    reaches no property definition, no generator and no computing part of the engine.
 *  - No shipped code writes to process.env (run settings are passed as values).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closure, cycles, importGraph, layerOf, ROOT, type Layer } from './importGraph.js';

const ALLOWED: Record<Exclude<Layer, 'test'>, readonly Layer[]> = {
  engine: ['engine'],
  theory: ['engine', 'theory'],
  properties: ['engine', 'theory', 'properties'],
  cli: ['engine', 'theory', 'properties', 'cli'],
};

/** Engine folders that compute (a render must not need them). */
const COMPUTING = ['src/hessian/', 'src/linalg/', 'src/nets/', 'src/autodiff/', 'src/dynamics/', 'src/training/', 'src/spectrum/', 'src/config/', 'src/calibration/'];
const graph = importGraph();

describe('import graph', () => {
  it('every import points down the layers: engine ← theory ← properties ← cli', () => {
    const bad: string[] = [];
    for (const [from, targets] of graph) {
      const layer = layerOf(from);
      if (layer === 'test') continue;
      for (const to of targets) if (!ALLOWED[layer].includes(layerOf(to))) bad.push(`${from} (${layer}) → ${to} (${layerOf(to)})`);
    }
    expect(bad).toEqual([]);
  });

  it('has no cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  const forbidden = (f: string) => f.startsWith('properties/definitions/') || f.startsWith('properties/arbitraries/') || COMPUTING.some((d) => f.startsWith(d));

  it('the claim catalogue (report render) reaches no definition, generator or computing engine module', () => {
    const hooks = [...graph.keys()].filter((f) => /^properties\/hooks\/[A-Z]\w*\.ts$/.test(f));
    expect(hooks.length).toBeGreaterThanOrEqual(12);
    const bad: string[] = [];
    for (const hook of hooks) {
      for (const f of closure(graph, hook)) if (forbidden(f)) bad.push(`${hook} → ${f}`);
    }
    const catalogueOnly = [...closure(graph, 'properties/catalogue.ts')].filter(forbidden);
    expect([...bad, ...catalogueOnly].sort()).toEqual([]);
  });

  it('no shipped code writes to process.env', () => {
    const writes: string[] = [];
    for (const file of graph.keys()) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const m = text.match(/process\.env(\.\w+|\[[^\]]+\])\s*=(?!=)|delete\s+process\.env|Object\.assign\(\s*process\.env/g);
      if (m) writes.push(`${file}: ${m.join(', ')}`);
    }
    expect(writes).toEqual([]);
  });
});
