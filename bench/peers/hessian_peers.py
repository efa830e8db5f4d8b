#!/usr/bin/env python3
"""Whole-process peers and exact references for bench/run.ts (the Hessian commands).

Each call is ONE process that the bench times from outside (wall, CPU and peak memory by
/usr/bin/time), exactly like the suite's own command it is compared with. The problem — a
two-layer network f(x) = sum_j a_j g(w_j . x) with the loss L = 1/(2N) sum_n (f(x_n) - y_n)^2
— is the one the suite builds from its config: bench/run.ts writes its weights, inputs and
targets as raw little-endian float64 files and a meta.json naming them; this script builds the
PyTorch module computing the same loss on the same numbers (parameters in the suite's order:
W row-major, then a).

  hessian_peers.py probe
  hessian_peers.py spectrum  <meta.json> <threads> <out.json>   torch.autograd.functional.hessian + eigvalsh
  hessian_peers.py pyhessian-top <meta.json> <threads> <top_n> <out.json>
  hessian_peers.py pyhessian-density <meta.json> <threads> <out.json>
  hessian_peers.py reference-top <meta.json> <threads> <k> <out.json>     ARPACK (scipy eigsh) on torch HVPs
  hessian_peers.py reference-gram <meta.json> <threads> <out.json>        at the optimum: eig(J J^T / N), J in closed form

PyHessian (https://github.com/amirgholami/PyHessian) is NOT part of this repository: it is
imported, unmodified, from the directory named by $HC_PYHESSIAN (the folder holding the
`pyhessian` package). Its defaults are used: eigenvalues(maxIter=100, tol=1e-3, top_n) and
density(iter=100, n_v=1), cuda=False. Two settings are ours and stated in the results:
torch.set_default_dtype(torch.float64) — PyHessian draws its random vectors and builds its
Lanczos tridiagonal matrix in the default dtype, so without it those would be float32 while
the model is float64 — and torch.manual_seed(0).

Results go to <out.json> (eigenvalue lists can be long); stdout gets one JSON line with the
in-process timings, for the log.
"""
import json
import os
import sys
import time


def load_problem(meta_path):
    import numpy as np
    import torch
    with open(meta_path) as f:
        meta = json.load(f)
    ni, nh, n = meta["Ni"], meta["Nh"], meta["N"]
    X = np.fromfile(meta["X"], dtype="<f8").reshape(n, ni)
    theta = np.fromfile(meta["theta"], dtype="<f8")
    t = np.fromfile(meta["targets"], dtype="<f8")
    if theta.size != nh * ni + nh or t.size != n:
        raise SystemExit(f"hessian_peers.py: {meta_path}: sizes do not match Ni={ni}, Nh={nh}, N={n}")
    return meta, torch.from_numpy(X.copy()), torch.from_numpy(theta.copy()), torch.from_numpy(t.copy())


def activation(name):
    import torch
    table = {
        "tanh": torch.tanh,
        "erf": torch.erf,
        "relu": torch.relu,
        "sigmoid": torch.sigmoid,
        "softplus": torch.nn.functional.softplus,
        "identity": lambda z: z,
        "linear": lambda z: z,
    }
    if name not in table:
        raise SystemExit(f"hessian_peers.py: activation {name!r} has no torch peer here; use one of {sorted(table)}")
    return table[name]


def two_layer_module(meta, theta):
    """The suite's two-layer network as an nn.Module with parameters W (Nh x Ni) and a (Nh)."""
    import torch
    ni, nh = meta["Ni"], meta["Nh"]
    g = activation(meta["activation"])

    class TwoLayer(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.W = torch.nn.Parameter(theta[: nh * ni].reshape(nh, ni).clone())
            self.a = torch.nn.Parameter(theta[nh * ni:].clone())

        def forward(self, X):
            return g(X @ self.W.T) @ self.a

    return TwoLayer()


def half_mse(out, target):
    """L = 1/(2N) sum (f - y)^2, the suite's loss (not nn.MSELoss, which has no 1/2)."""
    return 0.5 * ((out - target) ** 2).mean()


def set_threads(threads):
    import torch
    torch.set_num_threads(int(threads))


def write(path, obj):
    with open(path, "w") as f:
        json.dump(obj, f)


def cmd_probe():
    v = {"python": sys.version.split()[0]}
    try:
        import numpy
        v["numpy"] = numpy.__version__
    except ImportError:
        pass
    try:
        import scipy
        v["scipy"] = scipy.__version__
    except ImportError:
        pass
    try:
        import torch
        v["torch"] = torch.__version__
    except ImportError:
        pass
    root = os.environ.get("HC_PYHESSIAN")
    if root:
        sys.path.insert(0, root)
        try:
            import pyhessian  # noqa: F401
            v["pyhessian"] = root
            # The commit: $HC_PYHESSIAN_COMMIT (an extracted archive has no .git), else git.
            if os.environ.get("HC_PYHESSIAN_COMMIT"):
                v["pyhessianCommit"] = os.environ["HC_PYHESSIAN_COMMIT"]
            else:
                try:
                    import subprocess
                    rev = subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
                    if rev.returncode == 0:
                        v["pyhessianCommit"] = rev.stdout.strip()
                except OSError:
                    pass
        except ImportError as e:
            v["pyhessianError"] = str(e)
    return {"versions": v}


def cmd_spectrum(meta_path, threads, out):
    import torch
    set_threads(threads)
    meta, X, theta, t = load_problem(meta_path)
    ni, nh = meta["Ni"], meta["Nh"]
    g = activation(meta["activation"])

    def loss(th):
        W = th[: nh * ni].reshape(nh, ni)
        a = th[nh * ni:]
        return half_mse(g(X @ W.T) @ a, t)

    t0 = time.perf_counter()
    H = torch.autograd.functional.hessian(loss, theta, vectorize=True)
    t1 = time.perf_counter()
    w = torch.linalg.eigvalsh(H)
    t2 = time.perf_counter()
    write(out, {"eigenvalues": sorted(w.tolist(), reverse=True)})
    return {"hessianMs": (t1 - t0) * 1e3, "eigvalshMs": (t2 - t1) * 1e3, "threads": int(threads)}


def pyhessian_setup(meta_path, threads):
    import torch
    root = os.environ.get("HC_PYHESSIAN")
    if not root:
        raise SystemExit("hessian_peers.py: set HC_PYHESSIAN to a PyHessian checkout (the folder holding pyhessian/)")
    sys.path.insert(0, root)
    from pyhessian import hessian  # unmodified PyHessian
    set_threads(threads)
    torch.set_default_dtype(torch.float64)
    torch.manual_seed(0)
    meta, X, theta, t = load_problem(meta_path)
    model = two_layer_module(meta, theta)
    return hessian(model, half_mse, data=(X, t), cuda=False)


def cmd_pyhessian_top(meta_path, threads, top_n, out):
    t0 = time.perf_counter()
    h = pyhessian_setup(meta_path, threads)
    t1 = time.perf_counter()
    values, _ = h.eigenvalues(top_n=int(top_n))  # defaults: maxIter=100, tol=1e-3
    t2 = time.perf_counter()
    write(out, {"eigenvalues": [float(v) for v in values]})
    return {"setupMs": (t1 - t0) * 1e3, "eigenvaluesMs": (t2 - t1) * 1e3}


def cmd_pyhessian_density(meta_path, threads, out):
    t0 = time.perf_counter()
    h = pyhessian_setup(meta_path, threads)
    t1 = time.perf_counter()
    nodes, weights = h.density()  # defaults: iter=100, n_v=1
    t2 = time.perf_counter()
    # torch.linalg.eig returns complex dtypes; T is symmetric, so the imaginary parts are 0.
    real = lambda xs: [float(complex(x).real) for x in xs]
    write(out, {"nodes": [real(run) for run in nodes], "weights": [real(run) for run in weights]})
    return {"setupMs": (t1 - t0) * 1e3, "densityMs": (t2 - t1) * 1e3}


def cmd_reference_top(meta_path, threads, k, out):
    """The k largest eigenvalues by ARPACK (implicitly restarted Lanczos, scipy eigsh) on exact
    torch Hessian-vector products (double backward), with explicit residuals ||Hy - ly||."""
    import numpy as np
    import torch
    from scipy.sparse.linalg import LinearOperator, eigsh
    set_threads(threads)
    meta, X, theta, t = load_problem(meta_path)
    ni, nh = meta["Ni"], meta["Nh"]
    g = activation(meta["activation"])
    th = theta.clone().requires_grad_(True)
    W = th[: nh * ni].reshape(nh, ni)
    a = th[nh * ni:]
    grad, = torch.autograd.grad(half_mse(g(X @ W.T) @ a, t), th, create_graph=True)
    count = [0]

    def hvp(v):
        count[0] += 1
        vt = torch.from_numpy(np.ascontiguousarray(v, dtype=np.float64).reshape(-1))
        hv, = torch.autograd.grad(grad, th, grad_outputs=vt, retain_graph=True)
        return hv.numpy().copy()

    P = theta.numel()
    op = LinearOperator((P, P), matvec=hvp, dtype=np.float64)
    t0 = time.perf_counter()
    vals, vecs = eigsh(op, k=int(k), which="LA", tol=1e-13, ncv=min(P, max(4 * int(k), 60)), v0=np.ones(P) / np.sqrt(P))
    t1 = time.perf_counter()
    order = np.argsort(vals)[::-1]
    vals, vecs = vals[order], vecs[:, order]
    res = [float(np.linalg.norm(hvp(vecs[:, i]) - vals[i] * vecs[:, i])) for i in range(len(vals))]
    write(out, {"eigenvalues": vals.tolist(), "residuals": res, "hvps": count[0], "method": "scipy.sparse.linalg.eigsh (ARPACK), which='LA', tol=1e-13, on torch double-backward HVPs"})
    return {"eigshMs": (t1 - t0) * 1e3, "hvps": count[0]}


def cmd_reference_gram(meta_path, threads, out):
    """At the optimum every residual is 0, so H = J^T J / N and its nonzero eigenvalues are those of
    K = J J^T / N (N x N). J is formed in closed form in numpy, a block of hidden units at a time
    (df/dW_jk = a_j g'(z_nj) x_nk, df/da_j = g(z_nj)), and K accumulated block by block; then
    numpy eigvalsh. The P - N remaining eigenvalues are exactly 0."""
    import numpy as np
    set_threads(threads)
    meta, X, theta, t = load_problem(meta_path)
    if meta["activation"] != "tanh":
        raise SystemExit("hessian_peers.py: reference-gram implements tanh only")
    X = X.numpy()
    theta = theta.numpy()
    ni, nh, n = meta["Ni"], meta["Nh"], meta["N"]
    W = theta[: nh * ni].reshape(nh, ni)
    a = theta[nh * ni:]
    Z = X @ W.T
    G = np.tanh(Z)
    D = 1.0 - G * G
    t0 = time.perf_counter()
    K = G @ G.T
    block = max(1, 20_000_000 // (n * ni))
    for j0 in range(0, nh, block):
        j1 = min(nh, j0 + block)
        Jb = ((D[:, j0:j1] * a[j0:j1])[:, :, None] * X[:, None, :]).reshape(n, (j1 - j0) * ni)
        K += Jb @ Jb.T
    K /= n
    w = np.linalg.eigvalsh(K)
    t1 = time.perf_counter()
    write(out, {"nonzeroEigenvalues": sorted(w.tolist(), reverse=True), "P": nh * ni + nh, "method": "eig(J J^T / N), J in closed form (numpy, blocks of hidden units)"})
    return {"gramMs": (t1 - t0) * 1e3}


def main(argv):
    if not argv or argv[0] == "probe":
        res = cmd_probe()
    elif argv[0] == "spectrum":
        res = cmd_spectrum(*argv[1:4])
    elif argv[0] == "pyhessian-top":
        res = cmd_pyhessian_top(*argv[1:5])
    elif argv[0] == "pyhessian-density":
        res = cmd_pyhessian_density(*argv[1:4])
    elif argv[0] == "reference-top":
        res = cmd_reference_top(*argv[1:5])
    elif argv[0] == "reference-gram":
        res = cmd_reference_gram(*argv[1:4])
    else:
        sys.stderr.write(f"hessian_peers.py: unknown command {argv[0]!r}\n")
        return 2
    print(json.dumps(res))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
