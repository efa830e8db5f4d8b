/**
 * The .npy reader on files numpy wrote (test/fixtures/torch/*: X.npy, y.npy, targets.npy via
 * np.save) and on broken or unusual variants derived from them here (format versions 2.0 and
 * 3.0, old 16-byte alignment, Python 2 'L' suffixes, big-endian, Fortran order, truncation…).
 * First/last rows are compared exactly (Python's float repr round-trips); the sum against
 * math.fsum (exact) within N·eps·Σ|x|, the bound of recursive summation in float64.
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readNpyFloat, readNpyFloatFile, readNpyHeader, readNpyLabels, readNpyLabelsFile } from '../../src/formats/npy.js';
import { buildNpy, expectFormatError, fixtureBytes, fixturePath, floatBytes, loadReference, splitNpy, TORCH_FIXTURES } from './support.js';

const EPS = 2 ** -52;
const X = 'X.npy';
const Y = 'y.npy';

function int64Bytes(values: readonly bigint[]): Uint8Array {
  const out = new Uint8Array(values.length * 8);
  const dv = new DataView(out.buffer);
  values.forEach((v, i) => dv.setBigInt64(8 * i, v, true));
  return out;
}

describe('npy: files numpy wrote (np.save, format 1.0)', () => {
  it.each(TORCH_FIXTURES)('%s: X (2-D float), labels or targets, as numpy wrote them', (name) => {
    const ref = loadReference(name);
    const x = readNpyFloatFile(fixturePath(name, X), { ndim: [2], role: 'X' });
    expect(x.shape).toEqual(ref.values.X.shape);
    expect(x.header.descr).toBe(ref.values.X.dtype);
    expect(x.header.version).toBe('1.0');
    const [n, d] = x.shape;
    expect([...x.values.subarray(0, d)]).toEqual(ref.values.X.first);
    expect([...x.values.subarray((n - 1) * d)]).toEqual(ref.values.X.last);
    let s = 0;
    let abs = 0;
    for (const v of x.values) {
      s += v;
      abs += Math.abs(v);
    }
    expect(Math.abs(s - ref.values.X.sum)).toBeLessThanOrEqual(x.values.length * EPS * abs);

    if (ref.values.labels) {
      const y = readNpyLabelsFile(fixturePath(name, Y), { classes: ref.config.outputs });
      expect(y.header.descr).toBe('<i8');
      expect(y.shape).toEqual(ref.values.labels.shape);
      expect([...y.values.subarray(0, 10)]).toEqual(ref.values.labels.first);
      const counts = new Array(ref.config.outputs).fill(0);
      for (const c of y.values) counts[c]++;
      expect(counts).toEqual(ref.values.labels.counts);
    } else {
      const t = readNpyFloatFile(fixturePath(name, 'targets.npy'), { ndim: [2], role: 'targets' });
      expect(t.shape).toEqual(ref.values.targets!.shape);
      expect([...t.values.subarray(0, t.shape[1])]).toEqual(ref.values.targets!.first);
      expect([...t.values.subarray(t.values.length - t.shape[1])]).toEqual(ref.values.targets!.last);
    }
  });
});

describe('npy: other valid encodings of the same array', () => {
  const good = fixtureBytes('tanh_mse_f64', X);
  const { dict, data } = splitNpy(good);
  const expected = readNpyFloat(good, { file: X }).values;

  it.each([
    [2, 64],
    [3, 64],
    [1, 16],
  ])('format version %i.0, data aligned to %i bytes', (version, align) => {
    const r = readNpyFloat(buildNpy(dict, data, version, align), { file: X });
    expect(r.header.version).toBe(`${version}.0`);
    expect(r.values).toEqual(expected);
  });

  it("Python 2 writers' 'L' suffixes, double quotes, tabs and no trailing comma", () => {
    const py2 = "{'descr': '<f8', 'fortran_order': False, 'shape': (30L, 4L), }";
    expect(readNpyFloat(buildNpy(py2, data), { file: X }).values).toEqual(expected);
    const odd = '{"shape":\t(30, 4),"fortran_order":False,"descr":"<f8"}';
    expect(readNpyFloat(buildNpy(odd, data), { file: X }).values).toEqual(expected);
  });

  it('a format 3.0 header may hold UTF-8 (here in padding-free spacing) and is decoded as UTF-8', () => {
    // A non-ASCII character is legal only in 3.0; we put it in an unused spot: a value is not
    // allowed to carry it, so this checks the decoder, then the parser's refusal.
    const r = buildNpy("{'descr': '<f8', 'fortran_order': False, 'shape': (30, 4), 'é': 1}", data, 3);
    expectFormatError(() => readNpyFloat(r, { file: X }), X, 'header', /keys "descr", "fortran_order", "shape", "é"/);
  });

  it('fortran_order True is accepted for 1-D (same bytes as C order); uint8 and int32 labels', () => {
    const oneD = buildNpy("{'descr': '<f4', 'fortran_order': True, 'shape': (3,), }", floatBytes([1, 2, 3], 4));
    expect([...readNpyFloat(oneD, { file: X, ndim: [1] }).values]).toEqual([1, 2, 3]);
    const u8 = buildNpy("{'descr': '|u1', 'fortran_order': False, 'shape': (4,), }", new Uint8Array([0, 2, 1, 2]));
    expect([...readNpyLabels(u8, { file: Y, classes: 3 }).values]).toEqual([0, 2, 1, 2]);
    const i4 = new Uint8Array(8);
    new DataView(i4.buffer).setInt32(4, 7, true);
    expect([...readNpyLabels(buildNpy("{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }", i4), { file: Y }).values]).toEqual([0, 7]);
  });

  it('an empty array (N = 0) reads as empty', () => {
    const r = readNpyFloat(buildNpy("{'descr': '<f8', 'fortran_order': False, 'shape': (0, 4), }", new Uint8Array(0)), { file: X });
    expect(r.shape).toEqual([0, 4]);
    expect(r.values.length).toBe(0);
  });
});

describe('npy: every broken file is one FormatError naming the file, the field and the fix', () => {
  const good = fixtureBytes('tanh_mse_f64', X);
  const { data } = splitNpy(good);
  const hdr = (descr: string, shape: string, fortran = 'False') => `{'descr': '${descr}', 'fortran_order': ${fortran}, 'shape': ${shape}, }`;

  it('not a .npy file, or truncated before the header', () => {
    expectFormatError(() => readNpyFloat(new TextEncoder().encode('x,y\n1,2\n'), { file: X }), X, 'magic', /does not begin with "\\x93NUMPY".*not a \.npy file/);
    expectFormatError(() => readNpyFloat(good.subarray(0, 7), { file: X }), X, 'magic', /7 bytes, too few/);
  });

  it('unknown version, header length past the file or over NumPy\'s limit', () => {
    const v4 = good.slice();
    v4[6] = 4;
    expectFormatError(() => readNpyFloat(v4, { file: X }), X, 'version', /4\.0 is not a \.npy format version/);
    expectFormatError(() => readNpyFloat(good.subarray(0, 40), { file: X }), X, 'header length', /118 bytes, more than the 30 bytes left in the file.*truncated/);
    const big = buildNpy(hdr('<f8', '(30, 4)') + ' '.repeat(20_000), data, 2);
    expectFormatError(() => readNpyFloat(big, { file: X }), X, 'header length', /over NumPy's own 10,000-byte limit/);
    const v2 = buildNpy(hdr('<f8', '(30, 4)'), data, 2);
    new DataView(v2.buffer).setUint32(8, 0xffffffff, true);
    expectFormatError(() => readNpyFloat(v2, { file: X }), X, 'header length', /4294967295 bytes/);
  });

  it.each([
    ["{'descr': '<f8', 'fortran_order': False, 'shape': (30, 4), ", /character \d+: expected '}'/],
    ["['descr', '<f8']", /character 0: expected '\{'/],
    ["{'descr': '<f8', 'fortran_order': False, 'shape': (30, 4), 'shape': (30, 4)}", /the key 'shape' appears twice/],
    ["{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (30,)}", /lists are not supported \(a structured dtype\?\)/],
    ["{'descr': '<f8', 'fortran_order': False, 'shape': (30, 4)} junk", /unexpected text after the dictionary/],
    ["{'descr': '<f\\x38', 'fortran_order': False, 'shape': (30, 4)}", /escapes and line breaks/],
    ["{'descr': '<f8', 'fortran_order': 0 if 1 else 1, 'shape': (30, 4)}", /expected ',' or '}'/],
    ["{'descr': '<f8', 'fortran_order': False, 'shape': (30, 1_000)}", /expected ',' or '\)' in the tuple/],
    ["{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999, 4)}", /integer 99999999999999999999 is too large/],
  ])('header %s is refused', (dict, pattern) => {
    expectFormatError(() => readNpyFloat(buildNpy(dict, data), { file: X }), X, 'header', pattern);
  });

  it('wrong keys, non-bool fortran_order, shape not a tuple, negative sizes', () => {
    expectFormatError(() => readNpyFloat(buildNpy("{'descr': '<f8', 'shape': (30, 4)}", data), { file: X }), X, 'header', /has keys "descr", "shape"; a \.npy header has exactly/);
    expectFormatError(() => readNpyFloat(buildNpy(hdr('<f8', '(30, 4)', '1'), data), { file: X }), X, 'fortran_order', /must be True or False, got 1/);
    expectFormatError(() => readNpyFloat(buildNpy(hdr('<f8', '(120)'), data), { file: X }), X, 'shape', /must be a tuple of sizes such as \(N, d\), got 120/);
    expectFormatError(() => readNpyFloat(buildNpy(hdr('<f8', '(-30, -4)'), data), { file: X }), X, 'shape', /\(-30, -4\) has a negative size/);
  });

  it('fortran_order True for a 2-D array: refused with np.ascontiguousarray', () => {
    expectFormatError(() => readNpyFloat(buildNpy(hdr('<f8', '(30, 4)', 'True'), data), { file: X }), X, 'fortran_order', /is True \(column-major data\); only C order is read; save a C-ordered copy: np\.save\(path, np\.ascontiguousarray\(a\)\)/);
  });

  it('big-endian, native-order and unsupported dtypes', () => {
    expectFormatError(() => readNpyFloat(buildNpy(hdr('>f8', '(30, 4)'), data), { file: X }), X, 'descr', /">f8" is big-endian; only little-endian data is read; convert it: .*newbyteorder\('<'\)/);
    expectFormatError(() => readNpyFloat(buildNpy(hdr('=f8', '(30, 4)'), data), { file: X }), X, 'descr', /does not state little-endian byte order/);
    expectFormatError(() => readNpyFloat(buildNpy(hdr('|f8', '(30, 4)'), data), { file: X }), X, 'descr', /does not state little-endian/);
    expectFormatError(() => readNpyFloat(buildNpy(hdr('<f2', '(30, 8)'), data), { file: X }), X, 'descr', /"<f2" is not read.*astype\(np\.float64\)/);
    expectFormatError(() => readNpyFloat(buildNpy(hdr('|O', '(30, 4)'), data), { file: X }), X, 'descr', /"\|O" is not read/);
    expectFormatError(() => readNpyFloat(buildNpy(hdr('<c16', '(15, 4)'), data), { file: X }), X, 'descr', /"<c16" is not read/);
    expectFormatError(() => readNpyFloat(buildNpy(hdr('<i8', '(30, 4)'), data), { file: X, role: 'X' }), X, 'descr', /is "<i8"; X must be float32 or float64; save it as floats/);
    expectFormatError(() => readNpyLabels(buildNpy(hdr('<f8', '(120,)'), data), { file: Y }), Y, 'descr', /is "<f8"; labels must be integers.*astype\(np\.int64\)/);
  });

  it('the wrong number of dimensions for the role', () => {
    expectFormatError(() => readNpyFloat(buildNpy(hdr('<f8', '(120,)'), data), { file: X, ndim: [2], role: 'X (inputs, N×d)' }), X, 'shape', /\(120,\) has 1 dimension; X \(inputs, N×d\) must be 2-D; reshape it/);
    expectFormatError(() => readNpyLabels(buildNpy(hdr('<i8', '(30, 2)'), data.subarray(0, 480)), { file: Y }), Y, 'shape', /\(30, 2\) has 2 dimensions; labels must be 1-D; reshape it, e\.g\. .*y\.reshape\(-1\)/);
    expectFormatError(() => readNpyFloat(buildNpy(hdr('<f8', '()'), data.subarray(0, 8)), { file: X }), X, 'shape', /\(\) has 0 dimensions; the array must be 1-D or 2-D/);
  });

  it('data shorter or longer than the shape says', () => {
    expectFormatError(() => readNpyFloat(good.subarray(0, good.length - 1), { file: X }), X, 'data', /has 959 bytes, but shape \(30, 4\) of "<f8" needs 960; the file is truncated/);
    const longer = new Uint8Array(good.length + 8);
    longer.set(good);
    expectFormatError(() => readNpyFloat(longer, { file: X }), X, 'data', /has 8 bytes after the 960 that shape \(30, 4\) needs/);
    expectFormatError(() => readNpyFloat(buildNpy(hdr('<f8', '(29, 4)'), data), { file: X }), X, 'data', /32 bytes after the 928/);
  });

  it('huge shapes are refused against the budget before allocating', () => {
    expectFormatError(() => readNpyFloat(buildNpy(hdr('<f8', '(4294967296, 4294967296)'), data), { file: X }), X, 'shape', /has 1\.845e\+19 elements, .* over the 1\.0 GiB budget/);
    expectFormatError(() => readNpyHeader(good, { file: X, maxBytes: 900 }), X, 'shape', /shape \(30, 4\) has 1\.200e\+2 elements, 960 B as float64, over the 900 B budget/);
  });

  it('NaN or Inf in X, labels out of range, int64 labels beyond 2^53', () => {
    const withNaN = data.slice();
    new DataView(withNaN.buffer).setFloat64(8 * 9, NaN, true);
    expectFormatError(() => readNpyFloat(buildNpy(hdr('<f8', '(30, 4)'), withNaN), { file: X, role: 'X' }), X, 'data', /entry \[2, 1\] \(flat 9\) is NaN; X must be finite/);
    const inf = floatBytes([1, Infinity], 4);
    expectFormatError(() => readNpyFloat(buildNpy(hdr('<f4', '(2,)'), inf), { file: X }), X, 'data', /entry \[1\] is Infinity/);
    const labels = (vs: bigint[]) => buildNpy(hdr('<i8', `(${vs.length},)`), int64Bytes(vs));
    expectFormatError(() => readNpyLabels(labels([0n, 1n, 3n]), { file: Y, classes: 3 }), Y, 'data', /entry \[2\] is 3, outside 0\.\.2 \(3 classes\); labels must be class indices 0\.\.k−1/);
    expectFormatError(() => readNpyLabels(labels([0n, -1n]), { file: Y }), Y, 'data', /entry \[1\] is -1, outside 0\.\.2\^31−1/);
    expectFormatError(() => readNpyLabels(labels([2n ** 53n + 1n]), { file: Y }), Y, 'data', /entry \[0\] is beyond ±2\^53/);
    expectFormatError(() => readNpyLabels(labels([-(2n ** 62n)]), { file: Y }), Y, 'data', /beyond ±2\^53/);
    expectFormatError(() => readNpyLabels(labels([2n ** 40n]), { file: Y }), Y, 'data', /is 1099511627776, outside 0\.\.2\^31−1/);
    // u8 with the top bit set is a huge positive number, not a negative one.
    const u8 = buildNpy(hdr('<u8', '(1,)'), int64Bytes([-1n]));
    expectFormatError(() => readNpyLabels(u8, { file: Y }), Y, 'data', /beyond ±2\^53/);
  });
});

describe('npy: files on disk are size-checked before reading', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hc-npy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a 2 GiB sparse file, a missing file', () => {
    const path = join(dir, 'huge.npy');
    writeFileSync(path, '');
    truncateSync(path, 2 * 2 ** 30);
    expectFormatError(() => readNpyFloatFile(path), path, 'file', /has 2\.0 GiB, over the 1\.0 GiB budget/);
    expectFormatError(() => readNpyLabelsFile(join(dir, 'y.npy')), join(dir, 'y.npy'), 'file', /ENOENT/);
  });
});
