/** Shared by the test subjects: cyclic Jacobi eigenvalues in the subject's arithmetic (r rounds each operation). */
/** Cyclic Jacobi eigenvalues of a symmetric matrix (ascending), in the arithmetic. */
export function jacobiEigenvalues(A0, r) {
  const add = (a, b) => r(a + b);
  const mul = (a, b) => r(a * b);
  const sub = (a, b) => r(a - b);
  const n = A0.length;
  const A = A0.map((row, i) => row.map((v, j) => r(0.5 * (v + A0[j][i]))));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += A[i][j] * A[i][j];
    if (off === 0 || off < 1e-300) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (A[p][q] === 0) continue;
        const theta = (A[q][q] - A[p][p]) / (2 * A[p][q]);
        const t = r(Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1)));
        const c = r(1 / Math.sqrt(t * t + 1));
        const s = mul(t, c);
        for (let k = 0; k < n; k++) {
          const akp = A[k][p];
          const akq = A[k][q];
          A[k][p] = sub(mul(c, akp), mul(s, akq));
          A[k][q] = add(mul(s, akp), mul(c, akq));
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p][k];
          const aqk = A[q][k];
          A[p][k] = sub(mul(c, apk), mul(s, aqk));
          A[q][k] = add(mul(s, apk), mul(c, aqk));
        }
      }
    }
  }
  return A.map((row, i) => row[i]).sort((x, y) => x - y);
}

