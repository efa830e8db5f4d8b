#!/usr/bin/env python3
"""
PyTorch as a subject of hessian-conformance (docs/protocol.md), in float64:

  hessian          torch.autograd.functional.hessian of L(θ) over the flat θ
  hvp              double backward: ∇_θ (∇_θ L(θ) · v) with create_graph=True
  top-eigenvalues  torch.linalg.eigvalsh of that Hessian, the k largest

Families: two-layer and mlp (nn.Linear layout, PyTorch's losses). Run:

  npm run --silent cli -- conform --subject "/usr/bin/python3 adapters/pytorch/subject.py"

`--dtype float32` computes (and declares) float32 instead, to see a float32 pipeline pass at
its own tolerances.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "python"))

import torch  # noqa: E402

from hc_subject import MLP_ACTIVATIONS, TWO_LAYER_ACTIVATIONS, Problem, finite_list, serve  # noqa: E402

DTYPE = torch.float32 if "--dtype" in sys.argv and sys.argv[sys.argv.index("--dtype") + 1] == "float32" else torch.float64
torch.set_num_threads(1)


def hessian(model, req):
    p = Problem(model, DTYPE)
    H = torch.autograd.functional.hessian(p.loss, p.theta)
    return {"hessian": finite_list(H)}


def hvp(model, req):
    p = Problem(model, DTYPE)
    theta = p.theta.clone().requires_grad_(True)
    v = torch.tensor(req["v"], dtype=DTYPE)
    (g,) = torch.autograd.grad(p.loss(theta), theta, create_graph=True)
    (hv,) = torch.autograd.grad(g @ v, theta)
    return {"hvp": finite_list(hv)}


def top_eigenvalues(model, req):
    p = Problem(model, DTYPE)
    H = torch.autograd.functional.hessian(p.loss, p.theta)
    ev = torch.linalg.eigvalsh(0.5 * (H + H.T))
    return {"eigenvalues": finite_list(torch.flip(ev, [0])[: req["k"]])}


serve(
    describe={
        "name": f"PyTorch {torch.__version__} autograd ({'float32' if DTYPE == torch.float32 else 'float64'})",
        "dtype": "float32" if DTYPE == torch.float32 else "float64",
        "ops": ["hessian", "hvp", "top-eigenvalues"],
        "families": ["two-layer", "mlp"],
        "activations": sorted(set(TWO_LAYER_ACTIVATIONS) | set(MLP_ACTIVATIONS)),
    },
    ops={"hessian": hessian, "hvp": hvp, "top-eigenvalues": top_eigenvalues},
)
