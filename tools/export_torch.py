#!/usr/bin/env python3
"""Export a PyTorch MLP and its data for hessian-conformance (needs only torch and numpy).

From a training script, three lines:

    import sys; sys.path.insert(0, "path/to/hessian-conformance/tools")
    from export_torch import export
    export(model, X, y, "out/")                      # cross-entropy, mean over samples
    export(model, X, T, "out/", loss="mse")          # regression targets T (N×k)

writes into out/:
    model.safetensors  the state_dict (PyTorch layout: Linear.weight is out×in), float32 or float64
                       as the model is; written by this file per the safetensors spec (8-byte
                       little-endian header length, JSON header, byte buffer; no other package);
    X.npy              inputs, N×d, float32 or float64 as given;
    y.npy              int64 class labels (cross-entropy), or targets.npy (mse), N×k floats;
    config.json        {"family": "mlp", "inputDim", "hidden", "outputs", "activation", "loss",
                        "reduction", "weights", "data": {"X", "labels" | "targets"}},
                       paths relative to the config file.

As a demo (trains a small model on synthetic data and exports it):

    /usr/bin/python3 tools/export_torch.py --demo out_dir [--activation tanh] [--loss mse]
                                                          [--dtype float32] [--seed 0]

What it describes, and what it refuses (with a message saying why):
  - an nn.Sequential of nn.Linear layers, every one with a bias (the suite's MLP has a bias on
    every layer; bias=False is refused: not supported yet), and ONE kind of hidden activation
    between consecutive Linear layers (all the same, or none at all = identity);
  - the last module must be a Linear (cross-entropy takes logits: no Softmax/LogSoftmax);
  - activations and the suite names they map to:
        nn.ReLU -> "relu", nn.Tanh -> "tanh", nn.Identity (or no module) -> "identity"  [exact]
        nn.Sigmoid -> "sigmoid"                                                           [exact]
        nn.Softplus(beta=1) -> "softplus": torch returns z itself where z > threshold (20);
            log1p(e^-20) = 2.1e-9 is the difference there, in value and in slope
    the suite's MLP family implements relu, tanh and identity today; sigmoid/softplus configs are
    written (the names exist in the suite's activation vocabulary) with a warning.
    Refused: GELU (z·Φ(z); the suite's "erf" is erf(z), another function), LeakyReLU, ELU, SiLU,
    Softplus with beta != 1, Dropout, BatchNorm and any other module; float16/bfloat16 weights
    (convert with model.float() or model.double()); mixed parameter dtypes; non-finite values.

Loss names (the suite's definitions; `suite_loss` below computes them in torch):
  "cross-entropy": l_n = logsumexp(f_n) - f_n[y_n]  == torch.nn.CrossEntropyLoss per sample;
  "mse":           l_n = 1/2 * sum_c (f_nc - t_nc)^2.  NOTE: torch.nn.MSELoss(reduction="mean")
                   is (1/(N k)) sum (f - t)^2 = (2/k) x the suite's mean; Hessians scale alike.
  reduction "mean" = (1/N) sum_n l_n, "sum" = sum_n l_n.
"""
import argparse
import json
import math
import os
import struct
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

# Activation modules the suite can name, and the suite's activations its MLP family implements.
ACTIVATION_NAMES = {nn.ReLU: "relu", nn.Tanh: "tanh", nn.Identity: "identity", nn.Sigmoid: "sigmoid", nn.Softplus: "softplus"}
SUITE_MLP_ACTIVATIONS = ("relu", "tanh", "identity")
LOSSES = ("cross-entropy", "mse")
REDUCTIONS = ("mean", "sum")
SAFETENSORS_DTYPE = {np.dtype("float32"): "F32", np.dtype("float64"): "F64"}
NUMPY_OF_SAFETENSORS = {"F32": np.dtype("<f4"), "F64": np.dtype("<f8")}


class ExportError(ValueError):
    """A model or data set this exporter cannot describe; the message says what to change."""


# ----------------------------------------------------------------------------- safetensors

def write_safetensors(path, tensors, metadata=None):
    """Write {name: float32/float64 ndarray} as safetensors (huggingface/safetensors README, "Format").

    Header: {"__metadata__": {str: str}, name: {"dtype", "shape", "data_offsets": [begin, end]}}
    with offsets relative to the byte buffer, tensors back to back in the given order, the JSON
    padded with spaces to a multiple of 8 bytes (as the reference writer does, so data is aligned).
    """
    header = {}
    if metadata:
        header["__metadata__"] = {str(k): str(v) for k, v in metadata.items()}
    blobs = []
    offset = 0
    for name, array in tensors.items():
        a = np.asarray(array)
        if a.dtype not in SAFETENSORS_DTYPE:
            raise ExportError(f"tensor {name!r} has dtype {a.dtype}; only float32 and float64 are written")
        data = np.ascontiguousarray(a, dtype=a.dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": SAFETENSORS_DTYPE[a.dtype], "shape": list(a.shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)


def read_safetensors(path):
    """Read back a file written by write_safetensors (F32/F64 only), for round-trip checks."""
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    buf = raw[8 + n:]
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        b, e = info["data_offsets"]
        out[name] = np.frombuffer(buf[b:e], dtype=NUMPY_OF_SAFETENSORS[info["dtype"]]).reshape(info["shape"])
    return out, header.get("__metadata__", {})


# ----------------------------------------------------------------------------- the model

def describe(model):
    """(linears, activation name, activation module or None) of an nn.Sequential MLP, or ExportError."""
    if not isinstance(model, nn.Sequential):
        raise ExportError(f"the model is a {type(model).__name__}; export takes an nn.Sequential of nn.Linear layers and one kind of activation (wrap a single Linear as nn.Sequential(layer))")
    modules = list(model.children())
    if not modules or not isinstance(modules[-1], nn.Linear):
        last = type(modules[-1]).__name__ if modules else "nothing"
        raise ExportError(f"the last module is {last}; it must be an nn.Linear producing the outputs (cross-entropy takes logits: drop a final Softmax/LogSoftmax)")
    linears, acts = [], []
    pending = []  # activation modules seen since the last Linear (or since the start)
    for i, m in enumerate(modules):
        if isinstance(m, nn.Linear):
            if linears:
                if len(pending) > 1:
                    raise ExportError(f"modules before layer {i} stack {len(pending)} activations; use exactly one activation between Linear layers")
                acts.append(pending[0] if pending else None)
            elif pending:
                raise ExportError(f"module {i - 1} ({type(pending[-1]).__name__}) comes before the first Linear; the MLP starts with a Linear layer")
            if m.bias is None:
                raise ExportError(f"Linear layer {i} has bias=False; the suite's MLP has a bias on every layer (bias-free layers are not supported yet)")
            linears.append((i, m))
            pending = []
        elif type(m) in ACTIVATION_NAMES:
            pending.append(m)
        elif isinstance(m, nn.GELU):
            raise ExportError(f"module {i} is GELU (z*Phi(z)); the suite has no such activation (its 'erf' is erf(z), a different function): use ReLU, Tanh, Identity, Sigmoid or Softplus")
        else:
            raise ExportError(f"module {i} is {type(m).__name__}; only nn.Linear and one activation kind (ReLU, Tanh, Identity, Sigmoid, Softplus) can be exported (remove Dropout/normalisation layers from the exported model)")
    kinds = {type(a) if a is not None else nn.Identity for a in acts}
    if len(kinds) > 1:
        names = sorted(k.__name__ for k in kinds)
        raise ExportError(f"the hidden layers mix activations {names} (no activation counts as Identity); the suite's MLP uses one activation for every hidden layer")
    for a in acts:
        if isinstance(a, nn.Softplus) and a.beta != 1:
            raise ExportError(f"Softplus has beta={a.beta}; the suite's softplus is log(1 + e^z) (beta=1)")
    kind = kinds.pop() if kinds else nn.Identity
    for (i, prev), (j, nxt) in zip(linears, linears[1:]):
        if prev.out_features != nxt.in_features:
            raise ExportError(f"Linear {i} has {prev.out_features} outputs but Linear {j} takes {nxt.in_features} inputs")
    return linears, ACTIVATION_NAMES[kind], next((a for a in acts if a is not None), None)


def _state(model, linears):
    """The state_dict as numpy arrays (parameters() order), checked: one float dtype, finite, Linear-only."""
    sd = model.state_dict()
    expected = [f"{i}.{p}" for i, _ in linears for p in ("weight", "bias")]
    if list(sd.keys()) != expected:
        extra = sorted(set(sd.keys()) - set(expected))
        raise ExportError(f"the state_dict has entries {extra} besides the Linear weights and biases; export a model of Linear layers and activations only")
    dtypes = {t.dtype for t in sd.values()}
    if len(dtypes) != 1:
        raise ExportError(f"the parameters mix dtypes {sorted(str(d) for d in dtypes)}; convert the model with model.float() or model.double()")
    dtype = dtypes.pop()
    if dtype not in (torch.float32, torch.float64):
        raise ExportError(f"the parameters are {dtype}; the suite reads float32 or float64: call model.float() or model.double() first")
    out = {}
    for name, t in sd.items():
        a = t.detach().cpu().numpy()
        if not np.all(np.isfinite(a)):
            bad = np.argwhere(~np.isfinite(a))[0].tolist()
            raise ExportError(f"parameter {name} has a non-finite entry at {bad}; export a finite checkpoint")
        out[name] = a
    return out


def _array(v):
    if isinstance(v, torch.Tensor):
        return v.detach().cpu().numpy()
    return np.asarray(v)


def suite_loss(outputs, target, loss, reduction):
    """The suite's loss in torch: see the module docstring (mse carries the 1/2)."""
    if loss == "cross-entropy":
        per = F.cross_entropy(outputs, target, reduction="none")
    elif loss == "mse":
        per = 0.5 * ((outputs - target) ** 2).sum(dim=1)
    else:
        raise ExportError(f"loss {loss!r}: use one of {LOSSES}")
    return per.mean() if reduction == "mean" else per.sum()


# ----------------------------------------------------------------------------- export

def export(model, X, y, out_dir, loss="cross-entropy", reduction="mean", config_name="config.json"):
    """Write model.safetensors, X.npy, y.npy/targets.npy and the config into out_dir; returns the config dict."""
    if loss not in LOSSES:
        raise ExportError(f"loss {loss!r}: use one of {LOSSES}")
    if reduction not in REDUCTIONS:
        raise ExportError(f"reduction {reduction!r}: use one of {REDUCTIONS}")
    linears, activation, act_module = describe(model)
    state = _state(model, linears)
    d, k = linears[0][1].in_features, linears[-1][1].out_features
    hidden = [m.out_features for _, m in linears[:-1]]

    Xa = _array(X)
    if Xa.dtype not in (np.float32, np.float64):
        raise ExportError(f"X has dtype {Xa.dtype}; give float32 or float64 inputs (X.double())")
    if Xa.ndim != 2 or Xa.shape[1] != d:
        raise ExportError(f"X has shape {tuple(Xa.shape)}; expected (N, {d}) for a first Linear with {d} inputs")
    N = Xa.shape[0]
    if N == 0:
        raise ExportError("X has no rows")
    if not np.all(np.isfinite(Xa)):
        raise ExportError(f"X has a non-finite entry at {np.argwhere(~np.isfinite(Xa))[0].tolist()}")
    ya = _array(y)
    if loss == "cross-entropy":
        if ya.dtype.kind not in "iu":
            raise ExportError(f"labels have dtype {ya.dtype}; cross-entropy needs integer class indices (y.long())")
        if ya.shape != (N,):
            raise ExportError(f"labels have shape {tuple(ya.shape)}; expected ({N},), one class index per row of X")
        if ya.min() < 0 or ya.max() >= k:
            raise ExportError(f"labels range over {int(ya.min())}..{int(ya.max())}; the model has {k} outputs, so labels must be in 0..{k - 1}")
        ya = ya.astype("<i8")
        target_name, target_key = "y.npy", "labels"
    else:
        if ya.dtype not in (np.float32, np.float64):
            raise ExportError(f"targets have dtype {ya.dtype}; mse needs float32 or float64 targets")
        if ya.shape == (N,) and k == 1:
            ya = ya.reshape(N, 1)
        if ya.shape != (N, k):
            raise ExportError(f"targets have shape {tuple(ya.shape)}; expected ({N}, {k})")
        if not np.all(np.isfinite(ya)):
            raise ExportError(f"targets have a non-finite entry at {np.argwhere(~np.isfinite(ya))[0].tolist()}")
        target_name, target_key = "targets.npy", "targets"
    if activation not in SUITE_MLP_ACTIVATIONS:
        print(f"export_torch: warning: activation {activation!r} is written, but the suite's mlp family implements {SUITE_MLP_ACTIVATIONS} today", file=sys.stderr)

    os.makedirs(out_dir, exist_ok=True)
    write_safetensors(os.path.join(out_dir, "model.safetensors"), state, {
        "format": "pt",
        "generator": "tools/export_torch.py",
        "parameter_order": ",".join(state.keys()),
    })
    np.save(os.path.join(out_dir, "X.npy"), np.ascontiguousarray(Xa))
    np.save(os.path.join(out_dir, target_name), np.ascontiguousarray(ya))
    config = {
        "family": "mlp",
        "inputDim": d,
        "hidden": hidden,
        "outputs": k,
        "activation": activation,
        "loss": loss,
        "reduction": reduction,
        "weights": "model.safetensors",
        "data": {"X": "X.npy", target_key: target_name},
    }
    with open(os.path.join(out_dir, config_name), "w") as f:
        json.dump(config, f, indent=2)
        f.write("\n")
    return config


# ----------------------------------------------------------------------------- demo

def build_mlp(d, hidden, k, activation, dtype=torch.float64):
    act = {"relu": nn.ReLU, "tanh": nn.Tanh, "identity": nn.Identity, "sigmoid": nn.Sigmoid, "softplus": nn.Softplus}[activation]
    widths = [d, *hidden, k]
    layers = []
    for i in range(len(widths) - 1):
        layers.append(nn.Linear(widths[i], widths[i + 1]))
        if i < len(widths) - 2:
            layers.append(act())
    return nn.Sequential(*layers).to(dtype)


def synthetic_data(N, d, k, loss, seed, dtype=torch.float64):
    """Gaussian inputs; labels/targets from a random tanh teacher plus noise (a learnable but not trivial task)."""
    g = torch.Generator().manual_seed(seed)
    X = torch.randn(N, d, generator=g, dtype=torch.float64)
    W = torch.randn(d, k, generator=g, dtype=torch.float64) / math.sqrt(d)
    scores = torch.tanh(2 * X @ W) + 0.3 * torch.randn(N, k, generator=g, dtype=torch.float64)
    y = scores.argmax(dim=1) if loss == "cross-entropy" else scores
    return X.to(dtype), (y if loss == "cross-entropy" else y.to(dtype))


def train(model, X, y, loss, reduction, steps, lr, seed):
    """Full-batch Adam for `steps` steps (deterministic given the seed); returns the final loss."""
    torch.manual_seed(seed)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        value = suite_loss(model(X), y, loss, reduction)
        value.backward()
        opt.step()
    with torch.no_grad():
        return float(suite_loss(model(X), y, loss, reduction))


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--demo", metavar="OUT_DIR", required=True, help="train a small model on synthetic data and export it into OUT_DIR")
    p.add_argument("--activation", default="tanh", choices=sorted(set(ACTIVATION_NAMES.values())))
    p.add_argument("--loss", default="cross-entropy", choices=LOSSES)
    p.add_argument("--reduction", default="mean", choices=REDUCTIONS)
    p.add_argument("--dtype", default="float64", choices=("float32", "float64"))
    p.add_argument("--hidden", default="8,8", help="hidden widths, comma-separated (default 8,8)")
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args(argv)
    dtype = torch.float32 if a.dtype == "float32" else torch.float64
    hidden = [int(h) for h in a.hidden.split(",") if h.strip()]
    d, k, N = 6, 3, 64
    torch.manual_seed(a.seed)
    model = build_mlp(d, hidden, k, a.activation, dtype)
    X, y = synthetic_data(N, d, k, a.loss, a.seed, dtype)
    final = train(model, X, y, a.loss, a.reduction, steps=200, lr=0.01, seed=a.seed)
    try:
        config = export(model, X, y, a.demo, loss=a.loss, reduction=a.reduction)
    except ExportError as e:
        print(f"export_torch: {e}", file=sys.stderr)
        return 2
    P = sum(p.numel() for p in model.parameters())
    print(f"exported {a.activation} MLP {d}-{'-'.join(map(str, hidden))}-{k} ({a.dtype}, P = {P}, N = {N}, {a.loss} {a.reduction} loss {final:.6g}) to {a.demo}/")
    print(json.dumps(config))
    return 0


if __name__ == "__main__":
    sys.exit(main())
