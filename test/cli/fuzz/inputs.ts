/**
 * Inputs for the command-line fuzz (./fuzz.test.ts): valid configurations (teacher–student and
 * "mlp", with weights and data inline or in .safetensors/.npy files), samples files, report
 * inputs and flags for every command, and the mutations that break them — wrong JSON types at
 * every path, non-finite and extreme numbers (1e308, -0, 1e-320, 1e400), unknown and misspelt
 * keys and flags, huge sizes, truncated, bit-flipped, binary and deeply nested files, binary
 * headers that lie about their sizes. A case is data (argv with file references, file
 * contents), so a failing case can be stored in the corpus (./corpus/) and replayed.
 *
 * Nothing here writes outside the case's own temporary folder: flags that name an output
 * (--out, --svg, --markdown) always point into it ("@name") and are never mutated, and the
 * conform subject is one of a few fixed commands (a mutated shell command could do anything).
 */
import fc from 'fast-check';

/** A file the case writes before running: JSON-able text, or bytes (base64) for binary junk. */
export interface CaseFile {
  readonly name: string;
  readonly text?: string;
  readonly base64?: string;
}

export interface FuzzCase {
  /** The command (and subcommand) the case is about, for grouping and messages. */
  readonly command: string;
  /** Arguments; "@name" is replaced by the path of `name` in the case's temporary folder (written when it is one of `files`). */
  readonly argv: readonly string[];
  readonly files: readonly CaseFile[];
}

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

// ------------------------------------------------------------------ junk

/** Numbers that break naive code: overflow, underflow, signed zero, non-integers where integers belong, huge sizes. */
const extremeNumber = fc.constantFrom(1e308, -1e308, -0, 1e-320, 5e-324, 0, -1, 0.5, 1.5, 2 ** 31, 2 ** 53, 1e6, 1e9, 1e15, 1e200, -1e200, 3);

function nested(depth: number, leaf: Json): Json {
  let v: Json = leaf;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** A JSON value of the wrong type, shape or size. */
const junkValue: fc.Arbitrary<Json> = fc.oneof(
  extremeNumber,
  fc.string({ maxLength: 8 }),
  fc.constantFrom<Json>(null, true, false, [], {}, '', '1', 'NaN', [1, 'x'], [[1], [1, 2]], { W: [[1]] }),
  fc.integer({ min: 1, max: 60 }).map((d) => nested(d, 1)),
  fc.array(fc.double({ noNaN: true }), { maxLength: 4 }),
);

/** Misspellings of a key: a typo a person makes. */
export function misspell(key: string): fc.Arbitrary<string> {
  return fc.constantFrom(key.toUpperCase(), `${key}_`, key.replace(/(\d)/, '_$1'), key.slice(0, -1), `${key}s`, key.length > 1 ? key[1] + key[0] + key.slice(2) : `${key}${key}`);
}

const OTHER_KEYS = ['sigma_1', 'whitten', 'seeds', 'Nx', 'layers', 'W', 'depth', 'student', 'studentOffset', 'zeroOutputWeights', 'family', 'activation', '$schema', '__proto__', 'constructor', 'weights', 'hidden', 'bias', 'parameters', 'data', 'labels', 'targets', 'reduction', 'loss', 'outputs'];

// ------------------------------------------------------------------ configurations

const activation = fc.constantFrom<Json>('erf', 'tanh', 'relu', 'identity', 'sigmoid', 'softplus', 'z^2', 'z^3', { polynomial: [0, 1, 0.5] });
const small = (max: number) => fc.integer({ min: 1, max });
const smallNumber = fc.double({ min: -2, max: 2, noNaN: true });
const matrixOf = (rows: number, cols: number) => fc.array(fc.array(smallNumber, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

const generatedTwoLayer: fc.Arbitrary<Json> = fc.record(
  {
    family: fc.constant('two-layer'),
    activation,
    Ni: small(5),
    Nh: small(5),
    N: small(12),
    seed: fc.integer({ min: 0, max: 1000 }),
    sigma1: fc.double({ min: 0, max: 3, noNaN: true }),
    sigma2: fc.double({ min: 0, max: 3, noNaN: true }),
    studentOffset: fc.constantFrom(0, 0.01, 0.3),
  },
  { requiredKeys: ['family', 'activation', 'Ni', 'Nh', 'N', 'seed'] },
);

const generatedDeepLinear: fc.Arbitrary<Json> = fc.record(
  { family: fc.constant('deep-linear'), Ni: small(4), Nh: small(4), N: small(10), seed: fc.integer({ min: 0, max: 1000 }), depth: fc.integer({ min: 2, max: 4 }), studentOffset: fc.constantFrom(0, 0.1) },
  { requiredKeys: ['family', 'Ni', 'Nh', 'N', 'seed'] },
);

const explicitTwoLayer: fc.Arbitrary<Json> = fc
  .record({ Ni: small(3), Nh: small(3), N: small(6), student: fc.boolean() })
  .chain(({ Ni, Nh, N, student }) =>
    fc.record({
      family: fc.constant('two-layer'),
      activation,
      W: matrixOf(Nh, Ni),
      a: fc.array(smallNumber, { minLength: Nh, maxLength: Nh }),
      X: matrixOf(N, Ni),
      ...(student ? { student: fc.record({ W: matrixOf(Nh, Ni), a: fc.array(smallNumber, { minLength: Nh, maxLength: Nh }) }) } : {}),
    }),
  ) as fc.Arbitrary<Json>;

const explicitDeepLinear: fc.Arbitrary<Json> = fc
  .record({ Ni: small(3), n1: small(3), N: small(6) })
  .chain(({ Ni, n1, N }) => fc.record({ family: fc.constant('deep-linear'), layers: fc.tuple(matrixOf(n1, Ni), matrixOf(1, n1)), X: matrixOf(N, Ni) })) as fc.Arbitrary<Json>;

export const validConfig = fc.oneof(generatedTwoLayer, generatedDeepLinear, explicitTwoLayer, explicitDeepLinear);

// ------------------------------------------------------------------ JSON mutations

function paths(v: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

function clone(v: Json): Json {
  return JSON.parse(JSON.stringify(v)) as Json;
}

function setAt(root: Json, path: (string | number)[], value: Json | undefined): Json {
  if (path.length === 0) return value === undefined ? {} : value;
  const copy = clone(root);
  let node = copy as Record<string | number, Json>;
  for (const p of path.slice(0, -1)) node = node[p] as Record<string | number, Json>;
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else if (typeof last === 'string' && (last === '__proto__' || last === 'constructor')) {
    Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  } else node[last] = value;
  return copy;
}

type JsonMutation = (v: Json) => fc.Arbitrary<Json>;

const replaceSomewhere: JsonMutation = (v) => fc.tuple(fc.constantFrom(...paths(v)), junkValue).map(([p, j]) => setAt(v, p, j));
const deleteSomewhere: JsonMutation = (v) => {
  const ps = paths(v).filter((p) => p.length > 0);
  return ps.length ? fc.constantFrom(...ps).map((p) => setAt(v, p, undefined)) : fc.constant(v);
};
const addKey: JsonMutation = (v) => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return fc.constant(v);
  const keys = Object.keys(v);
  const key = fc.oneof(fc.constantFrom(...OTHER_KEYS), keys.length ? fc.constantFrom(...keys).chain(misspell) : fc.constant('x'), fc.string({ minLength: 1, maxLength: 6 }));
  return fc.tuple(key, fc.oneof(junkValue, fc.integer({ min: 0, max: 5 }))).map(([k, j]) => setAt(v, [k], j));
};
const SIZE_KEYS = ['Ni', 'Nh', 'N', 'inputDim', 'outputs', 'depth'];
const hugeSize: JsonMutation = (v) => {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return fc.constant(v);
  const keys = SIZE_KEYS.filter((k) => k in v);
  const huge = fc.constantFrom(60, 300, 2000, 20000, 100000, 1000000, 1e9);
  if ('hidden' in v) return fc.tuple(huge, fc.integer({ min: 1, max: 3 })).map(([n, d]) => setAt(v, ['hidden'], Array.from({ length: d }, () => n)));
  if (!keys.length) return fc.constant(v);
  const one = fc.tuple(fc.constantFrom(...keys), huge).map(([k, n]) => setAt(v, [k], n));
  // Ni = Nh = 60 (P = 3660): small to draw, too big for the dense routes under the fuzz's budgets.
  if (!('Ni' in v && 'Nh' in v)) return one;
  return fc.oneof(one, fc.constantFrom(30, 60).map((n) => setAt(setAt(v, ['Ni'], n), ['Nh'], n)));
};

export function mutatedJson(base: Json): fc.Arbitrary<Json> {
  const one = (v: Json) => fc.oneof(replaceSomewhere(v), deleteSomewhere(v), addKey(v), hugeSize(v));
  const count = fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 3 }) });
  return count.chain((n) => {
    let arb: fc.Arbitrary<Json> = fc.constant(base);
    for (let i = 0; i < n; i++) arb = arb.chain(one);
    return arb;
  });
}

// ------------------------------------------------------------------ text-level mutations

/** A file's content: the JSON as text, or text broken below the JSON level. */
export function fileContent(name: string, value: Json): fc.Arbitrary<CaseFile> {
  const text = JSON.stringify(value);
  return fc.oneof(
    { weight: 15, arbitrary: fc.constant<CaseFile>({ name, text }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: Math.max(0, text.length - 1) }).map((k): CaseFile => ({ name, text: text.slice(0, k) })) },
    { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 64 }).map((b): CaseFile => ({ name, base64: Buffer.from(b).toString('base64') })) },
    { weight: 1, arbitrary: fc.constantFrom('1e400', '-1e400', 'NaN', 'Infinity', '-0', '1e-400').map((lit): CaseFile => ({ name, text: text.replace(/-?\d+(\.\d+)?(e[+-]?\d+)?/, lit) })) },
    { weight: 1, arbitrary: fc.constantFrom(10, 1000, 100000).map((d): CaseFile => ({ name, text: `${'['.repeat(d)}1${']'.repeat(d)}` })) },
    { weight: 1, arbitrary: fc.constantFrom('', '\uFEFF' + text, `${text}${text}`, `{"family": "two-layer", "family": "deep-linear"}`, `${text}\u0000`).map((t): CaseFile => ({ name, text: t })) },
  );
}

// ------------------------------------------------------------------ binary files (.safetensors, .npy)

const enc = new TextEncoder();
const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

function floatBytes(values: readonly number[], bytesPer: 4 | 8): Uint8Array {
  const out = new Uint8Array(values.length * bytesPer);
  const dv = new DataView(out.buffer);
  values.forEach((v, i) => (bytesPer === 8 ? dv.setFloat64(8 * i, v, true) : dv.setFloat32(4 * i, v, true)));
  return out;
}

function int64Bytes(values: readonly number[]): Uint8Array {
  const out = new Uint8Array(values.length * 8);
  const dv = new DataView(out.buffer);
  values.forEach((v, i) => dv.setBigInt64(8 * i, BigInt(v), true));
  return out;
}

/** A safetensors file: u64 little-endian header length (or `length`), the header JSON, the data. */
function safetensorsBytes(headerText: string, data: Uint8Array, length?: bigint): Uint8Array {
  const h = enc.encode(headerText);
  const out = new Uint8Array(8 + h.length + data.length);
  new DataView(out.buffer).setBigUint64(0, length ?? BigInt(h.length), true);
  out.set(h, 8);
  out.set(data, 8 + h.length);
  return out;
}

/** A .npy file (format 1.0, as np.save writes it): magic, version, u16 header length, the dict padded to 64 bytes, the data. */
function npyBytes(dict: string, data: Uint8Array): Uint8Array {
  const total = 10 + dict.length + 1;
  const padded = `${dict}${' '.repeat((64 - (total % 64)) % 64)}\n`;
  const h = enc.encode(padded);
  const out = new Uint8Array(10 + h.length + data.length);
  out.set([0x93, ...enc.encode('NUMPY'), 1, 0], 0);
  new DataView(out.buffer).setUint16(8, h.length, true);
  out.set(h, 10);
  out.set(data, 10 + h.length);
  return out;
}

function npyDict(descr: string, shape: readonly number[]): string {
  return `{'descr': '${descr}', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
}

/** Byte-level damage: truncation, a flipped byte, appended junk, random bytes, nothing at all. */
function damagedBytes(bytes: Uint8Array): fc.Arbitrary<Uint8Array> {
  const n = bytes.length;
  return fc.oneof(
    { weight: 12, arbitrary: fc.constant(bytes) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: Math.max(0, n - 1) }).map((k) => bytes.slice(0, k)) },
    {
      weight: 2,
      arbitrary: fc.tuple(fc.integer({ min: 0, max: Math.max(0, n - 1) }), fc.integer({ min: 1, max: 255 })).map(([i, x]) => {
        const c = bytes.slice();
        if (n) c[i] ^= x;
        return c;
      }),
    },
    { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 16 }).map((junk) => new Uint8Array([...bytes, ...junk])) },
    { weight: 1, arbitrary: fc.uint8Array({ minLength: 0, maxLength: 64 }) },
  );
}

/** The dtype/shape lies a .npy header can tell. */
const npyHeaderLie = fc.constantFrom<(shape: number[]) => string>(
  (s) => npyDict('<f2', s),
  (s) => npyDict('>f8', s),
  (s) => npyDict('<c16', s),
  (s) => npyDict('|b1', s),
  (s) => npyDict('<U4', s),
  (s) => npyDict('|O', s),
  (s) => npyDict('<f8', [100000000, ...s.slice(1)]),
  (s) => npyDict('<f8', [2 ** 31, 2 ** 31]),
  (s) => npyDict('<f8', [...s, 1, 1]),
  (s) => npyDict('<f8', []),
  (s) => npyDict('<f8', [0, ...s.slice(1)]),
  (s) => npyDict('<f8', s).replace('False', 'True'),
  (s) => npyDict('<f8', s).replace(`'shape'`, `'shap'`),
  (s) => `{'descr': '<f8', 'fortran_order': False, 'shape': (${s.join(', ')}), 'descr': '<f4', }`,
  () => `{'descr': '<f8', 'fortran_order': False, 'shape': (-1, 3), }`,
  () => `not a dict at all`,
  () => `{'descr': '<f8', 'fortran_order': False, 'shape': (1e400, 2), }`,
);

/** A .npy file of float data (or int64 labels) that is right, or lies in its header, or is damaged. */
function npyFile(name: string, shape: number[], values: readonly number[], kind: 'f8' | 'f4' | 'i8'): fc.Arbitrary<CaseFile> {
  const data = kind === 'i8' ? int64Bytes(values) : floatBytes(values, kind === 'f8' ? 8 : 4);
  const honest = npyDict(kind === 'i8' ? '<i8' : `<${kind}`, shape);
  return fc
    .oneof({ weight: 10, arbitrary: fc.constant(honest) }, { weight: 1, arbitrary: npyHeaderLie.map((lie) => lie(shape)) })
    .chain((dict) => damagedBytes(npyBytes(dict, data)))
    .map((bytes) => ({ name, base64: b64(bytes) }));
}

interface Tensor {
  readonly name: string;
  readonly shape: readonly number[];
  readonly values: readonly number[];
}

/** A safetensors state_dict of the tensors, whose header may be mutated like any JSON (offsets, dtypes, shapes), then damaged byte-wise. */
function safetensorsFile(name: string, tensors: readonly Tensor[], f32: boolean): fc.Arbitrary<CaseFile> {
  const per = f32 ? 4 : 8;
  const header: Record<string, Json> = { __metadata__: { format: 'pt' } };
  let offset = 0;
  for (const t of tensors) {
    const bytes = t.values.length * per;
    header[t.name] = { dtype: f32 ? 'F32' : 'F64', shape: [...t.shape], data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  const data = floatBytes(tensors.flatMap((t) => t.values), per);
  const headerOrLie = fc.oneof({ weight: 10, arbitrary: fc.constant(header as Json) }, { weight: 1, arbitrary: mutatedJson(header) });
  return fc
    .tuple(headerOrLie, fc.option(fc.constantFrom(2n ** 40n, 2n ** 64n - 1n, 0n, 3n), { nil: undefined, freq: 15 }))
    .chain(([h, len]) => damagedBytes(safetensorsBytes(JSON.stringify(h), data, len)))
    .map((bytes) => ({ name, base64: b64(bytes) }));
}

// ------------------------------------------------------------------ "mlp" configurations

const MLP_ACTIVATION_NAMES = ['relu', 'tanh', 'identity', 'sigmoid', 'softplus', 'gelu', 'elu', 'leaky-relu', 'erf'];
const values = (n: number) => fc.array(smallNumber, { minLength: n, maxLength: n });
const rowsOf = (flat: readonly number[], cols: number): number[][] => Array.from({ length: flat.length / cols }, (_, r) => flat.slice(r * cols, (r + 1) * cols));

interface MlpShape {
  readonly d: number;
  readonly hidden: number[];
  readonly k: number;
  readonly N: number;
  readonly bias: boolean;
  readonly loss: 'cross-entropy' | 'mse' | 'half-squared-error';
}

function layerTensors(s: MlpShape, flat: readonly number[]): Tensor[] {
  const widths = [s.d, ...s.hidden, s.k];
  const out: Tensor[] = [];
  let at = 0;
  for (let l = 0; l + 1 < widths.length; l++) {
    const [i, o] = [widths[l], widths[l + 1]];
    out.push({ name: `${2 * l}.weight`, shape: [o, i], values: flat.slice(at, at + o * i) });
    at += o * i;
    if (s.bias) {
      out.push({ name: `${2 * l}.bias`, shape: [o], values: flat.slice(at, at + o) });
      at += o;
    }
  }
  return out;
}

function parameterCount(s: MlpShape): number {
  const widths = [s.d, ...s.hidden, s.k];
  let p = 0;
  for (let l = 0; l + 1 < widths.length; l++) p += widths[l + 1] * (widths[l] + (s.bias ? 1 : 0));
  return p;
}

const mlpShape: fc.Arbitrary<MlpShape> = fc
  .record({
    d: small(3),
    hidden: fc.array(small(3), { maxLength: 2 }),
    k: small(3),
    N: small(6),
    bias: fc.boolean(),
    loss: fc.constantFrom<MlpShape['loss']>('cross-entropy', 'mse', 'half-squared-error'),
  })
  .map((s) => (s.loss === 'cross-entropy' && s.k < 2 ? { ...s, k: 2 } : s));

/** A valid "mlp" config and its files: weights inline or a .safetensors state_dict, data inline or .npy (each choice drawn). */
const validMlp: fc.Arbitrary<{ config: Json; files: fc.Arbitrary<CaseFile>[] }> = mlpShape.chain((s) =>
  fc
    .record({
      theta: values(parameterCount(s)),
      X: values(s.N * s.d),
      labels: fc.array(fc.integer({ min: 0, max: s.k - 1 }), { minLength: s.N, maxLength: s.N }),
      targets: values(s.N * s.k),
      weightsFile: fc.boolean(),
      f32: fc.boolean(),
      xFile: fc.boolean(),
      yFile: fc.boolean(),
      activation: fc.constantFrom(...MLP_ACTIVATION_NAMES),
      reduction: fc.option(fc.constantFrom('mean', 'sum'), { nil: undefined }),
    })
    .map((r) => {
      const tensors = layerTensors(s, r.theta);
      const files: fc.Arbitrary<CaseFile>[] = [];
      const weights: Json = r.weightsFile ? 'w.safetensors' : Object.fromEntries(tensors.map((t) => [t.name, t.shape.length === 2 ? rowsOf(t.values, t.shape[1]) : [...t.values]]));
      if (r.weightsFile) files.push(safetensorsFile('w.safetensors', tensors, r.f32));
      const X: Json = r.xFile ? 'X.npy' : rowsOf(r.X, s.d);
      if (r.xFile) files.push(npyFile('X.npy', [s.N, s.d], r.X, r.f32 ? 'f4' : 'f8'));
      const ce = s.loss === 'cross-entropy';
      const y: Json = r.yFile ? (ce ? 'y.npy' : 'T.npy') : ce ? r.labels : rowsOf(r.targets, s.k);
      if (r.yFile) files.push(ce ? npyFile('y.npy', [s.N], r.labels, 'i8') : npyFile('T.npy', [s.N, s.k], r.targets, 'f8'));
      const config: Json = {
        family: 'mlp',
        inputDim: s.d,
        hidden: s.hidden,
        outputs: s.k,
        activation: r.activation,
        loss: s.loss,
        ...(r.reduction ? { reduction: r.reduction } : {}),
        ...(s.bias ? {} : { bias: false }),
        weights,
        data: { X, [ce ? 'labels' : 'targets']: y },
      };
      return { config, files };
    }),
);

/** A configuration of any family with its files, mutated at the JSON level, then as text. */
export const anyConfigFiles: fc.Arbitrary<CaseFile[]> = fc.oneof(
  { weight: 3, arbitrary: validConfig.chain(mutatedJson).chain((cfg) => fileContent('cfg.json', cfg)).map((f) => [f]) },
  {
    weight: 2,
    arbitrary: validMlp.chain(({ config, files }) =>
      fc.tuple(mutatedJson(config).chain((cfg) => fileContent('cfg.json', cfg)), ...(files as [fc.Arbitrary<CaseFile>])).map((fs) => fs as CaseFile[]),
    ),
  },
);

// ------------------------------------------------------------------ flags

const junkFlagValue = fc.oneof(
  fc.constantFrom('', '-1', '0', '-0', '1e308', '1e-320', '1e400', 'NaN', 'Infinity', '-Infinity', '0x10', ' 5', '1,2', 'abc', '1.5', '2.5', '1e6', '1000001', '9007199254740993', 'auto', 'portable', '3..2', '1/0', ',', 'x'.repeat(300)),
  fc.string({ maxLength: 6 }),
);

/** A flag list as pairs ["--k", "3"] or singles ["--json"]. */
type Flags = string[][];

/**
 * One mutation of a flag list: drop a flag, add a known or unknown flag (with or without a junk
 * value), give a valued flag a junk value, or add a misspelt flag. `frozen` flags (outputs and
 * the conform subject) are never dropped, changed, added or misspelt.
 */
function flagsMutation(flags: Flags, known: readonly string[], frozen: readonly string[]): fc.Arbitrary<Flags> {
  const free = flags.map((f, i) => [f, i] as const).filter(([f]) => !frozen.includes(f[0].slice(2)));
  const valued = free.filter(([f]) => f.length === 2);
  const addable = known.filter((k) => !frozen.includes(k));
  const ops: fc.Arbitrary<Flags>[] = [
    fc.constant(flags),
    fc.tuple(fc.constantFrom(...addable, 'bogus', 'jsn', 'K', 'epsilon2', 'Ni'), fc.option(junkFlagValue, { nil: undefined })).map(([name, v]) => [...flags, v === undefined ? [`--${name}`] : [`--${name}`, v]]),
  ];
  if (free.length) ops.push(fc.constantFrom(...free.map(([, i]) => i)).map((i) => flags.filter((_, j) => j !== i)));
  if (valued.length) {
    ops.push(fc.tuple(fc.constantFrom(...valued.map(([, i]) => i)), junkFlagValue).map(([i, v]) => flags.map((f, j) => (j === i ? [f[0], v] : f))));
    ops.push(fc.constantFrom(...valued.map(([f]) => f[0])).chain((name) => misspell(name.slice(2)).map((m) => [...flags, [`--${m}`, '1']])));
  }
  return fc.oneof(...ops);
}

function mutatedFlags(flags: Flags, known: readonly string[], frozen: readonly string[] = []): fc.Arbitrary<string[]> {
  const once = (f: Flags) => fc.oneof({ weight: 2, arbitrary: fc.constant(f) }, { weight: 1, arbitrary: flagsMutation(f, known, frozen) });
  return once(flags)
    .chain(once)
    .map((f) => f.flat());
}

const json = fc.boolean().map((b) => (b ? [['--json']] : []));
const backend = fc.option(fc.constantFrom('portable', 'native', 'auto'), { nil: undefined }).map((b) => (b ? [['--backend', b]] : []));
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const flagIf = (name: string, v: string | number | undefined): Flags => (v === undefined ? [] : [[`--${name}`, String(v)]]);

// ------------------------------------------------------------------ cases per command

/** A command on a configuration file (any family): `<command> <cfg.json> [flags]`, positional arguments sometimes wrong. */
const configCase = (command: string, flags: fc.Arbitrary<Flags>, known: readonly string[], frozen: readonly string[] = []): fc.Arbitrary<FuzzCase> =>
  fc
    .tuple(anyConfigFiles, flags)
    .chain(([files, f]) =>
      fc.tuple(fc.constant(files), mutatedFlags(f, known, frozen), fc.oneof({ weight: 12, arbitrary: fc.constant<readonly string[]>(['@cfg.json']) }, { weight: 1, arbitrary: fc.constantFrom<readonly string[]>([], ['@cfg.json', 'extra'], ['@missing.json'], ['@w.safetensors']) })),
    )
    .map(([files, flags, positional]) => ({ command, argv: [command, ...positional, ...flags], files }));

const spectrumCase = configCase('spectrum', fc.tuple(json, backend).map(([a, b]) => [...a, ...b]), ['json', 'backend']);

const topCase = configCase(
  'top-eigenvalues',
  fc
    .tuple(json, backend, fc.integer({ min: 1, max: 6 }), opt(fc.integer({ min: 1, max: 40 })), opt(fc.constantFrom('1e-6', '1e-12', '0.5')))
    .map(([a, b, k, m, t]) => [...a, ...b, ['--k', String(k)], ...flagIf('max-iterations', m), ...flagIf('tolerance', t)]),
  ['json', 'backend', 'k', 'max-iterations', 'tolerance'],
);

const densityCase = configCase(
  'density',
  fc
    .tuple(json, backend, opt(fc.integer({ min: 1, max: 3 })), opt(fc.integer({ min: 2, max: 12 })), opt(fc.constantFrom('0.01', '1', '1e-300')), opt(fc.integer({ min: 0, max: 9 })), fc.boolean())
    .map(([a, b, p, st, sg, sd, svg]) => [...a, ...b, ...flagIf('probes', p), ...flagIf('steps', st), ...flagIf('sigma', sg), ...flagIf('seed', sd), ...(svg ? [['--svg', '@density.svg']] : [])]),
  ['json', 'backend', 'probes', 'steps', 'sigma', 'seed', 'svg'],
  ['svg'],
);

const decomposeCase = configCase(
  'decompose',
  fc
    .tuple(json, backend, opt(fc.integer({ min: 1, max: 4 })), opt(fc.constantFrom('dense', 'matrix-free', 'auto')), opt(fc.constantFrom('1e-6', '1e-10')), opt(fc.integer({ min: 2, max: 30 })), opt(fc.integer({ min: 1, max: 4 })), opt(fc.integer({ min: 0, max: 9 })))
    .map(([a, b, k, r, t, m, tp, sd]) => [...a, ...b, ...flagIf('k', k), ...flagIf('route', r), ...flagIf('tolerance', t), ...flagIf('max-iterations', m), ...flagIf('trace-probes', tp), ...flagIf('seed', sd)]),
  ['json', 'backend', 'k', 'route', 'tolerance', 'max-iterations', 'trace-probes', 'seed'],
);

const checkCase = configCase(
  'check',
  fc.tuple(json, backend, opt(fc.integer({ min: 0, max: 9 }))).map(([a, b, sd]) => [...a, ...b, ...flagIf('seed', sd), ['--out', '@page.html']]),
  ['json', 'backend', 'seed', 'out'],
  ['out'],
);

const dynamicsCase = configCase(
  'dynamics',
  fc
    .tuple(json, fc.constantFrom('0.01', '0.1', '0.5', '1', '3'), fc.integer({ min: 1, max: 300 }), fc.constantFrom('1e-4', '1e-3', '0.05', '0.5', '1e6', '1e-300'), opt(fc.integer({ min: 0, max: 9 })))
    .map(([a, eta, steps, eps, seed]) => [...a, ['--eta', eta], ['--steps', String(steps)], ['--epsilon', eps], ...flagIf('seed', seed)]),
  ['json', 'eta', 'steps', 'epsilon', 'seed'],
);

const LAW_KNOWN = ['law', 'Nh', 'Ni', 'sigma1', 'sigma2', 'gamma', 'scale', 'k', 'json'];
const lawFlags: fc.Arbitrary<Flags> = fc.oneof(
  fc.tuple(small(300), small(300), opt(fc.constantFrom('0.5', '1', '2'))).map(([nh, ni, s]) => [['--law', 'chi2-mp'], ['--Nh', String(nh)], ['--Ni', String(ni)], ...flagIf('sigma2', s)]),
  fc.tuple(fc.constantFrom('0.25', '1', '4'), opt(fc.constantFrom('0.5', '3'))).map(([g, s]) => [['--law', 'mp'], ['--gamma', g], ...flagIf('scale', s)]),
  fc.constantFrom('1', '2.5', '10').map((k) => [['--law', 'chi2'], ['--k', k]]),
);

const lawCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(lawFlags, json, fc.array(fc.double({ min: -5, max: 50, noNaN: true }), { minLength: 1, maxLength: 5 }))
  .chain(([lf, j, at]) => mutatedFlags([...lf, ...j, ['--at', at.join(',')]], [...LAW_KNOWN, 'at']))
  .chain((flags) => fc.constantFrom<readonly string[]>(['cdf'], ['cdf'], ['pdf'], []).map((pos) => ({ command: 'law', argv: ['law', ...pos, ...flags], files: [] })));

const ksCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(lawFlags, json, fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: 1, maxLength: 30 }))
  .chain(([lf, j, xs]) => fc.tuple(mutatedFlags([...lf, ...j, ['--samples', '@samples.json']], [...LAW_KNOWN, 'samples'], ['samples']), mutatedJson(xs).chain((v) => fileContent('samples.json', v))))
  .map(([flags, file]) => ({ command: 'ks', argv: ['ks', ...flags], files: [file] }));

/**
 * `calibrate` runs whole KS experiments (C2d: ~10 s a run), so every case carries one thing it
 * must refuse: a claim without an experiment, or a --runs or --seed outside its range.
 */
const calibrateCase: fc.Arbitrary<FuzzCase> = fc.oneof(
  fc
    .tuple(fc.constantFrom('C9', 'C2', 'c2d', 'constructor', 'toString', '__proto__', 'hasOwnProperty', ''), fc.integer({ min: 1, max: 3 }), json)
    .chain(([claim, runs, j]) => mutatedFlags([['--runs', String(runs)], ...j], ['runs', 'seed', 'json']).map((flags) => ({ command: 'calibrate', argv: ['calibrate', claim, ...flags], files: [] }))),
  fc
    .tuple(fc.constantFrom('C2d', 'C2e'), fc.constantFrom(['--runs', '0'], ['--runs', '1e9'], ['--runs', 'NaN'], ['--runs', '1.5'], ['--runs'], ['--seed', '-1'], ['--seed', '1e400'], ['--seed', 'x']), json)
    .map(([claim, bad, j]) => ({ command: 'calibrate', argv: ['calibrate', claim, ...(bad[0] === '--seed' ? ['--runs', '1'] : []), ...bad, ...j.flat()], files: [] })),
);

/** The conform subjects: the suite's own small Node subject, and programs that fail in fixed ways (never a mutated shell command). */
const SUBJECTS = ['node test/conform/subjects/twoLayer.mjs', 'no-such-subject-hc', 'node -e "process.exit(3)"', 'echo garbage', 'node -e ""'];
const conformCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    fc.constantFrom(...SUBJECTS),
    opt(fc.constantFrom('hessian', 'hvp', 'top-eigenvalues', 'hessian,hvp')),
    opt(fc.constantFrom('two-layer', 'deep-linear', 'mlp')),
    fc.integer({ min: 1, max: 2 }),
    opt(fc.integer({ min: 0, max: 9 })),
    opt(fc.constantFrom('5', '30')),
    json,
    fc.boolean(),
  )
  .chain(([subject, ops, fam, runs, seed, timeout, j, out]) =>
    mutatedFlags(
      [['--subject', subject], ...flagIf('ops', ops), ...flagIf('families', fam), ['--runs', String(runs)], ...flagIf('seed', seed), ...flagIf('timeout', timeout), ...j, ...(out ? [['--out', '@conform-out']] : [])],
      ['subject', 'ops', 'families', 'runs', 'seed', 'timeout', 'startup-timeout', 'path', 'json', 'out'],
      ['subject', 'out', 'runs', 'timeout', 'startup-timeout'],
    ),
  )
  .map((flags) => ({ command: 'conform', argv: ['conform', ...flags], files: [] }));

/** A small conformance.json (reports/example-failure: two claims) and a vitest JSON results file. */
export interface ReportInputs {
  readonly conformance: Json;
  readonly vitestResults: Json;
}

/**
 * `report` runs the whole suite when its flags are valid, so every top-level report case carries
 * one value it must refuse. The subcommands run on small inputs, mutated, always with --out in
 * the case's folder (their default is under reports/).
 */
function reportCase(inputs: ReportInputs): fc.Arbitrary<FuzzCase> {
  const input = (name: string, base: Json) => fc.oneof({ weight: 1, arbitrary: fc.constant(base) }, { weight: 3, arbitrary: mutatedJson(base) }).chain((v) => fileContent(name, v));
  return fc.oneof(
    fc
      .tuple(fc.constantFrom('claims', 'seed', 'runs-scale', 'size-tier', 'partition', 'jobs', 'theory-mutant'), fc.constantFrom('', '-1', 'NaN', '1e400', 'x'.repeat(300), ',,', '5..2', '0/0', 'huge', 'C99', '1e400..2'))
      .map(([flag, v]) => ({ command: 'report', argv: ['report', `--${flag}`, v, '--out', '@report-out'], files: [] })),
    fc.tuple(fc.constantFrom('render', 'from-vitest'), input('a.json', inputs.conformance), input('v.json', inputs.vitestResults)).map(([sub, a, v]) => ({
      command: `report ${sub}`,
      argv: ['report', sub, sub === 'render' ? '@a.json' : '@v.json', '--out', '@report-out'],
      files: [sub === 'render' ? a : v],
    })),
    fc.tuple(input('a.json', inputs.conformance), input('b.json', inputs.conformance), fc.constantFrom<string[][]>([], [['a'], ['b']], [['a'], ['a']], [['a']])).map(([a, b, pos]) => ({
      command: 'report merge',
      argv: ['report', 'merge', ...(pos.length ? pos.map(([n]) => `@${n}.json`) : ['@a.json', '@b.json']), '--out', '@report-out'],
      files: [a, b],
    })),
    fc
      .tuple(input('a.json', inputs.conformance), input('b.json', inputs.conformance), json, opt(fc.constantFrom('2', '10', '1', '0', 'NaN', '1e400')), fc.boolean())
      .map(([a, b, j, factor, md]) => ({
        command: 'report diff',
        argv: ['report', 'diff', '@a.json', '@b.json', ...j.flat(), ...(factor ? ['--factor', factor] : []), ...(md ? ['--markdown', '@diff.md'] : [])],
        files: [a, b],
      })),
  );
}

/** Every command, weighted by how cheap a case is and how much input it parses. */
export function fuzzCase(inputs: ReportInputs): fc.Arbitrary<FuzzCase> {
  return fc.oneof(
    { weight: 4, arbitrary: spectrumCase },
    { weight: 3, arbitrary: topCase },
    { weight: 2, arbitrary: densityCase },
    { weight: 2, arbitrary: decomposeCase },
    { weight: 1, arbitrary: checkCase },
    { weight: 2, arbitrary: dynamicsCase },
    { weight: 2, arbitrary: lawCase },
    { weight: 2, arbitrary: ksCase },
    { weight: 1, arbitrary: calibrateCase },
    { weight: 1, arbitrary: conformCase },
    { weight: 2, arbitrary: reportCase(inputs) },
  );
}
