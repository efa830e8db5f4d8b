#!/usr/bin/env node
/**
 * A subject for the conformance tests: the two-layer Hessian written out independently of the
 * suite (plain JavaScript, no imports from src/), speaking the protocol of docs/protocol.md.
 * Flags turn it into the near wrong neighbours the tolerances must catch, and into the
 * misbehaving programs the process manager must survive:
 *
 *   --arith float64|float32   arithmetic (float32: every operation rounded with Math.fround)
 *   --declare float64|float32 the dtype it declares (default: its arithmetic)
 *   --bug residual-dropped    Gauss–Newton only (the residual term left out)
 *   --bug residual-off        residual term × (1 + 1e-3)
 *   --bug tanh-second         tanh'' = −2t(1 + t²) instead of −2t(1 − t²)
 *   --bug hvp-transposed      H·v computed as Hᵀ·v with the W block transposed (wrong off the diagonal)
 *   --bug eig-ascending       top eigenvalues returned in ascending order
 *   --misbehave MODE          banner | crash | hang | garbage | wrong-id | extra-line | nan |
 *                             wrong-length | error | huge | partial-exit | stderr-noise | slow-start
 *   --ops a,b  --activations a,b  --name NAME   what describe declares
 */
import { arith, bug, declared, flag, r, serveLines } from './subjectKit.mjs';
const misbehave = flag('misbehave', 'none');
const ops = flag('ops', 'hessian,hvp,top-eigenvalues').split(',');
const activations = flag('activations', 'identity,tanh,erf,sigmoid,softplus,relu,z^2,z^3,polynomial').split(',');
const name = flag('name', `node two-layer (${arith}${bug !== 'none' ? `, bug ${bug}` : ''}${misbehave !== 'none' ? `, misbehave ${misbehave}` : ''})`);

import { jacobiEigenvalues } from './jacobi.mjs';

const add = (a, b) => r(a + b);
const mul = (a, b) => r(a * b);
const sub = (a, b) => r(a - b);

// erf(x) = (2/√π)·e^{−x²}·Σ_n 2ⁿ x^{2n+1} / (1·3·…·(2n+1)): positive terms, no cancellation
// (Abramowitz & Stegun 7.1.6); past |x| = 3, 1 − erfc by its continued fraction.
function erf(x) {
  const ax = Math.abs(x);
  if (ax < 3) {
    let term = ax;
    let sum = ax;
    for (let n = 1; n < 200; n++) {
      term *= (2 * ax * ax) / (2 * n + 1);
      sum += term;
      if (term < 1e-17 * sum) break;
    }
    return Math.sign(x) * (2 / Math.sqrt(Math.PI)) * Math.exp(-ax * ax) * sum;
  }
  // erfc by continued fraction (Lentz), erf = 1 − erfc.
  let f = ax;
  let C = ax;
  let D = 0;
  for (let n = 1; n < 300; n++) {
    const an = n / 2;
    D = ax + an * D;
    D = D === 0 ? 1e-300 : 1 / D;
    C = ax + an / C;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
  return Math.sign(x) * (1 - erfc);
}

/** [g, g', g''] at z, each rounded to the arithmetic. */
function activation(spec) {
  const poly = (c) => (z) => {
    let g = 0;
    let d1 = 0;
    let d2 = 0;
    for (let i = c.length - 1; i >= 0; i--) {
      d2 = add(mul(d2, z), mul(2, d1));
      d1 = add(mul(d1, z), g);
      g = add(mul(g, z), c[i]);
    }
    return [g, d1, d2];
  };
  if (typeof spec === 'object') return poly(spec.polynomial.map(r));
  const sig = (z) => r(1 / (1 + Math.exp(-z)));
  switch (spec) {
    case 'identity':
    case 'linear':
      return poly([0, 1]);
    case 'tanh':
      return (z) => {
        const t = r(Math.tanh(z));
        const d1 = sub(1, mul(t, t));
        const d2 = bug === 'tanh-second' ? mul(mul(-2, t), add(1, mul(t, t))) : mul(mul(-2, t), d1);
        return [t, d1, d2];
      };
    case 'sigmoid':
      return (z) => {
        const s = sig(z);
        const d1 = mul(s, sub(1, s));
        return [s, d1, mul(d1, sub(1, mul(2, s)))];
      };
    case 'softplus':
      return (z) => {
        const s = sig(z);
        return [r(Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)))), s, mul(s, sub(1, s))];
      };
    case 'erf':
      return (z) => {
        const d1 = r((2 / Math.sqrt(Math.PI)) * Math.exp(-z * z));
        return [r(erf(z)), d1, mul(mul(-2, z), d1)];
      };
    case 'relu':
      return (z) => [z > 0 ? z : 0, z > 0 ? 1 : 0, 0];
    default: {
      const m = /^z\^(\d+)$/.exec(spec);
      if (m) {
        const c = new Array(Number(m[1]) + 1).fill(0);
        c[c.length - 1] = 1;
        return poly(c);
      }
      throw new Error(`unknown activation ${JSON.stringify(spec)}`);
    }
  }
}

/** The P×P Hessian of L = 1/(2N) Σ (Σ_j a_j g(w_j·x_n) − y_n)², θ = (W row-major, a). */
function hessian(m) {
  const g = activation(m.activation);
  const W = m.W.map((row) => row.map(r));
  const a = m.a.map(r);
  const X = m.X.map((row) => row.map(r));
  const y = m.y.map(r);
  const Nh = W.length;
  const Ni = W[0].length;
  const N = X.length;
  const P = Nh * Ni + Nh;
  const H = Array.from({ length: P }, () => new Array(P).fill(0));
  const invN = r(1 / N);
  for (let n = 0; n < N; n++) {
    const x = X[n];
    const G = [];
    let f = 0;
    for (let j = 0; j < Nh; j++) {
      let z = 0;
      for (let k = 0; k < Ni; k++) z = add(z, mul(W[j][k], x[k]));
      G.push(g(z));
      f = add(f, mul(a[j], G[j][0]));
    }
    const res = sub(f, y[n]);
    const J = new Array(P).fill(0);
    for (let j = 0; j < Nh; j++) {
      for (let k = 0; k < Ni; k++) J[j * Ni + k] = mul(mul(a[j], G[j][1]), x[k]);
      J[Nh * Ni + j] = G[j][0];
    }
    for (let p = 0; p < P; p++) for (let q = 0; q < P; q++) H[p][q] = add(H[p][q], mul(mul(J[p], J[q]), invN));
    if (bug === 'residual-dropped') continue;
    const rw = bug === 'residual-off' ? mul(mul(res, invN), 1 + 1e-3) : mul(res, invN);
    for (let j = 0; j < Nh; j++) {
      for (let k = 0; k < Ni; k++) {
        const p = j * Ni + k;
        for (let k2 = 0; k2 < Ni; k2++) H[p][j * Ni + k2] = add(H[p][j * Ni + k2], mul(rw, mul(mul(a[j], G[j][2]), mul(x[k], x[k2]))));
        const q = Nh * Ni + j;
        const c = mul(rw, mul(G[j][1], x[k]));
        H[p][q] = add(H[p][q], c);
        H[q][p] = add(H[q][p], c);
      }
    }
  }
  return H;
}

function hvp(m, v) {
  const H = hessian(m);
  const P = H.length;
  const Nh = m.W.length;
  const Ni = m.W[0].length;
  const vv = v.map(r);
  return H.map((row, i) => {
    let s = 0;
    for (let q = 0; q < P; q++) {
      let h = row[q];
      if (bug === 'hvp-transposed' && i < Nh * Ni && q < Nh * Ni) {
        // Index the W block as if W were stored column-major.
        const ii = (i % Ni) * Nh + Math.floor(i / Ni);
        const qq = (q % Ni) * Nh + Math.floor(q / Ni);
        h = ii < Nh * Ni && qq < Nh * Ni ? H[ii][qq] : h;
      }
      s = add(s, mul(h, vv[q]));
    }
    return s;
  });
}

function answer(req) {
  if (req.op === 'describe') {
    return { id: req.id, name, dtype: declared, ops, families: ['two-layer'], activations };
  }
  if (req.model.family !== 'two-layer') return { id: req.id, error: `family ${req.model.family} is not supported` };
  if (req.op === 'hessian') return { id: req.id, hessian: hessian(req.model) };
  if (req.op === 'hvp') return { id: req.id, hvp: hvp(req.model, req.v) };
  if (req.op === 'top-eigenvalues') {
    const asc = jacobiEigenvalues(hessian(req.model), r);
    const top = asc.slice(-req.k).reverse();
    return { id: req.id, eigenvalues: bug === 'eig-ascending' ? top.reverse() : top };
  }
  return { id: req.id, error: `unknown op ${req.op}` };
}

function write(obj) {
  process.stdout.write(`${JSON.stringify(obj)}\n`);
}

let computeRequests = 0;
function handle(line) {
  const req = JSON.parse(line);
  if (req.op !== 'describe') computeRequests++;
  const compute = req.op !== 'describe';
  if (compute && computeRequests >= 3) {
    switch (misbehave) {
      case 'crash':
        process.stderr.write('Traceback (most recent call last):\n  File "subject.py", line 42\nZeroDivisionError: float division by zero\n');
        process.exit(3);
        break;
      case 'hang':
        return;
      case 'garbage':
        process.stdout.write('hello from the subject\n');
        return;
      case 'wrong-id':
        write({ ...answer(req), id: req.id + 1 });
        return;
      case 'extra-line':
        // One write: the extra line usually arrives with the answer (a line when nothing is open);
        // if the pipe splits it, it is read as the next answer (a wrong id). Both are violations.
        process.stdout.write(`${JSON.stringify(answer(req))}\n${JSON.stringify({ id: req.id, note: 'an extra line' })}\n`);
        return;
      case 'nan': {
        const text = JSON.stringify(answer(req)).replace(/-?\d+\.\d+(e-?\d+)?/, 'NaN');
        process.stdout.write(`${text}\n`);
        return;
      }
      case 'wrong-length': {
        const ans = answer(req);
        for (const key of ['hessian', 'hvp', 'eigenvalues']) if (ans[key]) ans[key] = ans[key].slice(1);
        write(ans);
        return;
      }
      case 'error':
        write({ id: req.id, error: 'CUDA out of memory (pretend)' });
        return;
      case 'huge':
        process.stdout.write('{"id": ' + req.id + ', "hessian": [');
        for (let i = 0; i < 2000; i++) process.stdout.write('1.0, '.repeat(2000));
        return;
      case 'partial-exit':
        process.stdout.write(`{"id": ${req.id}, "hess`);
        setTimeout(() => process.exit(0), 50);
        return;
    }
  }
  if (misbehave === 'stderr-noise') process.stderr.write(`${'warning: noise on stderr '.repeat(200)}\n`);
  write(answer(req));
}

async function main() {
  if (misbehave === 'banner') process.stdout.write('Loading model weights... done\n');
  if (misbehave === 'slow-start') await new Promise((res) => setTimeout(res, 3000));
  serveLines(handle);
}
main();
