/**
 * Property: whatever is done to a valid file — truncated at any offset, a header byte changed,
 * a dtype/shape/offset/descr token replaced (with the length prefix fixed up or not), the
 * length prefix overwritten, garbage appended or inserted — the reader either returns a
 * correct result or throws a FormatError. Never another exception type (a RangeError from a
 * typed array, a TypeError from a missing field), never an allocation past the budget
 * (counted by wrapping the typed-array constructors while the reader runs), never a hang (every
 * pass is linear; vitest's timeout would catch one).
 *
 * "Correct" for a result: every tensor/array holds product(shape) finite values; if the data
 * bytes were not touched and the dtypes are unchanged, the values in data order are exactly the
 * original ones. Changes of length (truncation, appended or inserted bytes) must always be refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../../src/formats/formatError.js';
import { readNpyFloat, readNpyLabels } from '../../src/formats/npy.js';
import { readSafetensors } from '../../src/formats/safetensors.js';
import { fixtureBytes, splitNpy, splitSafetensors, TORCH_FIXTURES } from './support.js';

/**
 * Budgets for the runs: "roomy" is above every fixture's needs (P = 474 → 3.8 KB; X 64×10 →
 * 5 KB) and far below what a mutated shape could ask; "tight" is a third of what the intact file
 * needs (as float64; labels take 4 bytes each, so a half would not show them), so every run must
 * be refused and a reader that allocated before checking would be seen.
 * (With the roomy budget the shape/offset/length checks alone bound allocation by the file size.)
 */
const ROOMY = 64 * 1024;
const tight = (need: number) => Math.floor(need / 3);

type Mutation =
  | { kind: 'none' }
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'append'; bytes: Uint8Array }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'length'; value: bigint }
  | { kind: 'token'; which: number; replacement: string; fixLength: boolean };

const TOKEN_REPLACEMENTS = ['F16', 'BF16', 'I64', 'F64', 'F32', 'f32', '', '0', '-1', '1.5', '"3"', '1e300', '4294967296', '9007199254740993', 'null', '[]', '[1,2,3]', '{}', '<f8', '>f8', '<f4', '|u1', '<i8', 'True', '(3,)', '(10, 10)', '()', "'x'"];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('append' as const), bytes: fc.uint8Array({ minLength: 1, maxLength: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
  fc.record({ kind: fc.constant('length' as const), value: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }) }),
  fc.record({
    kind: fc.constant('token' as const),
    which: fc.nat(),
    replacement: fc.oneof(fc.constantFrom(...TOKEN_REPLACEMENTS), fc.integer({ min: -5, max: 1 << 30 }).map(String), fc.string({ maxLength: 6 })),
    fixLength: fc.boolean(),
  }),
);

interface Applied {
  readonly bytes: Uint8Array;
  /** The length changed: the reader must refuse. */
  readonly mustFail: boolean;
  /** The data region (after the header) is byte-identical to the original's. */
  readonly dataIntact: boolean;
}

const enc = new TextEncoder();

/**
 * Applies a mutation to a file made of a prefix (magic/version/length: `prefixLen` bytes), a
 * header of `headerText`, and data. `rebuild` re-wraps edited header text with a fixed-up length.
 */
function apply(orig: Uint8Array, prefixLen: number, headerText: string, rebuild: (text: string) => Uint8Array, m: Mutation): Applied {
  const headerEnd = prefixLen + enc.encode(headerText).length;
  switch (m.kind) {
    case 'none':
      return { bytes: orig.slice(), mustFail: false, dataIntact: true };
    case 'truncate': {
      const at = Math.floor(m.at * (orig.length - 1)); // strictly shorter
      return { bytes: orig.slice(0, at), mustFail: true, dataIntact: false };
    }
    case 'flip': {
      // Within the prefix and header (where the structure lives); a byte that really changes.
      const at = Math.floor(m.at * (headerEnd - 1));
      const b = orig.slice();
      b[at] = m.byte === b[at] ? (m.byte + 1) & 0xff : m.byte;
      return { bytes: b, mustFail: false, dataIntact: at >= prefixLen };
    }
    case 'append': {
      const b = new Uint8Array(orig.length + m.bytes.length);
      b.set(orig);
      b.set(m.bytes, orig.length);
      return { bytes: b, mustFail: true, dataIntact: false };
    }
    case 'insert': {
      const at = Math.floor(m.at * orig.length);
      const b = new Uint8Array(orig.length + m.bytes.length);
      b.set(orig.subarray(0, at));
      b.set(m.bytes, at);
      b.set(orig.subarray(at), at + m.bytes.length);
      return { bytes: b, mustFail: true, dataIntact: false };
    }
    case 'length': {
      const b = orig.slice();
      const dv = new DataView(b.buffer);
      if (prefixLen === 10) dv.setUint16(8, Number(m.value & 0xffffn), true); // .npy 1.0: u16 at byte 8
      else dv.setBigUint64(0, m.value, true);
      return { bytes: b, mustFail: false, dataIntact: false };
    }
    case 'token': {
      // Replace the which-th value token (string, number or Python literal) of the header text.
      const tokens = [...headerText.matchAll(/"[^"]*"|'[^']*'|-?\d+(?:\.\d+)?(?:e[+-]?\d+)?|True|False|\([^)]*\)/g)];
      const t = tokens[m.which % tokens.length];
      const keepQuotes = /^["']/.test(t[0]) && !/^["'(\[{]|^-?\d/.test(m.replacement);
      const text = headerText.slice(0, t.index) + (keepQuotes ? `${t[0][0]}${m.replacement}${t[0][0]}` : m.replacement) + headerText.slice(t.index + t[0].length);
      if (m.fixLength) return { bytes: rebuild(text), mustFail: false, dataIntact: true };
      // Keep the old length prefix: a longer text runs into the data, a shorter one pulls data bytes into the header.
      const h = enc.encode(text);
      const data = orig.subarray(headerEnd);
      const b = new Uint8Array(prefixLen + h.length + data.length);
      b.set(orig.subarray(0, prefixLen));
      b.set(h, prefixLen);
      b.set(data, prefixLen + h.length);
      return { bytes: b, mustFail: false, dataIntact: h.length === headerEnd - prefixLen };
    }
  }
}

/** Runs `read` with Float64Array/Int32Array construction counted; returns the result or the error, and the bytes allocated. */
function countingAllocations<T>(read: () => T): { result?: T; error?: unknown; allocated: number } {
  const realF64 = globalThis.Float64Array;
  const realI32 = globalThis.Int32Array;
  let allocated = 0;
  const count = <C extends object>(bytesPer: number): ProxyHandler<C> => ({
    construct(target, args, newTarget) {
      if (typeof args[0] === 'number') allocated += args[0] * bytesPer;
      return Reflect.construct(target as unknown as new (...a: unknown[]) => object, args, newTarget) as object;
    },
  });
  globalThis.Float64Array = new Proxy(realF64, count<Float64ArrayConstructor>(8));
  globalThis.Int32Array = new Proxy(realI32, count<Int32ArrayConstructor>(4));
  try {
    return { result: read(), allocated };
  } catch (error) {
    return { error, allocated };
  } finally {
    globalThis.Float64Array = realF64;
    globalThis.Int32Array = realI32;
  }
}

function checkOutcome(outcome: { result?: unknown; error?: unknown; allocated: number }, applied: Applied, budget: number, verify: () => void, label: string): void {
  expect(outcome.allocated, `${label}: allocated ${outcome.allocated} bytes, budget ${budget}`).toBeLessThanOrEqual(budget);
  if (outcome.error !== undefined) {
    if (!(outcome.error instanceof FormatError)) throw new Error(`${label}: threw ${String(outcome.error)} instead of a FormatError`);
    expect(outcome.error.message).not.toMatch(/[\n\r]/);
    return;
  }
  if (applied.mustFail) throw new Error(`${label}: a file whose length changed was accepted`);
  verify();
}

const BUDGET_KINDS = ['roomy', 'tight'] as const;

describe('property: mutated safetensors files give a correct result or a FormatError', () => {
  const cases = TORCH_FIXTURES.filter((_, i) => i % 2 === 0 || i === 4).flatMap((name) => BUDGET_KINDS.map((b) => [name, b] as const));
  it.each(cases)('%s, %s budget', (name, budgetKind) => {
    const orig = fixtureBytes(name, 'model.safetensors');
    const { headerText } = splitSafetensors(orig);
    const headerEnd = 8 + enc.encode(headerText).length;
    const base = readSafetensors(orig, { file: name });
    const baseValues = [...base.tensors.values()].flatMap((t) => [...t.values]);
    const baseDtypes = [...base.tensors.values()].map((t) => t.dtype).join();
    const budget = budgetKind === 'roomy' ? ROOMY : tight(baseValues.length * 8);
    const rebuild = (text: string) => {
      const h = enc.encode(text);
      const b = new Uint8Array(8 + h.length + (orig.length - headerEnd));
      new DataView(b.buffer).setBigUint64(0, BigInt(h.length), true);
      b.set(h, 8);
      b.set(orig.subarray(headerEnd), 8 + h.length);
      return b;
    };
    fc.assert(
      fc.property(mutation, (m) => {
        const applied = apply(orig, 8, headerText, rebuild, m);
        const outcome = countingAllocations(() => readSafetensors(applied.bytes, { file: name, maxBytes: budget }));
        checkOutcome(outcome, applied, budget, () => {
          const r = outcome.result as ReturnType<typeof readSafetensors>;
          let total = 0;
          for (const t of r.tensors.values()) {
            expect(t.values.length).toBe(t.shape.reduce((a, b) => a * b, 1));
            for (const v of t.values) expect(Number.isFinite(v)).toBe(true);
            total += t.values.length;
          }
          expect(total * 8).toBeLessThanOrEqual(budget);
          const dtypes = [...r.tensors.values()].map((t) => t.dtype).join();
          if (applied.dataIntact && dtypes === baseDtypes && r.tensors.size === base.tensors.size) {
            const values = [...r.tensors.values()].flatMap((t) => [...t.values]);
            expect(values).toEqual(baseValues);
          }
        }, `${name} ${JSON.stringify(m, (_, v) => (typeof v === 'bigint' ? String(v) : v instanceof Uint8Array ? [...v] : v))}`);
      }),
      { seed: 20250917, numRuns: 600 },
    );
  });
});

describe('property: mutated .npy files give a correct result or a FormatError', () => {
  const files: [string, 'tanh_ce_f32' | 'tanh_mse_f64' | 'relu_ce_f64', string, 'float' | 'labels'][] = [
    ['X <f4', 'tanh_ce_f32', 'X.npy', 'float'],
    ['targets <f8', 'tanh_mse_f64', 'targets.npy', 'float'],
    ['labels <i8', 'relu_ce_f64', 'y.npy', 'labels'],
  ];
  const cases = files.flatMap(([label, ...rest]) => BUDGET_KINDS.map((b) => [label, b, ...rest] as const));
  it.each(cases)('%s, %s budget', (_label, budgetKind, name, file, role) => {
    const orig = fixtureBytes(name, file);
    const { dict, data } = splitNpy(orig);
    const headerEnd = orig.length - data.length;
    const headerText = new TextDecoder('latin1').decode(orig.subarray(10, headerEnd));
    const rebuild = (text: string) => {
      const h = enc.encode(text);
      const b = new Uint8Array(10 + h.length + data.length);
      b.set(orig.subarray(0, 8));
      new DataView(b.buffer).setUint16(8, Math.min(h.length, 0xffff), true);
      b.set(h, 10);
      b.set(data, 10 + h.length);
      return b;
    };
    let budget = ROOMY;
    const read = (bytes: Uint8Array) =>
      role === 'float' ? readNpyFloat(bytes, { file, maxBytes: budget, ndim: [1, 2] }) : readNpyLabels(bytes, { file, maxBytes: budget, classes: 3 });
    const base = read(orig);
    const baseValues = [...base.values];
    // The reader budgets 8 bytes per element (float64) whatever the role.
    if (budgetKind === 'tight') budget = tight(baseValues.length * 8);
    expect(dict.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(mutation, (m) => {
        const applied = apply(orig, 10, headerText, rebuild, m);
        const outcome = countingAllocations(() => read(applied.bytes));
        checkOutcome(outcome, applied, budget, () => {
          const r = outcome.result as ReturnType<typeof read>;
          expect(r.values.length).toBe(r.shape.reduce((a, b) => a * b, 1));
          for (const v of r.values) expect(Number.isFinite(v)).toBe(true);
          if (applied.dataIntact && r.header.type === base.header.type) expect([...r.values]).toEqual(baseValues);
        }, `${file} ${JSON.stringify(m, (_, v) => (typeof v === 'bigint' ? String(v) : v instanceof Uint8Array ? [...v] : v))}`);
      }),
      { seed: 20250917, numRuns: 600 },
    );
  });
});
