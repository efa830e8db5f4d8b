/**
 * .npy reader for data arrays: X and regression targets (float32/float64 → float64) and class
 * labels (integers → Int32Array).
 *
 * Format (NumPy, numpy/lib/format.py module docstring; NEP 1 "A simple file format for NumPy
 * arrays"): the magic "\x93NUMPY", a major and a minor version byte, the header length HLEN
 * (little-endian u16 in version 1.0, u32 in 2.0 and 3.0), HLEN bytes of header (latin-1 in
 * 1.0/2.0, UTF-8 in 3.0) holding a Python dict literal {'descr', 'fortran_order', 'shape'}
 * ended by '\n' and padded with spaces (np.save aligns the data to 64 bytes, older NumPy to
 * 16), then the raw data: product(shape) elements of `descr`, C order unless fortran_order.
 * Checks follow NumPy's own _read_array_header (exactly those three keys; shape a tuple of
 * ints; fortran_order a bool; header ≤ 10,000 bytes, NumPy's default max_header_size) and add
 * what a reader of outside files needs: data length exactly product(shape)·itemsize (NumPy
 * silently ignores trailing bytes; we refuse them, a shape that undercounts the data is a
 * lie), element counts against a byte budget before allocating, finite floats, int64 labels
 * within ±2^53.
 *
 * Why not npyjs (npm, v1.2.0, the most used .npy package; evaluated for this module): it reads
 * the header with three regular expressions and never checks it is a dict with exactly those
 * keys; shape entries become Number(…) (NaN for junk) and are never compared with the data —
 * the typed array simply spans whatever bytes follow the header, so a truncated file or
 * trailing garbage yields an array of the wrong length silently, and a data length that is not
 * a multiple of the item size surfaces as a RangeError from the TypedArray constructor;
 * fortran_order is reported but not acted on; the version byte is not checked (any major ≥ 2
 * takes the u32 path); big-endian descrs fall through to "Unsupported dtype: >f8" by accident
 * rather than design. It needs an ArrayBuffer (alignment-dependent typed-array views) and pulls
 * cross-fetch for URL loading. Wrapping it would mean re-parsing the header ourselves to check
 * it, which is the whole reader; so this module reads the format directly (~200 lines).
 *
 * C order only: fortran_order True is refused for 2-D and higher (np.ascontiguousarray fixes
 * it); for 0/1-D arrays the two orders are the same bytes and it is accepted.
 * Little-endian only: '<' (or '|' for one-byte types); '>' is refused with the fix.
 */
import { FormatError, quote } from './formatError.js';
import { budgetBytes, checkedElementCount } from './budget.js';
import { elementIndex } from './elementIndex.js';
import { decodeFloats } from './decodeFloats.js';
import { parseHeaderDict, type HeaderValue } from './npyHeaderDict.js';
import { readFileWithinBudget } from './readWithinBudget.js';

/** NumPy's default max_header_size (numpy/lib/format.py _MAX_HEADER_SIZE). */
export const MAX_NPY_HEADER_BYTES = 10_000;
const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"
const REWRITE = 'write it with numpy.save (tools/export_torch.py does)';

export type NpyFloatType = 'f4' | 'f8';
export type NpyIntType = 'i1' | 'u1' | 'i2' | 'u2' | 'i4' | 'u4' | 'i8' | 'u8';
export type NpyType = NpyFloatType | NpyIntType;

export interface NpyHeader {
  /** "1.0", "2.0" or "3.0". */
  readonly version: string;
  /** The descr as written, e.g. "<f8". */
  readonly descr: string;
  /** Element type without byte order. */
  readonly type: NpyType;
  readonly shape: readonly number[];
  readonly count: number;
  /** Offset of the data in the file. */
  readonly dataStart: number;
}

export interface NpyReadOptions {
  /** Name used in error messages (the path). */
  readonly file: string;
  /** Byte budget for the decoded values (default DEFAULT_FORMAT_BUDGET_BYTES). */
  readonly maxBytes?: number;
  /** Accepted numbers of dimensions, e.g. [2] for X (N×d); default [1, 2]. */
  readonly ndim?: readonly number[];
  /** What the array is for, in messages: "X (inputs, N×d)". */
  readonly role?: string;
}

export interface NpyFloatArray {
  readonly header: NpyHeader;
  readonly shape: readonly number[];
  /** Row-major values, widened exactly to float64. */
  readonly values: Float64Array;
}

export interface NpyLabelArray {
  readonly header: NpyHeader;
  readonly shape: readonly number[];
  readonly values: Int32Array;
}

const ITEM_BYTES: Readonly<Record<NpyType, number>> = { f4: 4, f8: 8, i1: 1, u1: 1, i2: 2, u2: 2, i4: 4, u4: 4, i8: 8, u8: 8 };

/** Float data (X, targets): float32 or float64, every value finite. */
export function readNpyFloat(bytes: Uint8Array, opts: NpyReadOptions): NpyFloatArray {
  const header = readNpyHeader(bytes, opts);
  const role = opts.role ?? 'the array';
  if (header.type !== 'f4' && header.type !== 'f8') {
    throw new FormatError(opts.file, 'descr', `is ${quote(header.descr)}; ${role} must be float32 or float64`, 'save it as floats: np.save(path, a.astype(np.float64))');
  }
  const out = decodeFloats(bytes, header.dataStart, header.count, header.type === 'f4' ? 4 : 8);
  for (let i = 0; i < header.count; i++) {
    if (!Number.isFinite(out[i])) {
      throw new FormatError(opts.file, 'data', `entry ${elementIndex(i, header.shape)} is ${out[i]}`, `${role} must be finite: remove or impute NaN/Inf before saving`);
    }
  }
  return { header, shape: header.shape, values: out };
}

/** Class labels: an integer dtype, each value in 0..classes−1 (or 0..2^31−1 when `classes` is not given). */
export function readNpyLabels(bytes: Uint8Array, opts: NpyReadOptions & { readonly classes?: number }): NpyLabelArray {
  const role = opts.role ?? 'labels';
  const header = readNpyHeader(bytes, { ...opts, role, ndim: opts.ndim ?? [1] });
  if (header.type === 'f4' || header.type === 'f8') {
    throw new FormatError(opts.file, 'descr', `is ${quote(header.descr)}; ${role} must be integers (class indices)`, 'save them as integers: np.save(path, y.astype(np.int64))');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + header.dataStart, bytes.length - header.dataStart);
  const upper = opts.classes ?? 2 ** 31;
  const out = new Int32Array(header.count);
  const size = ITEM_BYTES[header.type];
  for (let i = 0; i < header.count; i++) {
    const v = readInteger(view, i * size, header.type);
    if (!(v >= 0 && v < upper)) {
      const range = opts.classes === undefined ? '0..2^31−1' : `0..${opts.classes - 1} (${opts.classes} classes)`;
      const shown = Number.isSafeInteger(v) ? String(v) : 'beyond ±2^53';
      throw new FormatError(opts.file, 'data', `entry ${elementIndex(i, header.shape)} is ${shown}, outside ${range}`, `${role} must be class indices 0..k−1`);
    }
    out[i] = v;
  }
  return { header, shape: header.shape, values: out };
}

/** readNpyFloat on a path, after checking the file's size against the budget. */
export function readNpyFloatFile(path: string, opts: Omit<NpyReadOptions, 'file'> = {}): NpyFloatArray {
  const budget = budgetBytes(opts.maxBytes);
  return readNpyFloat(readFileWithinBudget(path, budget, '.npy'), { ...opts, file: path, maxBytes: budget });
}

/** readNpyLabels on a path, after checking the file's size against the budget. */
export function readNpyLabelsFile(path: string, opts: Omit<NpyReadOptions, 'file'> & { readonly classes?: number } = {}): NpyLabelArray {
  const budget = budgetBytes(opts.maxBytes);
  return readNpyLabels(readFileWithinBudget(path, budget, '.npy'), { ...opts, file: path, maxBytes: budget });
}

/** Parses and checks the header, the shape against `ndim` and the budget, and the data length. */
export function readNpyHeader(bytes: Uint8Array, opts: NpyReadOptions): NpyHeader {
  const file = opts.file;
  const budget = budgetBytes(opts.maxBytes);
  if (MAGIC.some((m, i) => i < bytes.length && bytes[i] !== m)) {
    throw new FormatError(file, 'magic', 'the file does not begin with "\\x93NUMPY"', `not a .npy file (an .npz, .txt or .csv?); ${REWRITE}`);
  }
  if (bytes.length < 10) {
    throw new FormatError(file, 'magic', `the file has ${bytes.length} bytes, too few for a .npy header`, `the file is truncated; ${REWRITE}`);
  }
  const major = bytes[6];
  const minor = bytes[7];
  if (!((major === 1 || major === 2 || major === 3) && minor === 0)) {
    throw new FormatError(file, 'version', `${major}.${minor} is not a .npy format version (1.0, 2.0 or 3.0)`, REWRITE);
  }
  const lengthBytes = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lengthBytes) throw new FormatError(file, 'header length', 'the file ends inside the header length', `the file is truncated; ${REWRITE}`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const hlen = major === 1 ? dv.getUint16(8, true) : dv.getUint32(8, true);
  const headerStart = 8 + lengthBytes;
  if (hlen > MAX_NPY_HEADER_BYTES) {
    throw new FormatError(file, 'header length', `${hlen} bytes, over NumPy's own 10,000-byte limit (max_header_size)`, `the file is corrupt or holds a structured dtype; ${REWRITE}`);
  }
  if (headerStart + hlen > bytes.length) {
    throw new FormatError(file, 'header length', `${hlen} bytes, more than the ${bytes.length - headerStart} bytes left in the file`, `the file is truncated; ${REWRITE}`);
  }
  let text: string;
  try {
    text = new TextDecoder(major === 3 ? 'utf-8' : 'latin1', { fatal: true }).decode(bytes.subarray(headerStart, headerStart + hlen));
  } catch {
    throw new FormatError(file, 'header', 'is not valid UTF-8 (format 3.0)', `the file is corrupt; ${REWRITE}`);
  }
  const parsed = parseHeaderDict(text);
  if (!parsed.ok) {
    throw new FormatError(file, 'header', `cannot be read at character ${parsed.at}: ${parsed.problem}`, `the header must be the dict np.save writes, {'descr': '<f8', 'fortran_order': False, 'shape': (N, d), }; ${REWRITE}`);
  }
  const dict = parsed.dict;
  const keys = [...dict.keys()].sort();
  if (keys.join(',') !== 'descr,fortran_order,shape') {
    throw new FormatError(file, 'header', `has keys ${keys.map(quote).join(', ') || 'none'}; a .npy header has exactly 'descr', 'fortran_order' and 'shape'`, REWRITE);
  }
  const { type, itemBytes } = readDescr(dict.get('descr')!, file);
  const shape = readShape(dict.get('shape')!, file);
  const fortran = dict.get('fortran_order');
  if (typeof fortran !== 'boolean') throw new FormatError(file, 'fortran_order', `must be True or False, got ${String(fortran)}`, REWRITE);

  const ndim = opts.ndim ?? [1, 2];
  const shown = `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
  if (!ndim.includes(shape.length)) {
    const want = ndim.map((d) => `${d}-D`).join(' or ');
    throw new FormatError(file, 'shape', `${shown} has ${shape.length} dimension${shape.length === 1 ? '' : 's'}; ${opts.role ?? 'the array'} must be ${want}`, ndim.includes(2) ? 'reshape it, e.g. np.save(path, a.reshape(len(a), -1))' : 'reshape it, e.g. np.save(path, y.reshape(-1))');
  }
  if (fortran && shape.length >= 2) {
    throw new FormatError(file, 'fortran_order', `is True (column-major data); only C order is read`, 'save a C-ordered copy: np.save(path, np.ascontiguousarray(a))');
  }
  const count = checkedElementCount(shape, budget, file, 'shape', shown);
  const dataStart = headerStart + hlen;
  const have = bytes.length - dataStart;
  const need = count * itemBytes;
  if (have < need) {
    throw new FormatError(file, 'data', `has ${have} bytes, but shape ${shown} of ${quote(dict.get('descr') as string)} needs ${need}`, `the file is truncated; ${REWRITE}`);
  }
  if (have > need) {
    throw new FormatError(file, 'data', `has ${have - need} bytes after the ${need} that shape ${shown} needs`, `the shape in the header does not match the data (or bytes were appended); ${REWRITE}`);
  }
  return { version: `${major}.0`, descr: dict.get('descr') as string, type, shape, count, dataStart };
}

function readDescr(raw: HeaderValue, file: string): { type: NpyType; itemBytes: number } {
  if (typeof raw !== 'string') throw new FormatError(file, 'descr', `must be a dtype string such as '<f8', got ${Array.isArray(raw) ? 'a tuple' : String(raw)}`, REWRITE);
  const m = /^([<>|=])([a-zA-Z])(\d+)$/.exec(raw);
  const type = m === null ? null : `${m[2]}${m[3]}`;
  if (m === null || type === null || !Object.hasOwn(ITEM_BYTES, type)) {
    throw new FormatError(file, 'descr', `${quote(raw)} is not read (only float32/float64 data and integer labels)`, 'save X and targets with a.astype(np.float64), labels with y.astype(np.int64)');
  }
  const t = type as NpyType;
  const itemBytes = ITEM_BYTES[t];
  const order = m[1];
  if (itemBytes > 1 && order === '>') {
    throw new FormatError(file, 'descr', `${quote(raw)} is big-endian; only little-endian data is read`, `convert it: np.save(path, a.astype(a.dtype.newbyteorder('<')))`);
  }
  if (itemBytes > 1 && order !== '<') {
    throw new FormatError(file, 'descr', `${quote(raw)} does not state little-endian byte order ('<')`, REWRITE);
  }
  return { type: t, itemBytes };
}

function readShape(raw: HeaderValue, file: string): number[] {
  if (!Array.isArray(raw)) throw new FormatError(file, 'shape', `must be a tuple of sizes such as (N, d), got ${String(raw)}`, REWRITE);
  for (const d of raw) {
    if (d < 0) throw new FormatError(file, 'shape', `(${raw.join(', ')}) has a negative size`, REWRITE);
  }
  return raw.slice();
}

/** One integer element as a Number (exact within ±2^53; 8-byte values beyond come back unsafe and are refused by the caller). */
function readInteger(view: DataView, p: number, type: NpyIntType): number {
  switch (type) {
    case 'i1':
      return view.getInt8(p);
    case 'u1':
      return view.getUint8(p);
    case 'i2':
      return view.getInt16(p, true);
    case 'u2':
      return view.getUint16(p, true);
    case 'i4':
      return view.getInt32(p, true);
    case 'u4':
      return view.getUint32(p, true);
    case 'i8':
    case 'u8': {
      // hi·2^32 + lo is exact whenever the true value is a safe integer; otherwise its
      // magnitude rounds to ≥ 2^53, which the caller's range check refuses.
      const lo = view.getUint32(p, true);
      const hi = type === 'i8' ? view.getInt32(p + 4, true) : view.getUint32(p + 4, true);
      return hi * 4294967296 + lo;
    }
  }
}
