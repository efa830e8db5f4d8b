/**
 * Little-endian float32/float64 bytes → a new Float64Array (float32 widened exactly).
 * Fast path: on a little-endian host with the data aligned to its item size (np.save aligns to
 * 64 bytes, the safetensors reference writer pads its header to 8), a typed-array view is copied
 * with one set(); otherwise element-wise DataView reads. Whole reads of 100 MB including the
 * finite-value scan (npx tsx, 2 shared cores, noisy): F32 safetensors 0.60 s → 0.40 s, f8 .npy
 * 0.44 s → 0.27 s.
 */
const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

export function decodeFloats(bytes: Uint8Array, start: number, count: number, itemBytes: 4 | 8): Float64Array {
  const out = new Float64Array(count);
  const offset = bytes.byteOffset + start;
  if (LITTLE_ENDIAN_HOST && offset % itemBytes === 0) {
    out.set(itemBytes === 4 ? new Float32Array(bytes.buffer, offset, count) : new Float64Array(bytes.buffer, offset, count));
    return out;
  }
  const view = new DataView(bytes.buffer, offset, count * itemBytes);
  if (itemBytes === 4) for (let i = 0; i < count; i++) out[i] = view.getFloat32(4 * i, true);
  else for (let i = 0; i < count; i++) out[i] = view.getFloat64(8 * i, true);
  return out;
}
