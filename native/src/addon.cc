// hc_lapack: the native LAPACK backend of hessian-conformance (node-addon-api).
//
// Thin, synchronous wrappers over Debian's LAPACKE and OpenBLAS (CBLAS). Every function
// takes flat row-major Float64Arrays with explicit shapes (the suite's Matrix layout) and
// returns fresh Float64Arrays; inputs are never modified (LAPACK's destroyed workspaces are
// private copies). Shape and finiteness checks live in the TypeScript wrapper
// (src/linalg/nativeBackend.ts); this file only re-checks lengths so a bad call cannot read
// out of bounds.
//
//   eigvalsh(a, n)               dsyevd, jobz = 'N'   eigenvalues ascending          (4/3)n³ flops
//   eigh(a, n)                   dsyevd, jobz = 'V'   {values, vectors row-major}    ≈ 9n³ flops
//   svdvals(a, rows, cols)       dgesdd, jobz = 'N'   singular values descending
//   syrk(a, rows, cols, alpha, t) dsyrk: alpha·AᵀA (t) or alpha·AAᵀ, both triangles filled
//   gemm(a, ar, ac, ta, b, br, bc, tb, alpha)  dgemm: alpha·op(A)·op(B)
//   info()                       {config, threads} of the OpenBLAS in use
//
// A symmetric row-major matrix is its own column-major transpose, and a row-major m×n
// matrix is a column-major n×m one with the same singular values, so no transposes are
// needed for eigvalsh or svdvals.
#include <napi.h>

#include <cblas.h>
#include <lapacke.h>

#include <cstring>
#include <string>
#include <vector>

namespace {

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
  return d >= 0 && d <= 2147483647.0 && d == static_cast<double>(static_cast<int64_t>(d));
}

// Validates argument i as a Float64Array of exactly `len` entries.
bool CheckArray(const Napi::CallbackInfo& info, size_t i, size_t len, const char* fn) {
  if (info.Length() <= i || !IsF64(info[i])) {
    Fail(info.Env(), std::string(fn) + ": argument " + std::to_string(i) + " must be a Float64Array");
    return false;
  }
  if (info[i].As<Napi::Float64Array>().ElementLength() != len) {
    Fail(info.Env(), std::string(fn) + ": argument " + std::to_string(i) + " has length " +
                         std::to_string(info[i].As<Napi::Float64Array>().ElementLength()) + ", expected " +
                         std::to_string(len));
    return false;
  }
  return true;
}

bool CheckDims(const Napi::CallbackInfo& info, std::initializer_list<size_t> idx, const char* fn) {
  for (size_t i : idx) {
    if (info.Length() <= i || !IsDim(info[i])) {
      Fail(info.Env(), std::string(fn) + ": argument " + std::to_string(i) + " must be a non-negative integer dimension");
      return false;
    }
  }
  return true;
}

int64_t Dim(const Napi::CallbackInfo& info, size_t i) { return info[i].As<Napi::Number>().Int64Value(); }

Napi::Value Eigvalsh(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckDims(info, {1}, "eigvalsh")) return env.Undefined();
  const int64_t n = Dim(info, 1);
  if (!CheckArray(info, 0, static_cast<size_t>(n * n), "eigvalsh")) return env.Undefined();
  Napi::Float64Array w = Napi::Float64Array::New(env, static_cast<size_t>(n));
  if (n == 0) return w;
  std::vector<double> a(info[0].As<Napi::Float64Array>().Data(), info[0].As<Napi::Float64Array>().Data() + n * n);
  lapack_int rc = LAPACKE_dsyevd(LAPACK_COL_MAJOR, 'N', 'L', static_cast<lapack_int>(n), a.data(),
                                 static_cast<lapack_int>(n), w.Data());
  if (rc != 0) return Fail(env, "eigvalsh: dsyevd returned info = " + std::to_string(rc));
  return w;
}

Napi::Value Eigh(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckDims(info, {1}, "eigh")) return env.Undefined();
  const int64_t n = Dim(info, 1);
  if (!CheckArray(info, 0, static_cast<size_t>(n * n), "eigh")) return env.Undefined();
  Napi::Float64Array w = Napi::Float64Array::New(env, static_cast<size_t>(n));
  Napi::Float64Array v = Napi::Float64Array::New(env, static_cast<size_t>(n * n));
  if (n > 0) {
    std::memcpy(v.Data(), info[0].As<Napi::Float64Array>().Data(), sizeof(double) * n * n);
    // Row-major in and out: column k of the returned n×n matrix is the eigenvector of w[k].
    lapack_int rc = LAPACKE_dsyevd(LAPACK_ROW_MAJOR, 'V', 'U', static_cast<lapack_int>(n), v.Data(),
                                   static_cast<lapack_int>(n), w.Data());
    if (rc != 0) return Fail(env, "eigh: dsyevd returned info = " + std::to_string(rc));
  }
  Napi::Object out = Napi::Object::New(env);
  out.Set("values", w);
  out.Set("vectors", v);
  return out;
}

Napi::Value Svdvals(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckDims(info, {1, 2}, "svdvals")) return env.Undefined();
  const int64_t rows = Dim(info, 1), cols = Dim(info, 2);
  if (!CheckArray(info, 0, static_cast<size_t>(rows * cols), "svdvals")) return env.Undefined();
  const int64_t k = rows < cols ? rows : cols;
  Napi::Float64Array s = Napi::Float64Array::New(env, static_cast<size_t>(k));
  if (k == 0) return s;
  std::vector<double> a(info[0].As<Napi::Float64Array>().Data(), info[0].As<Napi::Float64Array>().Data() + rows * cols);
  // Row-major rows×cols = column-major cols×rows (the transpose: same singular values).
  lapack_int rc = LAPACKE_dgesdd(LAPACK_COL_MAJOR, 'N', static_cast<lapack_int>(cols), static_cast<lapack_int>(rows),
                                 a.data(), static_cast<lapack_int>(cols), s.Data(), nullptr, 1, nullptr, 1);
  if (rc != 0) return Fail(env, "svdvals: dgesdd returned info = " + std::to_string(rc));
  return s;
}

Napi::Value Syrk(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckDims(info, {1, 2}, "syrk")) return env.Undefined();
  const int64_t rows = Dim(info, 1), cols = Dim(info, 2);
  if (!CheckArray(info, 0, static_cast<size_t>(rows * cols), "syrk")) return env.Undefined();
  if (info.Length() < 5 || !info[3].IsNumber() || !info[4].IsBoolean()) {
    return Fail(env, "syrk: arguments 3 and 4 must be (alpha: number, transpose: boolean)");
  }
  const double alpha = info[3].As<Napi::Number>().DoubleValue();
  const bool atA = info[4].As<Napi::Boolean>().Value();
  const int64_t n = atA ? cols : rows;  // order of the result
  const int64_t k = atA ? rows : cols;  // inner dimension
  Napi::Float64Array c = Napi::Float64Array::New(env, static_cast<size_t>(n * n));
  if (n == 0) return c;
  double* C = c.Data();
  if (k > 0) {
    cblas_dsyrk(CblasRowMajor, CblasUpper, atA ? CblasTrans : CblasNoTrans, static_cast<blasint>(n),
                static_cast<blasint>(k), alpha, info[0].As<Napi::Float64Array>().Data(), static_cast<blasint>(cols), 0.0,
                C, static_cast<blasint>(n));
  }
  for (int64_t i = 0; i < n; i++)
    for (int64_t j = 0; j < i; j++) C[i * n + j] = C[j * n + i];
  return c;
}

Napi::Value Gemm(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (!CheckDims(info, {1, 2, 5, 6}, "gemm")) return env.Undefined();
  const int64_t ar = Dim(info, 1), ac = Dim(info, 2), br = Dim(info, 5), bc = Dim(info, 6);
  if (!CheckArray(info, 0, static_cast<size_t>(ar * ac), "gemm") || !CheckArray(info, 4, static_cast<size_t>(br * bc), "gemm")) {
    return env.Undefined();
  }
  if (info.Length() < 9 || !info[3].IsBoolean() || !info[7].IsBoolean() || !info[8].IsNumber()) {
    return Fail(env, "gemm: expected (a, aRows, aCols, transA, b, bRows, bCols, transB, alpha)");
  }
  const bool ta = info[3].As<Napi::Boolean>().Value(), tb = info[7].As<Napi::Boolean>().Value();
  const double alpha = info[8].As<Napi::Number>().DoubleValue();
  const int64_t m = ta ? ac : ar, k = ta ? ar : ac, kb = tb ? bc : br, n = tb ? br : bc;
  if (k != kb) {
    return Fail(env, "gemm: inner dimensions differ (" + std::to_string(k) + " vs " + std::to_string(kb) + ")");
  }
  Napi::Float64Array c = Napi::Float64Array::New(env, static_cast<size_t>(m * n));
  if (m == 0 || n == 0 || k == 0) return c;
  cblas_dgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans, static_cast<blasint>(m),
              static_cast<blasint>(n), static_cast<blasint>(k), alpha, info[0].As<Napi::Float64Array>().Data(),
              static_cast<blasint>(ac), info[4].As<Napi::Float64Array>().Data(), static_cast<blasint>(bc), 0.0, c.Data(),
              static_cast<blasint>(n));
  return c;
}

Napi::Value Info(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Napi::Object out = Napi::Object::New(env);
  out.Set("config", Napi::String::New(env, openblas_get_config()));
  out.Set("threads", Napi::Number::New(env, openblas_get_num_threads()));
  return out;
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("eigvalsh", Napi::Function::New(env, Eigvalsh));
  exports.Set("eigh", Napi::Function::New(env, Eigh));
  exports.Set("svdvals", Napi::Function::New(env, Svdvals));
  exports.Set("syrk", Napi::Function::New(env, Syrk));
  exports.Set("gemm", Napi::Function::New(env, Gemm));
  exports.Set("info", Napi::Function::New(env, Info));
  return exports;
}

}  // namespace

NODE_API_MODULE(hc_lapack, Init)
