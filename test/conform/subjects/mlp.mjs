#!/usr/bin/env node
/**
 * A subject for the conformance tests: the MLP Hessian written out independently of the suite
 * (plain JavaScript, no imports from src/): every entry H_pq by forward-over-forward
 * differentiation in hyper-dual numbers, the protocol's nn.Sequential layout and PyTorch losses.
 * Flags make the near wrong neighbours an MLP user actually meets:
 *
 *   --arith float64|float32   arithmetic (float32: every operation rounded with Math.fround)
 *   --declare float64|float32 the dtype it declares (default: its arithmetic)
 *   --bug bias-order          θ read as all weights first, then all biases (not parameters() order)
 *   --bug mse-half            nn.MSELoss taken as ½·mean over samples of Σ_c (the papers' loss)
 *   --bug sum-as-mean         reduction "sum" computed as "mean"
 */
import { jacobiEigenvalues } from './jacobi.mjs';

import { arith, bug, declared, r, serveLines } from './subjectKit.mjs';

// Hyper-dual numbers [x, x_p, x_q, x_pq], every operation rounded by r.
const hd = (x, p = 0, q = 0) => [r(x), p, q, 0];
const hadd = (a, b) => [r(a[0] + b[0]), r(a[1] + b[1]), r(a[2] + b[2]), r(a[3] + b[3])];
const hsub = (a, b) => [r(a[0] - b[0]), r(a[1] - b[1]), r(a[2] - b[2]), r(a[3] - b[3])];
const hmul = (a, b) => [r(a[0] * b[0]), r(r(a[1] * b[0]) + r(a[0] * b[1])), r(r(a[2] * b[0]) + r(a[0] * b[2])), r(r(r(a[3] * b[0]) + r(a[1] * b[2])) + r(r(a[2] * b[1]) + r(a[0] * b[3])))];
const hscale = (a, s) => a.map((x) => r(x * s));
const hfun = (f, d1, d2, a) => {
  const x = a[0];
  const g1 = r(d1(x));
  return [r(f(x)), r(g1 * a[1]), r(g1 * a[2]), r(r(r(d2(x)) * r(a[1] * a[2])) + r(g1 * a[3]))];
};
const sig = (z) => 1 / (1 + Math.exp(-z));
const ACT = {
  identity: [(z) => z, () => 1, () => 0],
  relu: [(z) => Math.max(z, 0), (z) => (z > 0 ? 1 : 0), () => 0],
  tanh: [Math.tanh, (z) => 1 - Math.tanh(z) ** 2, (z) => -2 * Math.tanh(z) * (1 - Math.tanh(z) ** 2)],
  sigmoid: [sig, (z) => sig(z) * (1 - sig(z)), (z) => sig(z) * (1 - sig(z)) * (1 - 2 * sig(z))],
  softplus: [(z) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))), sig, (z) => sig(z) * (1 - sig(z))],
};

/** Where each parameter of layer l sits in θ: parameters() order, or (bug) all weights first. */
function layout(m) {
  const sizes = m.layers.map((l) => ({ w: l.weight.length * l.weight[0].length, b: m.bias === false ? 0 : l.weight.length }));
  const at = [];
  let off = 0;
  if (bug === 'bias-order') {
    for (const s of sizes) {
      at.push({ w: off });
      off += s.w;
    }
    sizes.forEach((s, l) => {
      at[l].b = off;
      off += s.b;
    });
  } else {
    for (const s of sizes) {
      at.push({ w: off, b: off + s.w });
      off += s.w + s.b;
    }
  }
  return { at, P: off };
}

function thetaOf(m, lay) {
  const theta = new Array(lay.P).fill(0);
  m.layers.forEach((l, li) => {
    const inn = l.weight[0].length;
    l.weight.forEach((row, i) => row.forEach((w, j) => (theta[lay.at[li].w + i * inn + j] = w)));
    if (m.bias !== false) l.bias.forEach((b, i) => (theta[lay.at[li].b + i] = b));
  });
  return theta;
}

/** H_pq of the model's loss. */
function entry(m, lay, theta, p, q) {
  const [f, d1, d2] = ACT[m.activation];
  const th = theta.map((x, i) => hd(x, i === p ? 1 : 0, i === q ? 1 : 0));
  const N = m.X.length;
  const k = m.layers[m.layers.length - 1].weight.length;
  const reduction = bug === 'sum-as-mean' ? 'mean' : (m.reduction ?? 'mean');
  let total = hd(0);
  for (let n = 0; n < N; n++) {
    let h = m.X[n].map((x) => hd(x));
    m.layers.forEach((l, li) => {
      const inn = l.weight[0].length;
      const z = l.weight.map((_, i) => {
        let s = m.bias !== false ? th[lay.at[li].b + i] : hd(0);
        for (let j = 0; j < inn; j++) s = hadd(s, hmul(th[lay.at[li].w + i * inn + j], h[j]));
        return s;
      });
      h = li < m.layers.length - 1 ? z.map((zi) => hfun(f, d1, d2, zi)) : z;
    });
    let ell;
    if (m.loss === 'cross-entropy') {
      const s = Math.max(...h.map((x) => x[0]));
      let acc = hd(0);
      for (const x of h) acc = hadd(acc, hfun(Math.exp, Math.exp, Math.exp, hsub(x, hd(s))));
      ell = hsub(hadd(hfun(Math.log, (x) => 1 / x, (x) => -1 / (x * x), acc), hd(s)), h[m.labels[n]]);
    } else {
      const t = m.targets ? m.targets[n] : Array.from({ length: k }, (_, c) => (c === m.labels[n] ? 1 : 0));
      let acc = hd(0);
      h.forEach((x, c) => {
        const d = hsub(x, hd(t[c]));
        acc = hadd(acc, hmul(d, d));
      });
      const half = m.loss === 'half-squared-error' || (m.loss === 'mse' && bug === 'mse-half');
      ell = half ? hscale(acc, 0.5) : acc;
    }
    total = hadd(total, ell);
  }
  const mseMean = m.loss === 'mse' && bug !== 'mse-half';
  const w = reduction === 'sum' ? 1 : mseMean ? 1 / (N * k) : 1 / N;
  return r(total[3] * w);
}

function hessian(m) {
  const lay = layout(m);
  const theta = thetaOf(m, lay);
  const H = Array.from({ length: lay.P }, () => new Array(lay.P).fill(0));
  for (let p = 0; p < lay.P; p++) for (let q = p; q < lay.P; q++) H[p][q] = H[q][p] = entry(m, lay, theta, p, q);
  return H;
}

function answer(req) {
  if (req.op === 'describe') return { id: req.id, name: `node mlp (${arith}${bug !== 'none' ? `, bug ${bug}` : ''})`, dtype: declared, ops: ['hessian', 'hvp', 'top-eigenvalues'], families: ['mlp'], activations: Object.keys(ACT) };
  if (req.model.family !== 'mlp') return { id: req.id, error: `family ${req.model.family} is not supported` };
  const H = hessian(req.model);
  if (req.op === 'hessian') return { id: req.id, hessian: H };
  if (req.op === 'hvp') return { id: req.id, hvp: H.map((row) => row.reduce((s, h, q) => r(s + r(h * r(req.v[q]))), 0)) };
  if (req.op === 'top-eigenvalues') return { id: req.id, eigenvalues: jacobiEigenvalues(H, r).slice(-req.k).reverse() };
  return { id: req.id, error: `unknown op ${req.op}` };
}

serveLines((line) => process.stdout.write(`${JSON.stringify(answer(JSON.parse(line)))}\n`));
