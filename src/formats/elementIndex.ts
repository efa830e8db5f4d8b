/** A flat row-major index as a message shows it: "[7]" for 1-D, "[2, 1] (flat 7)" otherwise. */
export function elementIndex(flat: number, shape: readonly number[]): string {
  if (shape.length <= 1) return `[${flat}]`;
  const idx: number[] = new Array(shape.length);
  let r = flat;
  for (let d = shape.length - 1; d >= 0; d--) {
    idx[d] = r % shape[d];
    r = Math.floor(r / shape[d]);
  }
  return `[${idx.join(', ')}] (flat ${flat})`;
}
