#!/usr/bin/env python3
"""The worked example of README "Your own network": a ReLU MLP trained in PyTorch on four
Gaussian clusters — the recipe of the suite's S2 properties (Sagun et al. 2018 §3.1: centres
N(0, I), spread 0.25, features standardised; full-batch gradient descent, step 0.2, until
‖∇L‖ ≤ 1e-2) — exported with tools/export_torch.py. Regenerate (offline; the suite never runs
Python) from the repository root with a Python that has torch and numpy:

    /usr/bin/python3 examples/own-network/train.py

Writes examples/own-network/{config.json, model.safetensors, X.npy, y.npy}. Seeded: re-running
with the same torch build writes the same files.
"""
import os
import sys

import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools"))
from export_torch import export  # noqa: E402

torch.manual_seed(7)
k, d, N, width = 4, 10, 200, 24

# Four Gaussian clusters in d = 10 dimensions, 50 points each, standardised feature by feature.
centres = torch.randn(k, d)
y = torch.arange(N) % k
X = centres[y] + 0.25 * torch.randn(N, d)
X = (X - X.mean(0)) / X.std(0, unbiased=False)

model = nn.Sequential(nn.Linear(d, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU(), nn.Linear(width, k))
loss_fn = nn.CrossEntropyLoss()
opt = torch.optim.SGD(model.parameters(), lr=0.2)
for step in range(5000):
    opt.zero_grad()
    loss = loss_fn(model(X), y)
    loss.backward()
    grad_norm = torch.sqrt(sum((p.grad ** 2).sum() for p in model.parameters()))
    if grad_norm <= 1e-2:
        break
    opt.step()
with torch.no_grad():
    logits = model(X)
    print(f"{step} steps, loss {loss_fn(logits, y).item():.4g}, |grad| {grad_norm.item():.3g}, accuracy {(logits.argmax(1) == y).float().mean().item():.3f}")

# The three lines of README "Your own network":
export(model, X, y, HERE)
print(f"wrote {HERE}/config.json, model.safetensors, X.npy, y.npy")
