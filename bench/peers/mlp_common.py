"""Load an exported MLP (tools/export_torch.py layout) back into torch, for the PyHessian
comparison's Python processes (pyhessian_mlp.py, mlp_reference.py). Reads the files the suite
reads — config.json, model.safetensors (via export_torch.read_safetensors), X.npy, y.npy — so
both sides see the same bytes; no separate .pt."""
import json
import os
import sys

import numpy as np
import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
from export_torch import build_mlp, read_safetensors  # noqa: E402


def load(config_path, dtype):
    """(model, X, y, criterion, P) with the model's parameters and X in `dtype`; cross-entropy only
    (the bench's models), other losses are refused with a message."""
    with open(config_path) as f:
        cfg = json.load(f)
    if cfg.get("family") != "mlp" or cfg.get("loss") != "cross-entropy":
        raise SystemExit(f"{config_path}: expected an mlp config with loss cross-entropy (the bench's models), got {cfg.get('family')}/{cfg.get('loss')}")
    base = os.path.dirname(os.path.abspath(config_path))
    state, _ = read_safetensors(os.path.join(base, cfg["weights"]))
    model = build_mlp(cfg["inputDim"], cfg["hidden"], cfg["outputs"], cfg["activation"], dtype, bias=cfg.get("bias", True))
    model.load_state_dict({k: torch.from_numpy(np.array(v)).to(dtype) for k, v in state.items()})
    X = torch.from_numpy(np.load(os.path.join(base, cfg["data"]["X"]))).to(dtype)
    y = torch.from_numpy(np.load(os.path.join(base, cfg["data"]["labels"]))).long()
    reduction = cfg.get("reduction", "mean")
    P = sum(p.numel() for p in model.parameters())
    return model, X, y, nn.CrossEntropyLoss(reduction=reduction), P


def peak_rss_mb():
    """This process's peak resident set (VmHWM of /proc/self/status), MiB."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return None
