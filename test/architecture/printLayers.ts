/** Prints the layer-to-layer import counts and any cycle: `npx tsx test/architecture/printLayers.ts`. */
import { cycles, importGraph, layerEdges } from './importGraph.js';

const graph = importGraph();
console.log(`${graph.size} shipped modules`);
for (const [edge, n] of [...layerEdges(graph)].sort()) console.log(`  ${edge}: ${n}`);
console.log(`cycles: ${cycles(graph).length}`);
