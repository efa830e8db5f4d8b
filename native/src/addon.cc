// hc_lapack: the native LAPACK backend of hessian-conformance (node-addon-api).
//
// Thin, synchronous wrappers over Debian's LAPACKE and OpenBLAS (CBLAS). Every function takes
// flat row-major Float64Arrays with explicit shapes (the suite's Matrix layout) and WRITES ITS
// RESULT INTO ARRAYS THE CALLER ALLOCATED: this file never allocates a matrix. That is what
// keeps an oversized request recoverable — a Float64Array that cannot be allocated is a
// RangeError in JavaScript, whereas an allocation that fails inside N-API aborts the process
// (v8::ArrayBuffer::New → FatalProcessOutOfMemory). It also lets hot loops reuse buffers.
// LAPACK's destroyed inputs are caller-provided scratch copies; the inputs proper are never
// modified. LAPACKE's own work arrays are malloc'd by LAPACKE, which reports failure as
// info = -1010/-1011 (turned into an Error here).
//
// Shape, finiteness and size checks live in the TypeScript wrapper (src/linalg/nativeBackend.ts);
// this file re-checks types, dimensions and lengths so a bad call can neither read nor write
// out of bounds, and names the function and argument in its errors ("hc_lapack.<fn>: ...").
//
//   eigvalsh(a, n, w, scratch)                          dsyevd 'N': w ← eigenvalues ascending
//   eigh(a, n, w, v)                                    dsyevd 'V': w, v ← values, vectors (row-major)
//   svdvals(a, rows, cols, s, scratch)                  dgesdd 'N': s ← singular values descending
//   syrk(a, rows, cols, alpha, transpose, c)            dsyrk: c ← alpha·AᵀA (transpose) or alpha·AAᵀ, both triangles
//   gemm(a, ar, ac, ta, b, br, bc, tb, alpha, beta, c)  dgemm: c ← alpha·op(A)·op(B) + beta·c
//   gemv(a, rows, cols, ta, x, alpha, beta, y)          dgemv: y ← alpha·op(A)·x + beta·y (a dgemm
//                                                       with one column runs ≈ 5–10× slower in OpenBLAS)
//   twoLayerHvpPass(N, Nh, a, D1, aD2, r, invN, gva, va, S, u, outA)
//                                                       the row pass of the two-layer Hessian-vector
//                                                       product (below)
//   info()                                              {config, threads, api} of the OpenBLAS in use
//
// A symmetric row-major matrix is its own column-major transpose, and a row-major m×n matrix
// is a column-major n×m one with the same singular values, so no transposes are needed for
// eigvalsh or svdvals.
#include <napi.h>

#include <cblas.h>
#include <lapacke.h>

#include <climits>
#include <cstring>
#include <string>

namespace {

// BLAS/LAPACK dimensions are 32-bit ints here (LP64 OpenBLAS).
constexpr double kMaxDim = 2147483647.0;

Napi::Value Fail(Napi::Env env, const std::string& msg) {
  Napi::Error::New(env, "hc_lapack." + msg).ThrowAsJavaScriptException();
  return env.Undefined();
}

bool IsF64(const Napi::Value& v) {
  return v.IsTypedArray() && v.As<Napi::TypedArray>().TypedArrayType() == napi_float64_array;
}

bool IsDim(const Napi::Value& v) {
  if (!v.IsNumber()) return false;
  double d = v.As<Napi::Number>().DoubleValue();
  return d >= 0 && d <= kMaxDim && d == static_cast<double>(static_cast<int64_t>(d));
}

// Validates argument i as a Float64Array of exactly `len` entries.
bool CheckArray(const Napi::CallbackInfo& info, size_t i, int64_t len, const char* fn) {
  if (info.Length() <= i || !IsF64(info[i])) {
    Fail(info.Env(), std::string(fn) + ": argument " + std::to_string(i) + " must be a Float64Array");
    return false;
  }
  const size_t have = info[i].As<Napi::Float64Array>().ElementLength();
  if (len < 0 || have != static_cast<size_t>(len)) {
    Fail(info.Env(), std::string(fn) + ": argument " + std::to_string(i) + " has length " + std::to_string(have) +
                         ", expected " + std::to_string(len));
    return false;
  }
  return true;
}

bool CheckDims(const Napi::CallbackInfo& info, std::initializer_list<size_t> idx, const char* fn) {
  for (size_t i : idx) {
    if (info.Length() <= i || !IsDim(info[i])) {
      Fail(info.Env(), std::string(fn) + ": argument " + std::to_string(i) + " must be an integer dimension in [0, 2^31 - 1]");
      return false;
    }
  }
  return true;
}

bool CheckFlag(const Napi::CallbackInfo& info, size_t i, const char* fn) {
  if (info.Length() <= i || !info[i].IsBoolean()) {
    Fail(info.Env(), std::string(fn) + ": argument " + std::to_string(i) + " must be a boolean");
    return false;
  }
  return true;
}

bool CheckScalar(const Napi::CallbackInfo& info, size_t i, const char* fn) {
  if (info.Length() <= i || !info[i].IsNumber()) {
    Fail(info.Env(), std::string(fn) + ": argument " + std::to_string(i) + " must be a number");
    return false;
  }
  return true;
}

// Two distinct arrays must not share memory when one is written (LAPACK/BLAS forbid aliasing).
// An empty array holds nothing to alias.
bool CheckDistinct(const Napi::CallbackInfo& info, size_t out, std::initializer_list<size_t> ins, const char* fn) {
  const Napi::Float64Array o = info[out].As<Napi::Float64Array>();
  const char* ob = reinterpret_cast<const char*>(o.Data());
  const char* oe = ob + o.ByteLength();
  for (size_t i : ins) {
    const Napi::Float64Array a = info[i].As<Napi::Float64Array>();
    const char* ab = reinterpret_cast<const char*>(a.Data());
    const char* ae = ab + a.ByteLength();
    if (o.ByteLength() > 0 && a.ByteLength() > 0 && ob < ae && ab < oe) {
      Fail(info.Env(), std::string(fn) + ": output argument " + std::to_string(out) + " overlaps input argument " + std::to_string(i));
      return false;
    }
  }
  return true;
}

int64_t Dim(const Napi::CallbackInfo& info, size_t i) { return info[i].As<Napi::Number>().Int64Value(); }
double* Ptr(const Napi::CallbackInfo& info, size_t i) { return info[i].As<Napi::Float64Array>().Data(); }

Napi::Value LapackFail(Napi::Env env, const char* fn, const char* routine, lapack_int rc) {
  std::string why = rc == LAPACK_WORK_MEMORY_ERROR || rc == LAPACK_TRANSPOSE_MEMORY_ERROR ? " (LAPACKE could not allocate its workspace)" : "";
  return Fail(env, std::string(fn) + ": " + routine + " returned info = " + std::to_string(rc) + why);
}

Napi::Value Eigvalsh(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckDims(info, {1}, "eigvalsh")) return env.Undefined();
  const int64_t n = Dim(info, 1);
  if (!CheckArray(info, 0, n * n, "eigvalsh") || !CheckArray(info, 2, n, "eigvalsh") || !CheckArray(info, 3, n * n, "eigvalsh") ||
      !CheckDistinct(info, 3, {0, 2}, "eigvalsh") || !CheckDistinct(info, 2, {0}, "eigvalsh")) {
    return env.Undefined();
  }
  if (n == 0) return env.Undefined();
  double* a = Ptr(info, 3);
  std::memcpy(a, Ptr(info, 0), sizeof(double) * n * n);
  lapack_int rc = LAPACKE_dsyevd(LAPACK_COL_MAJOR, 'N', 'L', static_cast<lapack_int>(n), a, static_cast<lapack_int>(n), Ptr(info, 2));
  if (rc != 0) return LapackFail(env, "eigvalsh", "dsyevd", rc);
  return env.Undefined();
}

Napi::Value Eigh(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckDims(info, {1}, "eigh")) return env.Undefined();
  const int64_t n = Dim(info, 1);
  if (!CheckArray(info, 0, n * n, "eigh") || !CheckArray(info, 2, n, "eigh") || !CheckArray(info, 3, n * n, "eigh") ||
      !CheckDistinct(info, 3, {0, 2}, "eigh") || !CheckDistinct(info, 2, {0}, "eigh")) {
    return env.Undefined();
  }
  if (n == 0) return env.Undefined();
  double* v = Ptr(info, 3);
  std::memcpy(v, Ptr(info, 0), sizeof(double) * n * n);
  // Row-major in and out: column k of the returned n×n matrix is the eigenvector of w[k].
  lapack_int rc = LAPACKE_dsyevd(LAPACK_ROW_MAJOR, 'V', 'U', static_cast<lapack_int>(n), v, static_cast<lapack_int>(n), Ptr(info, 2));
  if (rc != 0) return LapackFail(env, "eigh", "dsyevd", rc);
  return env.Undefined();
}

Napi::Value Svdvals(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckDims(info, {1, 2}, "svdvals")) return env.Undefined();
  const int64_t rows = Dim(info, 1), cols = Dim(info, 2);
  const int64_t k = rows < cols ? rows : cols;
  if (!CheckArray(info, 0, rows * cols, "svdvals") || !CheckArray(info, 3, k, "svdvals") || !CheckArray(info, 4, rows * cols, "svdvals") ||
      !CheckDistinct(info, 4, {0, 3}, "svdvals") || !CheckDistinct(info, 3, {0}, "svdvals")) {
    return env.Undefined();
  }
  if (k == 0) return env.Undefined();
  double* a = Ptr(info, 4);
  std::memcpy(a, Ptr(info, 0), sizeof(double) * rows * cols);
  // Row-major rows×cols = column-major cols×rows (the transpose: same singular values).
  lapack_int rc = LAPACKE_dgesdd(LAPACK_COL_MAJOR, 'N', static_cast<lapack_int>(cols), static_cast<lapack_int>(rows), a,
                                 static_cast<lapack_int>(cols), Ptr(info, 3), nullptr, 1, nullptr, 1);
  if (rc != 0) return LapackFail(env, "svdvals", "dgesdd", rc);
  return env.Undefined();
}

Napi::Value Syrk(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckDims(info, {1, 2}, "syrk") || !CheckScalar(info, 3, "syrk") || !CheckFlag(info, 4, "syrk")) return env.Undefined();
  const int64_t rows = Dim(info, 1), cols = Dim(info, 2);
  const bool atA = info[4].As<Napi::Boolean>().Value();
  const int64_t n = atA ? cols : rows;  // order of the result
  const int64_t k = atA ? rows : cols;  // inner dimension
  if (!CheckArray(info, 0, rows * cols, "syrk") || !CheckArray(info, 5, n * n, "syrk") || !CheckDistinct(info, 5, {0}, "syrk")) {
    return env.Undefined();
  }
  const double alpha = info[3].As<Napi::Number>().DoubleValue();
  double* C = Ptr(info, 5);
  if (n == 0) return env.Undefined();
  if (k == 0) {
    std::memset(C, 0, sizeof(double) * n * n);
    return env.Undefined();
  }
  cblas_dsyrk(CblasRowMajor, CblasUpper, atA ? CblasTrans : CblasNoTrans, static_cast<blasint>(n), static_cast<blasint>(k), alpha,
              Ptr(info, 0), static_cast<blasint>(cols), 0.0, C, static_cast<blasint>(n));
  for (int64_t i = 0; i < n; i++)
    for (int64_t j = 0; j < i; j++) C[i * n + j] = C[j * n + i];
  return env.Undefined();
}

Napi::Value Gemm(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckDims(info, {1, 2, 5, 6}, "gemm") || !CheckFlag(info, 3, "gemm") || !CheckFlag(info, 7, "gemm") || !CheckScalar(info, 8, "gemm") ||
      !CheckScalar(info, 9, "gemm")) {
    return env.Undefined();
  }
  const int64_t ar = Dim(info, 1), ac = Dim(info, 2), br = Dim(info, 5), bc = Dim(info, 6);
  const bool ta = info[3].As<Napi::Boolean>().Value(), tb = info[7].As<Napi::Boolean>().Value();
  const int64_t m = ta ? ac : ar, k = ta ? ar : ac, kb = tb ? bc : br, n = tb ? br : bc;
  if (k != kb) return Fail(env, "gemm: inner dimensions differ (" + std::to_string(k) + " vs " + std::to_string(kb) + ")");
  if (!CheckArray(info, 0, ar * ac, "gemm") || !CheckArray(info, 4, br * bc, "gemm") || !CheckArray(info, 10, m * n, "gemm") ||
      !CheckDistinct(info, 10, {0, 4}, "gemm")) {
    return env.Undefined();
  }
  const double alpha = info[8].As<Napi::Number>().DoubleValue();
  const double beta = info[9].As<Napi::Number>().DoubleValue();
  double* C = Ptr(info, 10);
  if (m == 0 || n == 0) return env.Undefined();
  if (k == 0) {
    // BLAS would skip the product; keep its beta·C semantics explicitly (beta = 0 clears, even NaN).
    for (int64_t i = 0; i < m * n; i++) C[i] = beta == 0.0 ? 0.0 : beta * C[i];
    return env.Undefined();
  }
  cblas_dgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans, static_cast<blasint>(m), static_cast<blasint>(n),
              static_cast<blasint>(k), alpha, Ptr(info, 0), static_cast<blasint>(ac), Ptr(info, 4), static_cast<blasint>(bc), beta, C,
              static_cast<blasint>(n));
  return env.Undefined();
}

Napi::Value Gemv(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckDims(info, {1, 2}, "gemv") || !CheckFlag(info, 3, "gemv") || !CheckScalar(info, 5, "gemv") || !CheckScalar(info, 6, "gemv")) {
    return env.Undefined();
  }
  const int64_t rows = Dim(info, 1), cols = Dim(info, 2);
  const bool ta = info[3].As<Napi::Boolean>().Value();
  const int64_t nx = ta ? rows : cols, ny = ta ? cols : rows;
  if (!CheckArray(info, 0, rows * cols, "gemv") || !CheckArray(info, 4, nx, "gemv") || !CheckArray(info, 7, ny, "gemv") ||
      !CheckDistinct(info, 7, {0, 4}, "gemv")) {
    return env.Undefined();
  }
  const double alpha = info[5].As<Napi::Number>().DoubleValue();
  const double beta = info[6].As<Napi::Number>().DoubleValue();
  double* y = Ptr(info, 7);
  if (ny == 0) return env.Undefined();
  if (nx == 0) {
    for (int64_t i = 0; i < ny; i++) y[i] = beta == 0.0 ? 0.0 : beta * y[i];
    return env.Undefined();
  }
  cblas_dgemv(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, static_cast<blasint>(rows), static_cast<blasint>(cols), alpha, Ptr(info, 0),
              static_cast<blasint>(cols), Ptr(info, 4), 1, beta, y, 1);
  return env.Undefined();
}

// The per-row pass of the two-layer Hessian-vector product, H·v = Jᵀ(Jv)/N + residual term
// (src/hessian/twoLayerHessianOperator.ts, where the JavaScript twin and the derivation live).
// With S = X Vᵀ (N×Nh) and gva = G·v_a already formed by BLAS, for every row n:
//   u_n = (gva_n + Σ_j a_j D1_nj S_nj)·invN
//   S_nj ← u_n a_j D1_nj                                         (θ*, or r_n = 0)
//   S_nj ← u_n a_j D1_nj + ρ_n (aD2_nj S_nj + D1_nj va_j),  outA_j += ρ_n D1_nj S_nj,  ρ_n = r_n·invN
// so that S becomes C for the final Cᵀ X. aD2 is empty at the optimum. The same operations in the
// same order as the JavaScript (compiled with -ffp-contract=off, so no fused multiply-adds):
// the results are bitwise identical, which test/hessian/twoLayerHvpPass.test.ts checks.
Napi::Value TwoLayerHvpPass(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  const char* fn = "twoLayerHvpPass";
  if (!CheckDims(info, {0, 1}, fn) || !CheckScalar(info, 6, fn)) return env.Undefined();
  const int64_t N = Dim(info, 0), Nh = Dim(info, 1);
  if (!CheckArray(info, 2, Nh, fn) || !CheckArray(info, 3, N * Nh, fn)) return env.Undefined();
  if (info.Length() <= 4 || !IsF64(info[4])) return Fail(env, std::string(fn) + ": argument 4 must be a Float64Array");
  const size_t nD2 = info[4].As<Napi::Float64Array>().ElementLength();
  if (nD2 != 0 && nD2 != static_cast<size_t>(N * Nh)) {
    return Fail(env, std::string(fn) + ": argument 4 has length " + std::to_string(nD2) + ", expected 0 (at the optimum) or " + std::to_string(N * Nh));
  }
  if (!CheckArray(info, 5, N, fn) || !CheckArray(info, 7, N, fn) || !CheckArray(info, 8, Nh, fn) || !CheckArray(info, 9, N * Nh, fn) ||
      !CheckArray(info, 10, N, fn) || !CheckArray(info, 11, Nh, fn) || !CheckDistinct(info, 9, {2, 3, 4, 5, 7, 8, 10, 11}, fn) ||
      !CheckDistinct(info, 10, {2, 3, 4, 5, 7, 8, 11}, fn) || !CheckDistinct(info, 11, {2, 3, 4, 5, 7, 8}, fn)) {
    return env.Undefined();
  }
  const double invN = info[6].As<Napi::Number>().DoubleValue();
  const double* a = Ptr(info, 2);
  const double* D1 = Ptr(info, 3);
  const double* aD2 = nD2 == 0 ? nullptr : Ptr(info, 4);
  const double* r = Ptr(info, 5);
  const double* gva = Ptr(info, 7);
  const double* va = Ptr(info, 8);
  double* s = Ptr(info, 9);
  double* u = Ptr(info, 10);
  double* outA = Ptr(info, 11);
  for (int64_t n = 0; n < N; n++) {
    const int64_t row = n * Nh;
    const double* d1 = D1 + row;
    double* sr = s + row;
    double jv = gva[n];
    for (int64_t j = 0; j < Nh; j++) jv += a[j] * d1[j] * sr[j];
    const double un = jv * invN;
    u[n] = un;
    const double rho = r[n] * invN;
    if (aD2 == nullptr || rho == 0) {
      for (int64_t j = 0; j < Nh; j++) sr[j] = un * a[j] * d1[j];
    } else {
      const double* ad2 = aD2 + row;
      for (int64_t j = 0; j < Nh; j++) {
        const double dj = d1[j];
        const double sj = sr[j];
        sr[j] = un * a[j] * dj + rho * (ad2[j] * sj + dj * va[j]);
        outA[j] += rho * dj * sj;
      }
    }
  }
  return env.Undefined();
}

Napi::Value Info(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Napi::Object out = Napi::Object::New(env);
  out.Set("config", Napi::String::New(env, openblas_get_config()));
  out.Set("threads", Napi::Number::New(env, openblas_get_num_threads()));
  out.Set("api", Napi::Number::New(env, 3));
  return out;
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("eigvalsh", Napi::Function::New(env, Eigvalsh));
  exports.Set("eigh", Napi::Function::New(env, Eigh));
  exports.Set("svdvals", Napi::Function::New(env, Svdvals));
  exports.Set("syrk", Napi::Function::New(env, Syrk));
  exports.Set("gemm", Napi::Function::New(env, Gemm));
  exports.Set("gemv", Napi::Function::New(env, Gemv));
  exports.Set("twoLayerHvpPass", Napi::Function::New(env, TwoLayerHvpPass));
  exports.Set("info", Napi::Function::New(env, Info));
  return exports;
}

}  // namespace

NODE_API_MODULE(hc_lapack, Init)
