#!/usr/bin/env python3
"""
PyHessian (Yao, Gholami, Keutzer, Mahoney 2020; github.com/amirgholami/PyHessian) as a subject
of hessian-conformance (docs/protocol.md), in float64 (torch.set_default_dtype(torch.float64), so
PyHessian's own tensors — the Lanczos tridiagonal T included — are float64 too):

  top-eigenvalues  --method lanczos (default): hessian.density(iter=P, n_v=1), PyHessian's
                   stochastic Lanczos quadrature with full reorthogonalisation; the k largest
                   Ritz values of the P×P tridiagonal T.
                   --method power: hessian.eigenvalues(top_n=k), PyHessian's power iteration
                   with deflation (tol 1e-3, maxIter 100: its defaults), sorted descending; it
                   declares relativeTolerance 1e-3, the accuracy its stopping rule aims at.
                   --relative-tolerance T declares T instead (e.g. to measure how far off it is).
  hvp              pyhessian.utils.hessian_vector_product (torch double backward)

Family two-layer as an nn.Module with parameters W then a (θ's order) and criterion
½·mean((f − y)²). Needs `pip install pyhessian` (or PYTHONPATH pointing at its source). Run:

  npm run --silent cli -- conform --subject "/usr/bin/python3 adapters/pyhessian/subject.py"
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))

import torch  # noqa: E402

torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)

try:
    from pyhessian import hessian as PyHessian  # noqa: E402
    from pyhessian.utils import hessian_vector_product  # noqa: E402
except ImportError as e:
    sys.stderr.write(f"adapters/pyhessian: cannot import pyhessian ({e}); install it with `pip install pyhessian` or set PYTHONPATH to its source\n")
    sys.exit(1)

from hc_subject import TWO_LAYER_ACTIVATIONS, Problem, finite_list, serve  # noqa: E402

METHOD = sys.argv[sys.argv.index("--method") + 1] if "--method" in sys.argv else "lanczos"


class TwoLayer(torch.nn.Module):
    def __init__(self, p):
        super().__init__()
        self.W = torch.nn.Parameter(p.theta[: p.Nh * p.Ni].reshape(p.Nh, p.Ni).clone())
        self.a = torch.nn.Parameter(p.theta[p.Nh * p.Ni :].clone())
        self.g = p.g

    def forward(self, X):
        return self.g(X @ self.W.T) @ self.a


def criterion(f, y):
    return 0.5 * ((f - y) ** 2).mean()


def comp(model):
    p = Problem(model)
    if p.family != "two-layer":
        raise ValueError("this adapter builds two-layer models only")
    torch.manual_seed(0)
    return p, PyHessian(TwoLayer(p), criterion, data=(p.X, p.y), cuda=False)


def top_eigenvalues(model, req):
    p, h = comp(model)
    k = req["k"]
    if METHOD == "power":
        vals, _ = h.eigenvalues(top_n=k)
        return {"eigenvalues": sorted(vals, reverse=True)}
    ritz, _ = h.density(iter=p.P, n_v=1)
    return {"eigenvalues": sorted(ritz[0], reverse=True)[:k]}


def hvp(model, req):
    p, h = comp(model)
    v = torch.tensor(req["v"])
    vs = [v[: p.Nh * p.Ni].reshape(p.Nh, p.Ni), v[p.Nh * p.Ni :]]
    hv = hessian_vector_product(h.gradsH, h.params, vs)
    return {"hvp": finite_list(torch.cat([t.reshape(-1) for t in hv]))}


describe = {
    "name": f"PyHessian {'power iteration' if METHOD == 'power' else 'Lanczos (density)'} on PyTorch {torch.__version__}, float64",
    "dtype": "float64",
    "ops": ["hvp", "top-eigenvalues"],
    "families": ["two-layer"],
    "activations": TWO_LAYER_ACTIVATIONS,
}
if METHOD == "power":
    describe["relativeTolerance"] = 1e-3
if "--relative-tolerance" in sys.argv:
    describe["relativeTolerance"] = float(sys.argv[sys.argv.index("--relative-tolerance") + 1])
serve(describe=describe, ops={"top-eigenvalues": top_eigenvalues, "hvp": hvp})
