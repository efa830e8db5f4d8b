"""
The subject protocol of hessian-conformance (docs/protocol.md) for Python adapters: the
line loop, and the protocol's models as float64 PyTorch loss functions of a flat θ.

An adapter supplies a describe() dict and handlers for the ops it implements:

    from hc_subject import serve
    serve(describe={...}, ops={"hessian": fn(model, request) -> list, ...})

Every request is answered on one line of stdout, in order, with its id; an exception in a
handler becomes {"id": n, "error": "..."} (the suite counts it as a wrong answer); anything a
library prints goes to stderr, never stdout. Closing stdin ends the process.
"""
import json
import math
import sys
import traceback

import torch


def _act(spec):
    """An activation spec of the protocol as a torch function."""
    import torch.nn.functional as F

    if isinstance(spec, dict):
        coeffs = [float(c) for c in spec["polynomial"]]

        def poly(z):
            acc = torch.full_like(z, coeffs[-1])
            for c in reversed(coeffs[:-1]):
                acc = acc * z + c
            return acc

        return poly
    named = {
        "identity": lambda z: z,
        "linear": lambda z: z,
        "tanh": torch.tanh,
        "erf": torch.erf,
        "sigmoid": torch.sigmoid,
        "softplus": F.softplus,
        "relu": torch.relu,
        "gelu": F.gelu,
        "elu": F.elu,
        "leaky-relu": F.leaky_relu,
    }
    if spec in named:
        return named[spec]
    if spec.startswith("z^"):
        k = int(spec[2:])
        return lambda z: z**k
    raise ValueError(f"unsupported activation {spec!r}")


TWO_LAYER_ACTIVATIONS = ["identity", "tanh", "erf", "sigmoid", "softplus", "relu", "z^2", "z^3", "z^4", "z^5", "z^6", "polynomial"]
MLP_ACTIVATIONS = ["identity", "tanh", "sigmoid", "softplus", "relu", "gelu", "elu", "leaky-relu", "erf"]


def _tensor(x, dtype):
    return torch.tensor(x, dtype=dtype)


class Problem:
    """A protocol model as L(θ) over a flat θ (the protocol's order), plus an nn.Module view."""

    def __init__(self, model, dtype=torch.float64):
        self.family = model["family"]
        self.dtype = dtype
        self.m = model
        if self.family == "two-layer":
            W = _tensor(model["W"], dtype)
            a = _tensor(model["a"], dtype)
            self.Nh, self.Ni = W.shape
            self.X = _tensor(model["X"], dtype)
            self.y = _tensor(model["y"], dtype)
            self.g = _act(model["activation"])
            self.theta = torch.cat([W.reshape(-1), a])
        elif self.family == "mlp":
            self.X = _tensor(model["X"], dtype)
            self.bias = model.get("bias", True)
            self.shapes = [(len(l["weight"]), len(l["weight"][0])) for l in model["layers"]]
            parts = []
            for l in model["layers"]:
                parts.append(_tensor(l["weight"], dtype).reshape(-1))
                if self.bias:
                    parts.append(_tensor(l["bias"], dtype))
            self.theta = torch.cat(parts)
            self.g = _act(model["activation"])
            self.loss_name = model["loss"]
            self.reduction = model.get("reduction", "mean")
            self.labels = torch.tensor(model["labels"], dtype=torch.long) if model.get("labels") is not None else None
            k = self.shapes[-1][0]
            if model.get("targets") is not None:
                self.T = _tensor(model["targets"], dtype)
            elif self.labels is not None:
                self.T = torch.nn.functional.one_hot(self.labels, k).to(dtype)
        else:
            raise ValueError(f"unsupported family {self.family!r}")
        self.P = self.theta.numel()

    def loss(self, theta):
        if self.family == "two-layer":
            W = theta[: self.Nh * self.Ni].reshape(self.Nh, self.Ni)
            a = theta[self.Nh * self.Ni :]
            r = self.g(self.X @ W.T) @ a - self.y
            return 0.5 * (r * r).mean()
        h = self.X
        off = 0
        for i, (o, n) in enumerate(self.shapes):
            Wl = theta[off : off + o * n].reshape(o, n)
            off += o * n
            bl = None
            if self.bias:
                bl = theta[off : off + o]
                off += o
            h = torch.nn.functional.linear(h, Wl, bl)
            if i < len(self.shapes) - 1:
                h = self.g(h)
        F = torch.nn.functional
        if self.loss_name == "cross-entropy":
            return F.cross_entropy(h, self.labels, reduction=self.reduction)
        if self.loss_name == "mse":
            return F.mse_loss(h, self.T, reduction=self.reduction)
        s = 0.5 * ((h - self.T) ** 2).sum()
        return s / h.shape[0] if self.reduction == "mean" else s


def serve(describe, ops):
    """Answer requests from stdin until it closes."""
    out = sys.stdout
    # Libraries that print must not corrupt the answer stream.
    sys.stdout = sys.stderr
    for line in sys.stdin:
        if not line.strip():
            continue
        req = json.loads(line)
        rid = req.get("id")
        try:
            op = req["op"]
            if op == "describe":
                ans = dict(describe, id=rid)
            elif op in ops:
                ans = {"id": rid, **ops[op](req["model"], req)}
            else:
                ans = {"id": rid, "error": f"op {op!r} is not implemented"}
        except Exception as e:  # noqa: BLE001 — every failure is an answer, not a crash
            traceback.print_exc(file=sys.stderr)
            ans = {"id": rid, "error": f"{type(e).__name__}: {e}"}
        out.write(json.dumps(ans) + "\n")
        out.flush()


def finite_list(t):
    """A tensor as nested lists of Python floats (json writes NaN/Infinity for non-finite ones, which the suite names)."""
    return t.detach().cpu().tolist()
