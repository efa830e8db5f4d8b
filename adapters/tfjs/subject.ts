/**
 * The suite's own TensorFlow.js route (src/autodiff: reverse-over-reverse in float32, with the
 * custom-gradient activations that keep second derivatives right) as a subject of the protocol
 * (docs/protocol.md):
 *
 *   hessian          tfjsHessian (float32; symmetrised)
 *   hvp              that Hessian times v (the float32 Hessian's error dominates the product's)
 *   top-eigenvalues  the k largest eigenvalues of that Hessian (float64 eigensolver)
 *
 * `--naive` uses the raw tf.tanh / tf.sigmoid ops instead (tfActivationNaive): their second
 * derivatives lose the g'' term off the optimum (src/autodiff/activations.ts), so this variant
 * is a KNOWN-BAD subject that must fail. Run:
 *
 *   npm run --silent cli -- conform --subject "npx tsx adapters/tfjs/subject.ts"
 *   npm run --silent cli -- conform --subject "npx tsx adapters/tfjs/subject.ts --naive"
 */
import { createInterface } from 'node:readline';
import { tfjsHessian, loadTf } from '../../src/autodiff/index.js';
import { RequestSchema, type ComputeRequest } from '../../src/conform/protocol/messages.js';
import { fromRows } from '../../src/linalg/matrix.js';
import { getBackend } from '../../src/linalg/selectBackend.js';
import type { ActivationSpec } from '../../src/nets/activationSpec.js';

const naive = process.argv.includes('--naive');
const ACTIVATIONS = naive ? ['tanh', 'sigmoid'] : ['identity', 'tanh', 'erf', 'sigmoid', 'softplus', 'relu', 'z^2', 'z^3', 'z^4', 'polynomial'];

async function hessianOf(req: ComputeRequest): Promise<Float64Array> {
  const m = req.model;
  if (m.family !== 'two-layer') throw new Error(`family ${m.family} is not supported by the tfjs route`);
  const W = fromRows(m.W);
  const { hessian } = await tfjsHessian(
    { family: 'two-layer', activation: m.activation as ActivationSpec, W, a: Float64Array.from(m.a), X: fromRows(m.X), targets: Float64Array.from(m.y) },
    { naiveActivations: naive },
  );
  return hessian.data;
}

async function answer(line: string): Promise<Record<string, unknown>> {
  const raw = JSON.parse(line) as { id?: unknown };
  const parsed = RequestSchema.safeParse(raw);
  if (!parsed.success) return { id: raw.id ?? null, error: `bad request: ${parsed.error.issues[0].message}` };
  const req = parsed.data;
  if (req.op === 'describe') {
    const { backend } = await loadTf();
    return { id: req.id, name: `hessian-conformance tfjs route (${backend}${naive ? ', naive tf.tanh/tf.sigmoid' : ', custom gradients'})`, dtype: 'float32', ops: ['hessian', 'hvp', 'top-eigenvalues'], families: ['two-layer'], activations: ACTIVATIONS };
  }
  const H = await hessianOf(req);
  const P = Math.round(Math.sqrt(H.length));
  if (req.op === 'hessian') return { id: req.id, hessian: Array.from({ length: P }, (_, i) => Array.from(H.subarray(i * P, (i + 1) * P))) };
  if (req.op === 'hvp') {
    const hv = new Array<number>(P).fill(0);
    for (let i = 0; i < P; i++) for (let j = 0; j < P; j++) hv[i] += H[i * P + j] * req.v[j];
    return { id: req.id, hvp: hv };
  }
  const asc = getBackend().symmetricEigenvalues({ rows: P, cols: P, data: H });
  return { id: req.id, eigenvalues: Array.from({ length: req.k }, (_, i) => asc[P - 1 - i]) };
}

// One request at a time, in order: the protocol is strictly request → answer.
const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
let chain = Promise.resolve();
rl.on('line', (line) => {
  if (!line.trim()) return;
  chain = chain.then(async () => {
    let out: Record<string, unknown>;
    try {
      out = await answer(line);
    } catch (e) {
      out = { id: (JSON.parse(line) as { id?: unknown }).id ?? null, error: e instanceof Error ? e.message : String(e) };
    }
    process.stdout.write(`${JSON.stringify(out)}\n`);
  });
});
rl.on('close', () => {
  void chain.then(() => process.exit(0));
});
