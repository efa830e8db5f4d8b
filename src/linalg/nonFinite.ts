/**
 * A computed quantity that left the float64 range (an overflow to ±Infinity, or a NaN from
 * Infinity − Infinity, 0·Infinity, …). The engine checks its matrices before handing them to
 * an eigensolver and its results before returning them, and throws NonFiniteError naming the
 * quantity; the command line turns it into one line naming the INPUT that caused it (the
 * largest weights, the student's offset), because that is what a user can change.
 * Cost of a check: one pass over the array, negligible beside the O(n³) work it guards.
 */
export class NonFiniteError extends Error {
  constructor(
    /** What overflowed, in words: "the Gauss–Newton matrix JᵀJ/N". */
    readonly quantity: string,
    /** The first offending value (NaN, Infinity or -Infinity). */
    readonly value: number,
  ) {
    super(`${quantity} overflows float64 (an entry is ${value}); the inputs are too large for float64 arithmetic`);
    this.name = 'NonFiniteError';
  }
}

/** Throws NonFiniteError when any entry is NaN or ±Infinity. */
export function assertFiniteArray(data: ArrayLike<number>, quantity: string): void {
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (!(v - v === 0)) throw new NonFiniteError(quantity, v);
  }
}
