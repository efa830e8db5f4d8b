# Links Debian's LAPACKE (liblapacke-dev) and OpenBLAS (libopenblas-dev). Where either is
# missing the build fails, npm skips this optional dependency, and the suite uses its portable
# backend (src/linalg/selectBackend.ts). -ffp-contract=off: no fused multiply-adds, so the
# addon's loops (twoLayerHvpPass) round exactly as their JavaScript twins do.
{
  "targets": [
    {
      "target_name": "hc_lapack",
      "sources": [
        "src/addon.cc"
      ],
      "include_dirs": [
        "<!(node -p \"require('node-addon-api').include_dir\")"
      ],
      "defines": [
        "NAPI_VERSION=8",
        "NAPI_DISABLE_CPP_EXCEPTIONS"
      ],
      "cflags_cc": [
        "-O2",
        "-std=c++17",
        "-ffp-contract=off"
      ],
      "libraries": [
        "-llapacke",
        "-lopenblas"
      ]
    }
  ]
}
