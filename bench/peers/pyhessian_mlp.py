#!/usr/bin/env python3
"""Run unmodified PyHessian (github.com/amirgholami/PyHessian) on an exported MLP; print one JSON object.

    PYHESSIAN_DIR=/tmp/pyhessian /usr/bin/python3 bench/peers/pyhessian_mlp.py <config.json>
        --method eigenvalues|density [--top-n 10] [--iter 100] [--n-v 1] [--dtype float32|float64] [--seed 0]

PYHESSIAN_DIR is a checkout of PyHessian (the directory holding the `pyhessian` package); it is
imported as is, never copied into this repository. Without it the script prints
{"skipped": "..."} and exits 0.

What runs is what a user writes: hessian(model, criterion, data=(X, y), cuda=False), then
.eigenvalues(top_n=K) (power iteration with deflation, maxIter=100, tol=1e-3 per eigenvalue: its
defaults) or .density(iter=M, n_v=V) (Lanczos with full reorthogonalisation, Rademacher probes).
float32 is the model as trained; float64 converts it with model.double() (and X).

H·v products are counted by wrapping the module-level `hessian_vector_product` that
pyhessian.hessian imported (the wrapper calls the original; no PyHessian code is changed).
"seconds" times the method call alone; "setupSeconds" the constructor (one backward with
create_graph=True).
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mlp_common import load, peak_rss_mb  # noqa: E402


def main():
    p = argparse.ArgumentParser()
    p.add_argument("config")
    p.add_argument("--method", required=True, choices=("eigenvalues", "density"))
    p.add_argument("--top-n", type=int, default=10)
    p.add_argument("--iter", type=int, default=100)
    p.add_argument("--n-v", type=int, default=1)
    p.add_argument("--dtype", default="float32", choices=("float32", "float64"))
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args()
    root = os.environ.get("PYHESSIAN_DIR")
    if not root or not os.path.isdir(os.path.join(root, "pyhessian")):
        print(json.dumps({"skipped": "PYHESSIAN_DIR is not set to a PyHessian checkout (the directory holding pyhessian/); see bench/README-mlp.md"}))
        return 0
    sys.path.insert(0, root)
    import pyhessian  # noqa: E402,F401  (its __init__ rebinds the name `hessian` to the class)
    ph = sys.modules["pyhessian.hessian"]

    count = {"hv": 0}
    original = ph.hessian_vector_product

    def counted(gradsH, params, v):
        count["hv"] += 1
        return original(gradsH, params, v)

    ph.hessian_vector_product = counted

    dtype = torch.float32 if a.dtype == "float32" else torch.float64
    torch.manual_seed(a.seed)
    model, X, y, criterion, P = load(a.config, dtype)
    model.zero_grad()
    t0 = time.perf_counter()
    H = ph.hessian(model, criterion, data=(X, y), cuda=False)
    setup = time.perf_counter() - t0
    out = {"tool": "PyHessian", "method": a.method, "dtype": a.dtype, "P": P, "N": int(X.shape[0]),
           "torch": torch.__version__, "threads": torch.get_num_threads()}
    t0 = time.perf_counter()
    if a.method == "eigenvalues":
        vals, _ = H.eigenvalues(top_n=a.top_n)
        out.update(topN=a.top_n, eigenvalues=[float(v) for v in vals])
    else:
        nodes_per, weights_per = H.density(iter=a.iter, n_v=a.n_v)
        nodes, weights = [], []
        for ns, ws in zip(nodes_per, weights_per):
            # torch.linalg.eig returns complex eigenvectors of the (symmetric) tridiagonal matrix;
            # their imaginary parts are 0, so the weight is the real part of v₀².
            nodes += [float(np.real(n)) for n in ns]
            weights += [float(np.real(w)) / len(nodes_per) for w in ws]
        out.update(iter=a.iter, nV=a.n_v, nodes=nodes, weights=weights, weightSum=float(sum(weights)))
    out["seconds"] = time.perf_counter() - t0
    out["setupSeconds"] = setup
    out["hessianVectorProducts"] = count["hv"]
    out["peakRssMiB"] = peak_rss_mb()
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
