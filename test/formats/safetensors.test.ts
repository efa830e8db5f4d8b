/**
 * The safetensors reader on files PyTorch wrote (test/fixtures/torch, via tools/export_torch.py)
 * and on every kind of broken file, each derived here from a good one or built byte by byte.
 * Values are compared EXACTLY with what torch wrote: reference.json holds each float32/float64
 * parameter as Python's shortest round-trip repr of the widened float64, and widening float32 →
 * float64 is exact, so any difference at all is a reader bug.
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FormatError } from '../../src/formats/formatError.js';
import { MAX_HEADER_BYTES, precisionNote, readSafetensors, readSafetensorsFile } from '../../src/formats/safetensors.js';
import { buildSafetensors, expectFormatError, fixtureBytes, fixturePath, floatBytes, loadReference, splitSafetensors, TORCH_FIXTURES } from './support.js';

const F = 'model.safetensors';

/** A valid two-tensor file: w (2×3 F32) then b (3, F64). */
function twoTensors(): { header: Record<string, unknown>; data: Uint8Array } {
  const w = floatBytes([1, 2, 3, 4, 5, 6], 4);
  const b = floatBytes([0.5, -0.25, 1e-300], 8);
  const data = new Uint8Array(w.length + b.length);
  data.set(w);
  data.set(b, w.length);
  return {
    header: {
      __metadata__: { format: 'pt' },
      w: { dtype: 'F32', shape: [2, 3], data_offsets: [0, 24] },
      b: { dtype: 'F64', shape: [3], data_offsets: [24, 48] },
    },
    data,
  };
}

function withHeader(mutate: (h: Record<string, Record<string, unknown>>) => void): Uint8Array {
  const { header, data } = twoTensors();
  mutate(header as Record<string, Record<string, unknown>>);
  return buildSafetensors(header, data);
}

describe('safetensors: files written by tools/export_torch.py from PyTorch models', () => {
  it.each(TORCH_FIXTURES)('%s: names, shapes, dtypes and every value as torch wrote them', (name) => {
    const ref = loadReference(name);
    const { tensors, metadata, dtypes } = readSafetensorsFile(fixturePath(name, F));
    expect([...tensors.keys()]).toEqual(ref.parameterOrder.map((p) => p.name));
    const theta: number[] = [];
    for (const p of ref.parameterOrder) {
      const t = tensors.get(p.name)!;
      expect(t.shape).toEqual(p.shape);
      expect(t.dtype).toBe(p.dtype);
      expect(t.values.length).toBe(p.shape.reduce((a, b) => a * b, 1));
      theta.push(...t.values);
    }
    expect(theta.length).toBe(ref.P);
    // Exact: Object.is per entry (toEqual on number arrays would also accept -0 for 0).
    const mismatches = theta.filter((v, i) => !Object.is(v, ref.theta[i])).length;
    expect(mismatches).toBe(0);
    expect(metadata).toEqual(ref.safetensorsMetadata);
    expect(dtypes).toEqual([ref.parameterOrder[0].dtype]);
  });

  it('reports the precision for the caller to print', () => {
    expect(precisionNote(readSafetensorsFile(fixturePath('tanh_ce_f32', F)).dtypes)).toBe('F32 weights read exactly (widened to float64), computed in float64');
    expect(precisionNote(readSafetensorsFile(fixturePath('relu_ce_f64', F)).dtypes)).toBe('F64 weights read as stored, computed in float64');
    expect(precisionNote(['F32', 'F64'])).toBe('F32 and F64 weights read exactly (widened to float64), computed in float64');
  });

  it('F32 values are widened exactly (no rounding to a nearby double)', () => {
    // 0.1f = 13421773·2^-27 exactly; its float64 widening is 0.100000001490116119384765625.
    const bytes = buildSafetensors({ t: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } }, floatBytes([0.1], 4));
    expect(readSafetensors(bytes, { file: F }).tensors.get('t')!.values[0]).toBe(Math.fround(0.1));
    expect(Math.fround(0.1)).toBe(0.100000001490116119384765625);
  });
});

describe("safetensors: the reference implementation's own serialization test vectors", () => {
  // huggingface/safetensors, safetensors/src/tensor.rs, tests test_serialization and
  // test_empty: the exact bytes its serializer produces (u64 length 64 and 8, header padded
  // with spaces to a multiple of 8), written out here as text + length rather than copied bytes.
  it('"attn.0": F32 [1, 2, 3] holding 0..5', () => {
    const header = '{"attn.0":{"dtype":"F32","shape":[1,2,3],"data_offsets":[0,24]}}';
    expect(header.length).toBe(64);
    const bytes = buildSafetensors(header, floatBytes([0, 1, 2, 3, 4, 5], 4), 64n);
    expect(bytes.length).toBe(96);
    const t = readSafetensors(bytes, { file: F }).tensors.get('attn.0')!;
    expect(t.shape).toEqual([1, 2, 3]);
    expect([...t.values]).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('no tensors, with and without {"framework": "pt"} metadata', () => {
    expect(readSafetensors(buildSafetensors('{}      ', undefined, 8n), { file: F }).tensors.size).toBe(0);
    const withMeta = '{"__metadata__":{"framework":"pt"}}     ';
    expect(withMeta.length).toBe(40);
    expect(readSafetensors(buildSafetensors(withMeta), { file: F }).metadata).toEqual({ framework: 'pt' });
  });
});

describe('safetensors: valid edge cases the spec allows', () => {
  it('an empty header {} with no data', () => {
    const r = readSafetensors(buildSafetensors('{}'), { file: F });
    expect(r.tensors.size).toBe(0);
    expect(r.metadata).toBeNull();
  });

  it('header padded with trailing spaces (as the reference writer does), offsets given out of order', () => {
    const { header, data } = twoTensors();
    const reordered = { b: header.b, __metadata__: header.__metadata__, w: header.w };
    const r = readSafetensors(buildSafetensors(`${JSON.stringify(reordered)}       `, data), { file: F });
    expect([...r.tensors.keys()]).toEqual(['w', 'b']); // data order
    expect([...r.tensors.get('w')!.values]).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...r.tensors.get('b')!.values]).toEqual([0.5, -0.25, 1e-300]);
  });

  it('zero-size tensors (a dimension 0) take no bytes; a scalar (shape []) takes one element', () => {
    const bytes = buildSafetensors(
      { e: { dtype: 'F64', shape: [0, 5], data_offsets: [0, 0] }, s: { dtype: 'F64', shape: [], data_offsets: [0, 8] }, z: { dtype: 'F32', shape: [3, 0], data_offsets: [8, 8] } },
      floatBytes([7], 8),
    );
    const r = readSafetensors(bytes, { file: F });
    expect(r.tensors.get('e')!.values.length).toBe(0);
    expect([...r.tensors.get('s')!.values]).toEqual([7]);
    expect(r.tensors.get('z')!.values.length).toBe(0);
  });

  it('names that collide with Object.prototype are plain data', () => {
    const bytes = buildSafetensors(
      '{"__metadata__":{"__proto__":"x","constructor":"y"},"__proto__":{"dtype":"F64","shape":[1],"data_offsets":[0,8]},"toString":{"dtype":"F64","shape":[1],"data_offsets":[8,16]}}',
      floatBytes([1, 2], 8),
    );
    const r = readSafetensors(bytes, { file: F });
    expect([...r.tensors.keys()]).toEqual(['__proto__', 'toString']);
    expect(Object.entries(r.metadata!)).toEqual([
      ['__proto__', 'x'],
      ['constructor', 'y'],
    ]);
    expectFormatError(() => readSafetensors(withHeader((h) => (h.w.dtype = 'toString')), { file: F }), F, 'tensor "w" dtype', /"toString" is not a safetensors dtype/);
    expectFormatError(() => readSafetensors(withHeader((h) => (h.w.dtype = 'hasOwnProperty')), { file: F }), F, 'tensor "w" dtype', /not a safetensors dtype/);
  });

  it('aligned (typed-array copy) and unaligned (DataView) data give identical values', () => {
    for (const name of ['tanh_ce_f32', 'relu_ce_f64'] as const) {
      const file = fixtureBytes(name, F); // fresh buffer, header padded to 8: the aligned path
      const shifted = new Uint8Array(file.length + 3);
      shifted.set(file, 3);
      const a = readSafetensors(file, { file: F });
      const b = readSafetensors(shifted.subarray(3), { file: F });
      for (const [k, t] of a.tensors) expect(b.tensors.get(k)!.values).toEqual(t.values);
    }
  });
});

describe('safetensors: every broken file is one FormatError naming the file, the field and the fix', () => {
  const good = fixtureBytes('tanh_ce_f32', F);
  const { headerText, data } = splitSafetensors(good);

  it('truncated before the 8-byte length', () => {
    expectFormatError(() => readSafetensors(good.subarray(0, 5), { file: F }), F, 'header length', /5 bytes, fewer than the 8-byte header length.*truncated/);
  });

  it('truncated inside the header: the header length is larger than the file', () => {
    expectFormatError(() => readSafetensors(good.subarray(0, 40), { file: F }), F, 'header length', /larger than the rest of the file \(32 bytes\).*truncated/);
  });

  it('truncated inside the data: the last tensor ends past the data', () => {
    const e = expectFormatError(() => readSafetensors(good.subarray(0, good.length - 10), { file: F }), F, /^tensor "4\.bias" data_offsets$/, /past the end of the data/);
    expect(e.fix).toMatch(/re-export/);
  });

  it('a lying header length (u64 far beyond the file, and beyond the 100 MB limit)', () => {
    const lying = good.slice();
    new DataView(lying.buffer).setBigUint64(0, 2n ** 64n - 1n, true);
    expectFormatError(() => readSafetensors(lying, { file: F }), F, 'header length', /18446744073709551615 bytes, over the format's 100,000,000-byte limit/);
    new DataView(lying.buffer).setBigUint64(0, BigInt(MAX_HEADER_BYTES), true);
    expectFormatError(() => readSafetensors(lying, { file: F }), F, 'header length', /larger than the rest of the file/);
  });

  it('header not UTF-8, not starting with "{", not JSON, not an object', () => {
    const bad = buildSafetensors('{}');
    bad[9] = 0xff; // '}' → an invalid UTF-8 byte
    expectFormatError(() => readSafetensors(bad, { file: F }), F, 'header', /not valid UTF-8/);
    expectFormatError(() => readSafetensors(buildSafetensors(` ${headerText}`, data), { file: F }), F, 'header', /must begin with '\{'/);
    expectFormatError(() => readSafetensors(buildSafetensors('{"a": 1,,}'), { file: F }), F, 'header', /not valid JSON/);
    expectFormatError(() => readSafetensors(buildSafetensors('{"a": 1}\n{"b": 2}'), { file: F }), F, 'header', /not valid JSON/);
    expectFormatError(() => readSafetensors(buildSafetensors('{"t": 1}'), { file: F }), F, 'tensor "t"', /must be an object \{"dtype", "shape", "data_offsets"\}, got 1/);
  });

  it('JSON parser messages quoting the header do not break the one-line rule', () => {
    const e = expectFormatError(() => readSafetensors(buildSafetensors('{"a\\nb":\n\n x}'), { file: F }), F, 'header');
    expect(e.message.length).toBeLessThanOrEqual(600);
  });

  it('duplicate tensor names (JSON.parse would silently keep the last) and duplicate fields', () => {
    const dup = '{"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"w":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}';
    expectFormatError(() => readSafetensors(buildSafetensors(dup, floatBytes([1, 2], 4)), { file: F }), F, 'header', /the key "w" appears twice.*unique name/);
    // The same key spelled with an escape is the same key.
    const escaped = dup.replace('},"w"', '},"\\u0077"');
    expectFormatError(() => readSafetensors(buildSafetensors(escaped, floatBytes([1, 2], 4)), { file: F }), F, 'header', /"w" appears twice/);
    const field = '{"w":{"dtype":"F16","dtype":"F32","shape":[1],"data_offsets":[0,4]}}';
    expectFormatError(() => readSafetensors(buildSafetensors(field, floatBytes([1], 4)), { file: F }), F, 'tensor "w"', /the key "dtype" appears twice/);
  });

  it.each(['dtype', 'shape', 'data_offsets'])('missing %s', (key) => {
    const bytes = withHeader((h) => delete h.w[key]);
    expectFormatError(() => readSafetensors(bytes, { file: F }), F, `tensor "w" ${key}`, /is missing; every tensor needs "dtype", "shape" and "data_offsets"/);
  });

  it.each([
    ['F16', 2],
    ['BF16', 2],
    ['I64', 8],
    ['F8_E4M3', 1],
  ])('unsupported dtype %s is refused naming the tensor, the dtype and the fix', (dtype, size) => {
    const bytes = buildSafetensors({ '0.weight': { dtype, shape: [2], data_offsets: [0, 2 * size] } }, new Uint8Array(2 * size));
    expectFormatError(() => readSafetensors(bytes, { file: F }), F, 'tensor "0.weight" dtype', new RegExp(`is ${dtype}; only F32 and F64 are read.*model\\.float\\(\\) or model\\.double\\(\\)`));
  });

  it('a dtype the format does not define, or not a string', () => {
    expectFormatError(() => readSafetensors(withHeader((h) => (h.w.dtype = 'float32')), { file: F }), F, 'tensor "w" dtype', /"float32" is not a safetensors dtype/);
    expectFormatError(() => readSafetensors(withHeader((h) => (h.w.dtype = 4)), { file: F }), F, 'tensor "w" dtype', /must be a string/);
  });

  it.each([
    [[-2, 3], /entry 0 is -2, not a non-negative integer/],
    [[2, 1.5], /entry 1 is 1.5, not a non-negative integer/],
    [[2, '3'], /entry 1 is "3"/],
    [[2, 1e300], /entry 1 is 1e\+300/],
    ['2x3', /must be an array of sizes/],
  ])('bad shape %j', (shape, pattern) => {
    expectFormatError(() => readSafetensors(withHeader((h) => (h.w.shape = shape)), { file: F }), F, 'tensor "w" shape', pattern);
  });

  it('shape × itemsize disagrees with the byte length', () => {
    expectFormatError(() => readSafetensors(withHeader((h) => (h.w.shape = [3, 3])), { file: F }), F, 'tensor "w" data_offsets', /\[0, 24\] spans 24 bytes, but shape \[3, 3\] of F32 needs 36/);
  });

  it('offsets: not a pair, negative, reversed, out of range, overlapping, leaving a hole, not covering the data', () => {
    const f = 'tensor "w" data_offsets';
    expectFormatError(() => readSafetensors(withHeader((h) => (h.w.data_offsets = [0])), { file: F }), F, f, /must be \[begin, end\]/);
    expectFormatError(() => readSafetensors(withHeader((h) => (h.w.data_offsets = [-24, 0])), { file: F }), F, f, /non-negative integers/);
    expectFormatError(() => readSafetensors(withHeader((h) => (h.w.data_offsets = [24, 0])), { file: F }), F, f, /begin 24 is after end 0/);
    expectFormatError(() => readSafetensors(withHeader((h) => (h.w.data_offsets = [40, 64])), { file: F }), F, f, /end 64 is past the end of the data \(48 bytes\)/);
    // w = [16, 40] overlaps b = [24, 48]; hole 0..15.
    expectFormatError(() => readSafetensors(withHeader((h) => (h.w.data_offsets = [16, 40])), { file: F }), F, f, /begin 16 leaves bytes 0\.\.15 of the data unused/);
    const overlap = buildSafetensors({ w: { dtype: 'F32', shape: [2, 3], data_offsets: [0, 24] }, b: { dtype: 'F64', shape: [3], data_offsets: [16, 40] } }, new Uint8Array(48));
    expectFormatError(() => readSafetensors(overlap, { file: F }), F, 'tensor "b" data_offsets', /\[16, 40\] overlaps the previous tensor, which ends at 24/);
    const { header, data: d } = twoTensors();
    const trailing = new Uint8Array(d.length + 8);
    trailing.set(d);
    expectFormatError(() => readSafetensors(buildSafetensors(header, trailing), { file: F }), F, 'data', /cover 48 of the 56 data bytes; 8 bytes after them belong to no tensor/);
  });

  it('huge shapes are refused against the budget before anything is allocated', () => {
    const huge = buildSafetensors({ w: { dtype: 'F64', shape: [2 ** 20, 2 ** 20, 2 ** 20], data_offsets: [0, 8] } }, new Uint8Array(8));
    expectFormatError(() => readSafetensors(huge, { file: F }), F, 'tensor "w" shape', /has 1\.153e\+18 elements, .* over the 1\.0 GiB budget/);
    // Within the format's own checks but over a small caller budget.
    const { header, data: d } = twoTensors();
    expectFormatError(() => readSafetensors(buildSafetensors(header, d), { file: F, maxBytes: 40 }), F, 'tensor "w" shape', /shape \[2, 3\] has 6\.000e\+0 elements, 48 B as float64, over the 40 B budget/);
    expectFormatError(() => readSafetensors(buildSafetensors(header, d), { file: F, maxBytes: 60 }), F, 'tensor "b"', /the tensors up to this one hold 9 values, 72 B as float64, over the 60 B budget/);
  });

  it('non-finite weights are refused naming the tensor and the index', () => {
    const bytes = buildSafetensors({ '2.weight': { dtype: 'F32', shape: [2, 3], data_offsets: [0, 24] } }, floatBytes([0, 1, 2, 3, NaN, 5], 4));
    expectFormatError(() => readSafetensors(bytes, { file: F }), F, 'tensor "2.weight"', /entry \[1, 1\] \(flat 4\) is NaN; the weights must be finite/);
    const inf = buildSafetensors({ b: { dtype: 'F64', shape: [2], data_offsets: [0, 16] } }, floatBytes([1, -Infinity], 8));
    expectFormatError(() => readSafetensors(inf, { file: F }), F, 'tensor "b"', /entry \[1\] is -Infinity/);
    // 3.5e38 overflows float32: written as F32 it becomes Infinity on disk.
    const over = buildSafetensors({ b: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } }, floatBytes([3.5e38], 4));
    expectFormatError(() => readSafetensors(over, { file: F }), F, 'tensor "b"', /is Infinity/);
  });

  it('__metadata__ must map strings to strings', () => {
    expectFormatError(() => readSafetensors(withHeader((h) => (h.__metadata__ = { epoch: 3 } as never)), { file: F }), F, '__metadata__ "epoch"', /must be a string, got 3/);
    expectFormatError(() => readSafetensors(withHeader((h) => (h.__metadata__ = ['pt'] as never)), { file: F }), F, '__metadata__', /must be an object of strings/);
  });

  it('hostile tensor names are quoted and cut, never printed raw', () => {
    const name = `evil\nname${'x'.repeat(500)}`;
    const bytes = buildSafetensors({ [name]: { dtype: 'F16', shape: [1], data_offsets: [0, 2] } }, new Uint8Array(2));
    const e = expectFormatError(() => readSafetensors(bytes, { file: F }), F, /^tensor "evil\\nnamex+…" dtype$/);
    expect(e.message.length).toBeLessThanOrEqual(600);
  });
});

describe('readSafetensorsFile: the file size is checked against the budget before reading', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hc-safetensors-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a 3 GiB (sparse) file is refused by its size without being read', () => {
    const path = join(dir, 'huge.safetensors');
    writeFileSync(path, '');
    truncateSync(path, 3 * 2 ** 30); // sparse: no disk used; reading it would take seconds and 3 GiB
    expectFormatError(() => readSafetensorsFile(path), path, 'file', /has 3\.0 GiB, over the 1\.0 GiB budget/);
    const good = fixturePath('tanh_ce_f32', F);
    expectFormatError(() => readSafetensorsFile(good, { maxBytes: 1000 }), good, 'file', /over the 1000 B budget/);
  });

  it('a missing path or a directory', () => {
    const missing = join(dir, 'nope.safetensors');
    expectFormatError(() => readSafetensorsFile(missing), missing, 'file', /cannot be read \(ENOENT\); check the path/);
    expectFormatError(() => readSafetensorsFile(dir), dir, 'file', /is not a regular file/);
  });

  it('a bad budget is a caller bug, not a FormatError', () => {
    expect(() => readSafetensorsFile(fixturePath('tanh_ce_f32', F), { maxBytes: -1 })).toThrow(/maxBytes must be a positive number/);
    expect(() => readSafetensorsFile(fixturePath('tanh_ce_f32', F), { maxBytes: -1 })).not.toThrow(FormatError);
  });
});
