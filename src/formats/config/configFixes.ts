/** What to do about a bad field: one hint per configuration field (the last named key of the path). */

const FIXES: Record<string, string> = {
  family: 'set it to "two-layer", "deep-linear" or "mlp"',
  activation: 'e.g. "tanh", "relu", "z^3" or {"polynomial": [0, 1, 0.5]}',
  W: 'give W as Nh rows of Ni finite numbers (row j = hidden unit j\'s input weights)',
  a: 'give a as Nh finite numbers (one output weight per hidden unit)',
  X: 'give X as N rows of Ni finite numbers (one row per sample)',
  layers: 'give [W1, …, WL]: W1 is n1 × Ni, each next layer takes the previous one\'s outputs, WL has one row',
  student: 'give the student\'s weights with the teacher\'s shapes, or omit it to evaluate at the optimum',
  Ni: 'give the input dimension, an integer ≥ 1',
  Nh: 'give the hidden width, an integer ≥ 1',
  N: 'give the number of samples, an integer ≥ 1',
  seed: 'give an integer seed in [0, 2^32 − 1]',
  sigma1: 'give the standard deviation of W\'s entries, a finite number ≥ 0 (default 1)',
  sigma2: 'give the standard deviation of a\'s entries, a finite number ≥ 0 (default 1)',
  whiten: 'give true (XᵀX/N = I exactly; needs N ≥ Ni) or false (default)',
  studentOffset: 'give the distance ε ≥ 0 of the student from the teacher (default 0: at the optimum)',
  depth: 'give the number of layers L, an integer in [2, 64] (default 2)',
  zeroOutputWeights: 'give hidden-unit indices in [0, Nh − 1] whose output weight is set to 0',
  duplicateUnits: 'give pairs [from, to] of hidden-unit indices in [0, Nh − 1]: unit "to" gets w_from',
  reflectUnits: 'give pairs [from, to] of hidden-unit indices in [0, Nh − 1]: unit "to" gets −w_from',
  scaleUnits: 'give triples [from, to, c] with hidden-unit indices in [0, Nh − 1] and a finite c ≠ 0: unit "to" gets c·w_from',
  polynomial: 'give coefficients [c0, c1, …, ck] with ck ≠ 0, k ≤ 6',
};

export function fixFor(path: ReadonlyArray<PropertyKey>): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const p = path[i];
    if (typeof p === 'string' && FIXES[p]) return FIXES[p];
  }
  return 'see README "Configurations"';
}

/** Lets another family (the MLP) add its fields' hints. */
export function addConfigFixes(more: Record<string, string>): void {
  for (const [k, v] of Object.entries(more)) if (!(k in FIXES)) FIXES[k] = v;
}
