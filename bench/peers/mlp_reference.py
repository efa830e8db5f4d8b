#!/usr/bin/env python3
"""The reference the PyHessian comparison measures errors against (bench/mlpPeers.ts); one JSON object.

    /usr/bin/python3 bench/peers/mlp_reference.py <config.json> [--k 10] [--dense-max 6000]
        [--hutchinson 60] [--slq-probes 5] [--slq-steps 100] [--seed 0]

Everything in float64: the exported float32 weights widened exactly (as the suite reads them),
H·v by torch double backward (autograd.grad of the create_graph gradient), the same loss.

  P ≤ --dense-max: the dense Hessian (columns H·e_j, batched), symmetrised, scipy.linalg.eigh.
    Exact spectrum: top k, λ_min, tr(H)/P, tr(H²)/P, and the spectral measure (1/P)Σδ_λ itself
    ("measure", weight 1/P each) — so W₁ of an SLQ measure against it is an exact error.
  otherwise:
    top k: scipy.sparse.linalg.eigsh (ARPACK, implicitly restarted Lanczos), which='LA',
      tol 1e-12, ncv 4k; residuals ‖Hu − λu‖ reported; λ_min: the smallest node of the SLQ
      measure below (Lanczos extremes converge first; ARPACK which='SA' on the cluster near 0
      would cost thousands of H·v) — it only normalises W₁ by the spectrum's width;
    moments: Hutchinson with --hutchinson Rademacher probes z: tr(H)/P ≈ mean zᵀHz / P,
      tr(H²)/P ≈ mean ‖Hz‖² / P (both unbiased), with standard errors;
    measure: SLQ in float64 with --slq-probes Rademacher probes × --slq-steps Lanczos steps, full
      reorthogonalisation (more steps and probes than either tool's default run); its own W₁
      distance to the true spectrum is bounded by the suite's bound π(b−a)/(4m) + sampling,
      reported as "measureBound" so a W₁ of that size between a tool and this measure is noise.
"""
import argparse
import json
import math
import os
import sys
import time

import numpy as np
import scipy
import scipy.linalg
import torch
from scipy.sparse.linalg import LinearOperator, eigsh

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mlp_common import load, peak_rss_mb  # noqa: E402

DENSE_BATCH = 256  # columns per batched double backward (is_grads_batched)


class Hv:
    """Flat float64 H·v of the loss at the exported parameters, counting products."""

    def __init__(self, config):
        model, X, y, crit, P = load(config, torch.float64)
        self.params = list(model.parameters())
        self.P = P
        self.N = int(X.shape[0])
        self.g = torch.autograd.grad(crit(model(X), y), self.params, create_graph=True)
        self.count = 0

    def _split(self, v):
        out, i = [], 0
        for p in self.params:
            out.append(v[..., i:i + p.numel()].reshape(*v.shape[:-1], *p.shape))
            i += p.numel()
        return out

    def __call__(self, v):
        self.count += 1
        t = torch.from_numpy(np.ascontiguousarray(v, dtype=np.float64).reshape(-1))
        hv = torch.autograd.grad(self.g, self.params, grad_outputs=self._split(t), retain_graph=True)
        return torch.cat([h.reshape(-1) for h in hv]).numpy()

    def dense(self):
        H = np.empty((self.P, self.P))
        for s in range(0, self.P, DENSE_BATCH):
            e = min(self.P, s + DENSE_BATCH)
            E = torch.zeros(e - s, self.P, dtype=torch.float64)
            E[torch.arange(e - s), torch.arange(s, e)] = 1.0
            cols = torch.autograd.grad(self.g, self.params, grad_outputs=self._split(E), retain_graph=True, is_grads_batched=True)
            H[s:e] = torch.cat([c.reshape(e - s, -1) for c in cols], dim=1).numpy()
            self.count += e - s
        return 0.5 * (H + H.T)


def slq(hv, P, probes, steps, rng):
    """Stochastic Lanczos quadrature (Rademacher probes, full reorthogonalisation): nodes, weights (sum 1)."""
    nodes, weights = [], []
    for _ in range(probes):
        V = np.zeros((steps + 1, P))
        v = rng.choice([-1.0, 1.0], size=P) / math.sqrt(P)
        V[0] = v
        alpha, beta = [], []
        m = steps
        for j in range(steps):
            w = hv(V[j])
            a = float(w @ V[j])
            alpha.append(a)
            w = w - V[:j + 1].T @ (V[:j + 1] @ w)
            w = w - V[:j + 1].T @ (V[:j + 1] @ w)
            b = float(np.linalg.norm(w))
            if j == steps - 1 or b < 1e-12 * max(1.0, abs(a)):
                m = j + 1
                break
            beta.append(b)
            V[j + 1] = w / b
        theta, S = scipy.linalg.eigh_tridiagonal(np.array(alpha[:m]), np.array(beta[:m - 1]))
        nodes += theta.tolist()
        weights += (S[0] ** 2 / probes).tolist()
    return nodes, weights


def main():
    p = argparse.ArgumentParser()
    p.add_argument("config")
    p.add_argument("--k", type=int, default=10)
    p.add_argument("--dense-max", type=int, default=6000)
    p.add_argument("--hutchinson", type=int, default=60)
    p.add_argument("--slq-probes", type=int, default=5)
    p.add_argument("--slq-steps", type=int, default=100)
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args()
    t0 = time.perf_counter()
    hv = Hv(a.config)
    P, k = hv.P, a.k
    rng = np.random.default_rng(a.seed)
    out = {"tool": "reference", "P": P, "N": hv.N, "dtype": "float64", "torch": torch.__version__, "numpy": np.__version__, "scipy": scipy.__version__}
    if P <= a.dense_max:
        H = hv.dense()
        lam = scipy.linalg.eigh(H, eigvals_only=True)  # ascending
        out.update(method="dense Hessian (P batched H·e_j), scipy.linalg.eigh", top=lam[::-1][:k].tolist(), lambdaMin=float(lam[0]),
                   traceOverP=float(lam.sum() / P), traceSqOverP=float((lam ** 2).sum() / P), traceSE=0.0, traceSqSE=0.0,
                   measure={"nodes": lam.tolist(), "weights": [1.0 / P] * P, "kind": "exact spectrum"}, measureBound=0.0)
    else:
        op = LinearOperator((P, P), matvec=hv, dtype=np.float64)
        v0 = rng.standard_normal(P)
        before = hv.count
        vals, vecs = eigsh(op, k=k, which="LA", tol=1e-12, ncv=min(P, 4 * k), v0=v0)
        arpack_hv = hv.count - before
        order = np.argsort(vals)[::-1]
        vals, vecs = vals[order], vecs[:, order]
        residuals = [float(np.linalg.norm(hv(vecs[:, i]) - vals[i] * vecs[:, i])) for i in range(k)]
        zs = []
        for _ in range(a.hutchinson):
            z = rng.choice([-1.0, 1.0], size=P)
            h = hv(z)
            zs.append((float(z @ h) / P, float(h @ h) / P))
        zs = np.array(zs)
        nodes, weights = slq(hv, P, a.slq_probes, a.slq_steps, rng)
        lmin = min(nodes)
        width = max(float(vals[0]), max(nodes)) - lmin
        bound = math.pi * width / (4 * a.slq_steps) + 10 * width / math.sqrt(2 * a.slq_probes * (P + 2))
        out.update(method=f"ARPACK eigsh which='LA' tol=1e-12 ncv={min(P, 4 * k)} ({arpack_hv} H·v); Hutchinson {a.hutchinson} probes; SLQ {a.slq_probes}×{a.slq_steps}",
                   top=vals.tolist(), residuals=residuals, lambdaMin=float(lmin),
                   traceOverP=float(zs[:, 0].mean()), traceSE=float(zs[:, 0].std(ddof=1) / math.sqrt(len(zs))),
                   traceSqOverP=float(zs[:, 1].mean()), traceSqSE=float(zs[:, 1].std(ddof=1) / math.sqrt(len(zs))),
                   measure={"nodes": nodes, "weights": weights, "kind": f"float64 SLQ {a.slq_probes} probes x {a.slq_steps} steps"}, measureBound=bound)
    out["hessianVectorProducts"] = hv.count
    out["seconds"] = time.perf_counter() - t0
    out["peakRssMiB"] = peak_rss_mb()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
