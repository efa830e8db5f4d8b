#!/usr/bin/env python3
"""Export a PyTorch MLP and its data for hessian-conformance (needs only torch and numpy).

From a training script, three lines:

    import sys; sys.path.insert(0, "path/to/hessian-conformance/tools")
    from export_torch import export
    export(model, X, y, "out/")                      # nn.CrossEntropyLoss(), labels y (N,)
    export(model, X, T, "out/", loss="mse")          # nn.MSELoss(), targets T (N, k)

then `npx hessian-conformance check out/config.json` (or spectrum, top-eigenvalues, density,
decompose). It writes into out/:
    model.safetensors  the state_dict (PyTorch layout: Linear.weight is out x in), float32 or float64
                       as the model is; written by this file per the safetensors spec (8-byte
                       little-endian header length, JSON header, byte buffer; no other package);
    X.npy              inputs, N x d, float32 or float64 as given;
    y.npy              int64 class labels (cross-entropy), or targets.npy (mse, half-squared-error), N x k;
    config.json        {"family": "mlp", "inputDim", "hidden", "outputs", "activation", "loss",
                        "reduction", "bias"?, "weights", "parameters"?, "data": {"X", "labels" | "targets"}},
                       paths relative to the config file.

As a demo (trains a small model on synthetic data and exports it):

    /usr/bin/python3 tools/export_torch.py --demo out_dir [--activation tanh] [--loss mse]
                                                          [--dtype float32] [--seed 0] [--no-bias]

What it describes, and what it refuses (with a message saying why):
  - an nn.Sequential of nn.Linear layers with ONE kind of hidden activation between consecutive
    Linear layers (all the same, or none at all = identity), biases on every layer or on none
    ("bias": false); the last module must be a Linear (cross-entropy takes logits: no Softmax);
  - any other nn.Module whose parameters are exactly the weights and biases of its nn.Linear
    submodules, applied in registration order with one activation between them, when the
    activation is named: export(model, X, y, "out/", activation="relu"). Its state_dict names
    (fc1.weight, ...) are kept and listed in the config's "parameters";
  - activations (torch module -> suite name; the suite implements each exactly as torch does):
        nn.ReLU -> "relu", nn.Tanh -> "tanh", nn.Identity (or no module) -> "identity",
        nn.Sigmoid -> "sigmoid", nn.Softplus(beta=1, threshold=20) -> "softplus",
        nn.GELU(approximate="none") -> "gelu", nn.ELU(alpha=1) -> "elu",
        nn.LeakyReLU(negative_slope=0.01) -> "leaky-relu"
    Refused: other parameters of those modules, SiLU, Dropout, BatchNorm and any other module;
    float16/bfloat16 weights (convert with model.float() or model.double()); mixed parameter
    dtypes; non-finite values.
  - Before writing, the exported MLP is evaluated from the state_dict alone (float64) and compared
    with model(X): a forward that is not Linear -> act -> ... -> Linear is refused.

Loss names are PyTorch's (the suite computes exactly these; `suite_loss` below in torch):
  "cross-entropy":      nn.CrossEntropyLoss(reduction)  integer labels;
  "mse":                nn.MSELoss(reduction)           mean over all N*k entries, no 1/2;
  "half-squared-error": the papers' l_n = 1/2 sum_c (f_nc - t_nc)^2, mean over the N samples
                        (= k/2 x nn.MSELoss() for reduction "mean", 1/2 x nn.MSELoss(reduction="sum")).
"""
import argparse
import json
import math
import os
import re
import struct
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

LOSSES = ("cross-entropy", "mse", "half-squared-error")
REDUCTIONS = ("mean", "sum")
ACTIVATIONS = ("relu", "tanh", "identity", "sigmoid", "softplus", "gelu", "elu", "leaky-relu")
SAFETENSORS_DTYPE = {np.dtype("float32"): "F32", np.dtype("float64"): "F64"}
NUMPY_OF_SAFETENSORS = {"F32": np.dtype("<f4"), "F64": np.dtype("<f8")}
SEQUENTIAL_NAME = re.compile(r"^(0|[1-9]\d*)\.(weight|bias)$")
# model(X) against the state_dict's own float64 forward: relative to 1 + max|f|. float32 models
# accumulate ~width * 6e-8 per layer; a wrong structure differs by O(1).
FORWARD_TOLERANCE = {torch.float32: 1e-3, torch.float64: 1e-9}


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


# ----------------------------------------------------------------------------- activations

def activation_name(m):
    """The suite's name of an activation module, or None when it is not one; ExportError for unsupported parameters."""
    if isinstance(m, nn.ReLU):
        return "relu"
    if isinstance(m, nn.Tanh):
        return "tanh"
    if isinstance(m, nn.Identity):
        return "identity"
    if isinstance(m, nn.Sigmoid):
        return "sigmoid"
    if isinstance(m, nn.Softplus):
        if m.beta != 1 or m.threshold != 20:
            raise ExportError(f"Softplus(beta={m.beta}, threshold={m.threshold}): the suite's softplus is torch's default beta=1, threshold=20")
        return "softplus"
    if isinstance(m, nn.GELU):
        if getattr(m, "approximate", "none") != "none":
            raise ExportError(f"GELU(approximate={m.approximate!r}): the suite's gelu is the exact z*Phi(z) (approximate='none')")
        return "gelu"
    if isinstance(m, nn.ELU):
        if m.alpha != 1:
            raise ExportError(f"ELU(alpha={m.alpha}): the suite's elu has alpha=1")
        return "elu"
    if isinstance(m, nn.LeakyReLU):
        if m.negative_slope != 0.01:
            raise ExportError(f"LeakyReLU(negative_slope={m.negative_slope}): the suite's leaky-relu has slope 0.01 (torch's default)")
        return "leaky-relu"
    return None


def apply_activation(name, z):
    """The activation in torch (float64 reference forward)."""
    return {
        "relu": torch.relu,
        "tanh": torch.tanh,
        "identity": lambda t: t,
        "sigmoid": torch.sigmoid,
        "softplus": F.softplus,
        "gelu": F.gelu,
        "elu": F.elu,
        "leaky-relu": F.leaky_relu,
    }[name](z)


def activation_module(name):
    return {"relu": nn.ReLU, "tanh": nn.Tanh, "identity": nn.Identity, "sigmoid": nn.Sigmoid, "softplus": nn.Softplus,
            "gelu": nn.GELU, "elu": nn.ELU, "leaky-relu": nn.LeakyReLU}[name]()


# ----------------------------------------------------------------------------- the model

def describe_sequential(model):
    """(linears [(name prefix, Linear)], activation name) of an nn.Sequential MLP, or ExportError."""
    modules = list(model.named_children())
    if not modules or not isinstance(modules[-1][1], nn.Linear):
        last = type(modules[-1][1]).__name__ if modules else "nothing"
        raise ExportError(f"the last module is {last}; it must be an nn.Linear producing the outputs (cross-entropy takes logits: drop a final Softmax/LogSoftmax)")
    linears, acts, pending = [], [], []
    for i, (name, m) in enumerate(modules):
        if isinstance(m, nn.Linear):
            if linears:
                if len(pending) > 1:
                    raise ExportError(f"modules before layer {name} stack {len(pending)} activations; use exactly one activation between Linear layers")
                acts.append(pending[0] if pending else "identity")
            elif pending:
                raise ExportError(f"module {i - 1} ({pending[-1]}) comes before the first Linear; the MLP starts with a Linear layer")
            linears.append((name, m))
            pending = []
            continue
        act = activation_name(m)
        if act is None:
            raise ExportError(f"module {name} is {type(m).__name__}; only nn.Linear and one activation kind ({', '.join(ACTIVATIONS)}) can be exported (remove Dropout/normalisation layers from the exported model)")
        pending.append(act)
    kinds = set(acts)
    if len(kinds) > 1:
        raise ExportError(f"the hidden layers mix activations {sorted(kinds)} (no activation counts as identity); the suite's MLP uses one activation for every hidden layer")
    return linears, (kinds.pop() if kinds else "identity")


def describe(model, activation=None):
    """(linears [(prefix, Linear)], activation name, bias) of the model, or ExportError."""
    if isinstance(model, nn.Sequential) and activation is None:
        linears, act = describe_sequential(model)
    else:
        if activation is None:
            raise ExportError(f"the model is a {type(model).__name__}, not an nn.Sequential: name its hidden activation, export(model, X, y, out, activation='relu'); its nn.Linear layers are taken in registration order")
        if activation not in ACTIVATIONS:
            raise ExportError(f"activation {activation!r}: use one of {ACTIVATIONS}")
        linears = [(name, m) for name, m in model.named_modules() if isinstance(m, nn.Linear)]
        if not linears:
            raise ExportError("the model has no nn.Linear layer")
        act = activation
    for (i, prev), (j, nxt) in zip(linears, linears[1:]):
        if prev.out_features != nxt.in_features:
            raise ExportError(f"Linear {i} has {prev.out_features} outputs but Linear {j} takes {nxt.in_features} inputs")
    with_bias = [m.bias is not None for _, m in linears]
    if any(with_bias) and not all(with_bias):
        raise ExportError("some Linear layers have a bias and some do not; the suite's MLP has biases on every layer or on none (bias=False everywhere)")
    return linears, act, all(with_bias)


def _state(model, linears, bias):
    """The parameters as numpy arrays in model.parameters() order, checked: exactly the Linear weights/biases, one float dtype, finite."""
    expected = []
    for prefix, _ in linears:
        expected.append(f"{prefix}.weight")
        if bias:
            expected.append(f"{prefix}.bias")
    sd = model.state_dict()
    if sorted(sd.keys()) != sorted(expected):
        extra = sorted(set(sd.keys()) - set(expected))
        missing = sorted(set(expected) - set(sd.keys()))
        raise ExportError(f"the state_dict has entries {extra} besides the Linear weights and biases{f' and lacks {missing}' if missing else ''}; export a model of Linear layers and activations only")
    names = [n for n, _ in model.named_parameters()]
    if names != expected:
        raise ExportError(f"model.parameters() lists {names}, but the Linear layers in order give {expected}; register the layers in the order they are applied")
    dtypes = {t.dtype for t in sd.values()}
    if len(dtypes) != 1:
        raise ExportError(f"the parameters mix dtypes {sorted(str(d) for d in dtypes)}; convert the model with model.float() or model.double()")
    dtype = dtypes.pop()
    if dtype not in (torch.float32, torch.float64):
        raise ExportError(f"the parameters are {dtype}; the suite reads float32 or float64: call model.float() or model.double() first")
    out = {}
    for name in expected:
        a = sd[name].detach().cpu().numpy()
        if not np.all(np.isfinite(a)):
            bad = np.argwhere(~np.isfinite(a))[0].tolist()
            raise ExportError(f"parameter {name} has a non-finite entry at {bad}; export a finite checkpoint")
        out[name] = a
    return out, dtype


def mlp_forward(state, names, activation, bias, X64):
    """f(X) of the exported MLP from its tensors alone, float64: Linear -> act -> ... -> Linear."""
    per = 2 if bias else 1
    L = len(names) // per
    h = X64
    for l in range(L):
        W = torch.from_numpy(np.asarray(state[names[per * l]], dtype=np.float64))
        h = h @ W.T
        if bias:
            h = h + torch.from_numpy(np.asarray(state[names[per * l + 1]], dtype=np.float64))
        if l < L - 1:
            h = apply_activation(activation, h)
    return h


def _array(v):
    if isinstance(v, torch.Tensor):
        return v.detach().cpu().numpy()
    return np.asarray(v)


def suite_loss(outputs, target, loss, reduction):
    """The loss a config names, in torch (see the module docstring)."""
    if loss == "cross-entropy":
        return F.cross_entropy(outputs, target, reduction=reduction)
    if loss == "mse":
        return F.mse_loss(outputs, target, reduction=reduction)
    if loss == "half-squared-error":
        per = 0.5 * ((outputs - target) ** 2).sum(dim=1)
        return per.mean() if reduction == "mean" else per.sum()
    raise ExportError(f"loss {loss!r}: use one of {LOSSES}")


# ----------------------------------------------------------------------------- export

def export(model, X, y, out_dir, loss="cross-entropy", reduction="mean", activation=None, config_name="config.json"):
    """Write model.safetensors, X.npy, y.npy/targets.npy and the config into out_dir; returns the config dict."""
    if loss not in LOSSES:
        raise ExportError(f"loss {loss!r}: use one of {LOSSES}")
    if reduction not in REDUCTIONS:
        raise ExportError(f"reduction {reduction!r}: use one of {REDUCTIONS}")
    linears, act, bias = describe(model, activation)
    state, dtype = _state(model, linears, bias)
    names = list(state.keys())
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
        if k < 2:
            raise ExportError(f"cross-entropy needs k >= 2 outputs; the model has {k}")
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
            raise ExportError(f"targets have dtype {ya.dtype}; {loss} needs float32 or float64 targets (N, {k})")
        if ya.shape == (N,) and k == 1:
            ya = ya.reshape(N, 1)
        if ya.shape != (N, k):
            raise ExportError(f"targets have shape {tuple(ya.shape)}; expected ({N}, {k})")
        if not np.all(np.isfinite(ya)):
            raise ExportError(f"targets have a non-finite entry at {np.argwhere(~np.isfinite(ya))[0].tolist()}")
        target_name, target_key = "targets.npy", "targets"

    # The exported MLP must compute what the model computes.
    with torch.no_grad():
        f_model = model(torch.from_numpy(np.ascontiguousarray(Xa)).to(dtype)).double()
        f_ours = mlp_forward(state, names, act, bias, torch.from_numpy(Xa.astype(np.float64)))
    gap = float((f_model - f_ours).abs().max())
    scale = 1.0 + float(f_ours.abs().max())
    if not gap <= FORWARD_TOLERANCE[dtype] * scale:
        raise ExportError(f"model(X) differs from the exported MLP (Linear -> {act} -> ... -> Linear from the state_dict) by {gap:.3g}; "
                          "the model's forward is not that MLP (another activation, a skip connection, normalisation?)")

    os.makedirs(out_dir, exist_ok=True)
    write_safetensors(os.path.join(out_dir, "model.safetensors"), state, {
        "format": "pt",
        "generator": "tools/export_torch.py",
        "parameter_order": ",".join(names),
    })
    np.save(os.path.join(out_dir, "X.npy"), np.ascontiguousarray(Xa))
    np.save(os.path.join(out_dir, target_name), np.ascontiguousarray(ya))
    config = {
        "family": "mlp",
        "inputDim": d,
        "hidden": hidden,
        "outputs": k,
        "activation": act,
        "loss": loss,
        "reduction": reduction,
    }
    if not bias:
        config["bias"] = False
    config["weights"] = "model.safetensors"
    if not all(SEQUENTIAL_NAME.match(n) for n in names) or not isinstance(model, nn.Sequential):
        config["parameters"] = names
    config["data"] = {"X": "X.npy", target_key: target_name}
    with open(os.path.join(out_dir, config_name), "w") as f:
        json.dump(config, f, indent=2)
        f.write("\n")
    return config


# ----------------------------------------------------------------------------- demo

def build_mlp(d, hidden, k, activation, dtype=torch.float64, bias=True):
    widths = [d, *hidden, k]
    layers = []
    for i in range(len(widths) - 1):
        layers.append(nn.Linear(widths[i], widths[i + 1], bias=bias))
        if i < len(widths) - 2:
            layers.append(activation_module(activation))
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
    p.add_argument("--activation", default="tanh", choices=ACTIVATIONS)
    p.add_argument("--loss", default="cross-entropy", choices=LOSSES)
    p.add_argument("--reduction", default="mean", choices=REDUCTIONS)
    p.add_argument("--dtype", default="float64", choices=("float32", "float64"))
    p.add_argument("--hidden", default="8,8", help="hidden widths, comma-separated (default 8,8)")
    p.add_argument("--inputs", type=int, default=6, help="input dimension d (default 6)")
    p.add_argument("--outputs", type=int, default=3, help="outputs / classes k (default 3)")
    p.add_argument("--samples", type=int, default=64, help="samples N (default 64)")
    p.add_argument("--steps", type=int, default=200, help="full-batch Adam steps (default 200)")
    p.add_argument("--no-bias", action="store_true", help="nn.Linear(..., bias=False) everywhere")
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args(argv)
    dtype = torch.float32 if a.dtype == "float32" else torch.float64
    hidden = [int(h) for h in a.hidden.split(",") if h.strip()]
    d, k, N = a.inputs, a.outputs, a.samples
    torch.manual_seed(a.seed)
    model = build_mlp(d, hidden, k, a.activation, dtype, bias=not a.no_bias)
    X, y = synthetic_data(N, d, k, a.loss, a.seed, dtype)
    final = train(model, X, y, a.loss, a.reduction, steps=a.steps, lr=0.01, seed=a.seed)
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
