/**
 * The two header helpers on their own: the duplicate-key scan of JSON text (safetensors) and
 * the Python-literal dict parser (.npy), against answers known by construction; plus a
 * round-trip property for the safetensors reader on random F32/F64 tensors laid out as the
 * reference writer does (offsets in order, header padded with spaces to a multiple of 8).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDuplicateKey } from '../../src/formats/duplicateKeys.js';
import { parseHeaderDict } from '../../src/formats/npyHeaderDict.js';
import { readSafetensors } from '../../src/formats/safetensors.js';
import { buildSafetensors } from './support.js';

describe('findDuplicateKey', () => {
  it('finds repeated keys at any depth, after unescaping, and names the enclosing keys', () => {
    expect(findDuplicateKey('{"a":1,"b":2}')).toBeNull();
    expect(findDuplicateKey('{"a":1,"a":2}')).toEqual({ key: 'a', path: [] });
    expect(findDuplicateKey('{"a":1,"\\u0061":2}')).toEqual({ key: 'a', path: [] });
    expect(findDuplicateKey('{"t":{"x":1,"y":{"z":1,"z":2}}}')).toEqual({ key: 'z', path: ['t', 'y'] });
    expect(findDuplicateKey('{"t":{"shape":[1,2]},"u":{"shape":[1,2]}}')).toBeNull();
  });

  it('strings that look like keys inside arrays or values are not keys; escaped quotes do not end strings', () => {
    expect(findDuplicateKey('{"a":["a","a"],"b":"a"}')).toBeNull();
    expect(findDuplicateKey('{"x\\"":1,"y":"\\"x\\":","x\\"":2}')).toEqual({ key: 'x"', path: [] });
    expect(findDuplicateKey('{"a":[{"k":1},{"k":1}]}')).toBeNull(); // different objects
    expect(findDuplicateKey('{"a":[{"k":1,"k":1}]}')).toEqual({ key: 'k', path: ['a'] });
  });

  it('agrees with a brute-force check on random flat objects with repeated keys', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', '"', '\\', 'é'), { maxLength: 6 }), (keys) => {
        const text = `{${keys.map((k, i) => `${JSON.stringify(k)}:${i}`).join(',')}}`;
        const firstRepeat = keys.find((k, i) => keys.indexOf(k) < i);
        const got = findDuplicateKey(text);
        expect(got?.key ?? null).toBe(firstRepeat ?? null);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe('parseHeaderDict (the .npy header subset of Python literals)', () => {
  const ok = (text: string) => {
    const r = parseHeaderDict(text);
    if (!r.ok) throw new Error(`${r.problem} at ${r.at}`);
    return Object.fromEntries(r.dict);
  };
  it('reads what np.save writes and its harmless variants', () => {
    expect(ok("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }          \n")).toEqual({ descr: '<f8', fortran_order: false, shape: [3, 4] });
    expect(ok("{'descr': '|u1', 'fortran_order': True, 'shape': (7,), }")).toEqual({ descr: '|u1', fortran_order: true, shape: [7] });
    expect(ok("{'shape': (), 'descr': \"<i8\", 'fortran_order': False}")).toEqual({ descr: '<i8', fortran_order: false, shape: [] });
    expect(ok("{'shape':(2L,3L,)}")).toEqual({ shape: [2, 3] });
    expect(ok("{'shape': (5)}")).toEqual({ shape: 5 }); // an int, as in Python
    expect(ok('{}')).toEqual({});
  });

  it.each([
    ['', 0, "expected '{'"],
    ['{', 1, "expected '}'"],
    ["{'a' 1}", 5, "expected ':'"],
    ["{'a': 1 'b': 2}", 8, "expected ',' or '}'"],
    ["{'a': (1, 2}", 11, "expected ',' or ')' in the tuple"],
    ["{'a': (1.5,)}", 8, "expected ',' or ')' in the tuple"],
    ["{'a': ('x',)}", 7, 'expected an integer in the tuple'],
    ["{'a': None}", 6, 'expected a string, True, False, an integer or a tuple'],
    ["{'a': 'unterminated}", 6, 'unterminated string'],
    ["{1: 2}", 1, 'expected a quoted key'],
    ["{'a': 1}}", 8, 'unexpected text after the dictionary'],
  ])('refuses %j at character %i: %s', (text, at, problem) => {
    expect(parseHeaderDict(text)).toEqual({ ok: false, at, problem });
  });
});

describe('property: random F32/F64 tensors laid out like the reference writer read back exactly', () => {
  const tensor = fc.record({
    dtype: fc.constantFrom('F32' as const, 'F64' as const),
    shape: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }),
    seed: fc.integer(),
  });
  it('values, shapes, dtypes and names survive', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 5 }), fc.array(tensor, { minLength: 5, maxLength: 5 }), (names, specs) => {
        fc.pre(!names.includes('__metadata__'));
        const header: Record<string, unknown> = { __metadata__: { format: 'pt' } };
        const chunks: Uint8Array[] = [];
        const expected = new Map<string, number[]>();
        let offset = 0;
        names.forEach((name, t) => {
          const { dtype, shape, seed } = specs[t];
          const n = shape.reduce((a, b) => a * b, 1);
          const size = dtype === 'F32' ? 4 : 8;
          const bytes = new Uint8Array(n * size);
          const dv = new DataView(bytes.buffer);
          const values: number[] = [];
          for (let i = 0; i < n; i++) {
            // Deterministic finite values spanning magnitudes; F32 ones rounded to float32 first.
            const v = Math.sin(seed + i) * 10 ** ((seed + 3 * i) % 7 - 3);
            const w = dtype === 'F32' ? Math.fround(v) : v;
            if (dtype === 'F32') dv.setFloat32(4 * i, w, true);
            else dv.setFloat64(8 * i, w, true);
            values.push(w);
          }
          header[name] = { dtype, shape, data_offsets: [offset, offset + bytes.length] };
          offset += bytes.length;
          chunks.push(bytes);
          expected.set(name, values);
        });
        let text = JSON.stringify(header);
        text += ' '.repeat((8 - (new TextEncoder().encode(text).length % 8)) % 8);
        const data = new Uint8Array(offset);
        let at = 0;
        for (const c of chunks) {
          data.set(c, at);
          at += c.length;
        }
        const r = readSafetensors(buildSafetensors(text, data), { file: 'random.safetensors' });
        expect(r.metadata).toEqual({ format: 'pt' });
        expect(new Set(r.tensors.keys())).toEqual(new Set(names));
        names.forEach((name, t) => {
          const got = r.tensors.get(name)!;
          expect(got.dtype).toBe(specs[t].dtype);
          expect(got.shape).toEqual(specs[t].shape);
          expect([...got.values]).toEqual(expected.get(name));
        });
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});
