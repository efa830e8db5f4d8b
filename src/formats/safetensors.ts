/**
 * safetensors reader: a PyTorch state_dict saved as safetensors → float64 tensors by name.
 *
 * Format (huggingface/safetensors README, "Format"; reference reader safetensors/src/tensor.rs,
 * SafeTensors::read_metadata and Metadata::validate):
 *   - 8 bytes: N, an unsigned little-endian 64-bit integer, the size of the header;
 *   - N bytes: a UTF-8 JSON object {NAME: {"dtype", "shape", "data_offsets": [BEGIN, END]}, …},
 *     with an optional "__metadata__": {str: str}; it MUST begin with '{' and may be padded
 *     with trailing spaces (the reference writer pads to a multiple of 8); duplicate keys are
 *     disallowed;
 *   - the rest: the byte buffer. Offsets are relative to its start; tensor data is
 *     little-endian, C (row-major) order; the tensors' ranges must tile the buffer exactly
 *     (no holes, no overlap, the last END is the buffer's end). Zero-size tensors are allowed.
 * Limits taken from the reference: header ≤ 100,000,000 bytes (MAX_HEADER_SIZE).
 *
 * Why our own reader: the npm package `safetensors` is a 0.0.1 placeholder. This one is strict
 * where the reference is and stricter where JSON.parse is lax (duplicate keys, which JSON.parse
 * resolves silently to the last) or where the suite's verdicts need it (only F32 and F64; no
 * NaN/Inf weights). Every problem is a FormatError naming the file, the tensor and the fix;
 * sizes are checked against a byte budget before anything is allocated.
 *
 * Values: F64 as stored; F32 widened exactly to float64 (every float32 is a float64), so a
 * float32 model is read without rounding and the suite computes in float64 from there. Other
 * dtypes (F16, BF16, integers, …) are refused: half-precision weights would be read exactly
 * too, but a Hessian of a model trained in half precision is not what the suite checks, and
 * integer tensors (buffers such as BatchNorm's num_batches_tracked) mean a module the suite
 * cannot describe.
 *
 * Cost: one pass over the header (JSON.parse plus a duplicate-key scan) and one over the data.
 */
import { brief, FormatError, formatBytes, quote } from './formatError.js';
import { budgetBytes, BYTES_PER_FLOAT64, checkedElementCount } from './budget.js';
import { findDuplicateKey } from './duplicateKeys.js';
import { readFileWithinBudget } from './readWithinBudget.js';
import { elementIndex } from './elementIndex.js';
import { decodeFloats } from './decodeFloats.js';

/** The reference implementation's header limit (tensor.rs MAX_HEADER_SIZE). */
export const MAX_HEADER_BYTES = 100_000_000;
/** The 8-byte little-endian u64 header length that opens every file. */
const LENGTH_PREFIX_BYTES = 8;

export type SafetensorsDtype = 'F32' | 'F64';

export interface SafetensorsTensor {
  readonly dtype: SafetensorsDtype;
  readonly shape: readonly number[];
  /** Row-major values, widened exactly to float64. */
  readonly values: Float64Array;
}

export interface SafetensorsContents {
  /** Tensors in data order (increasing offsets). */
  readonly tensors: Map<string, SafetensorsTensor>;
  /** The "__metadata__" map, or null when absent. */
  readonly metadata: Readonly<Record<string, string>> | null;
  /** Which dtypes occurred (sorted), so a caller can say e.g. "F32 weights read exactly, computed in float64". */
  readonly dtypes: readonly SafetensorsDtype[];
}

export interface SafetensorsReadOptions {
  /** Name used in error messages (the path). */
  readonly file: string;
  /** Byte budget for the decoded float64 values (default DEFAULT_FORMAT_BUDGET_BYTES). */
  readonly maxBytes?: number;
}

/** Every dtype the format defines (README "Format" and tensor.rs Dtype), with its size in bytes. */
const KNOWN_DTYPE_BYTES: Readonly<Record<string, number>> = {
  BOOL: 1, U8: 1, I8: 1, F8_E5M2: 1, F8_E4M3: 1, F8_E8M0: 1, I16: 2, U16: 2, F16: 2, BF16: 2,
  I32: 4, U32: 4, F32: 4, F64: 8, I64: 8, U64: 8, C64: 8, F4: 1, F6_E2M3: 1, F6_E3M2: 1,
};
const SUPPORTED: Readonly<Record<SafetensorsDtype, number>> = { F32: 4, F64: 8 };
const DTYPE_FIX = 'save the state_dict as float32 or float64 (model.float() or model.double() before saving; tools/export_torch.py does this)';
const REEXPORT = 're-export the model (tools/export_torch.py writes valid files)';

interface Entry {
  readonly name: string;
  readonly dtype: SafetensorsDtype;
  readonly shape: number[];
  readonly begin: number;
  readonly end: number;
  readonly count: number;
}

/** Reads a safetensors file from `path`, checking its size against the budget before reading it. */
export function readSafetensorsFile(path: string, opts: { readonly maxBytes?: number } = {}): SafetensorsContents {
  const budget = budgetBytes(opts.maxBytes);
  const bytes = readFileWithinBudget(path, budget, 'safetensors');
  return readSafetensors(bytes, { file: path, maxBytes: budget });
}

/** Parses and validates a whole safetensors file held in memory. */
export function readSafetensors(bytes: Uint8Array, opts: SafetensorsReadOptions): SafetensorsContents {
  const file = opts.file;
  const budget = budgetBytes(opts.maxBytes);
  const { header, dataStart } = readHeader(bytes, file);
  const bufferLength = bytes.length - dataStart;

  let metadata: Record<string, string> | null = null;
  const entries: Entry[] = [];
  let totalCount = 0;
  for (const name of Object.keys(header)) {
    const raw = header[name];
    if (name === '__metadata__') {
      metadata = readMetadata(raw, file);
      continue;
    }
    const entry = readEntry(name, raw, file, budget, bufferLength);
    totalCount += entry.count;
    if (totalCount * BYTES_PER_FLOAT64 > budget) {
      throw new FormatError(file, `tensor ${quote(name)}`, `the tensors up to this one hold ${totalCount} values, ${formatBytes(totalCount * BYTES_PER_FLOAT64)} as float64, over the ${formatBytes(budget)} budget`, 'raise the budget (HC_MEMORY_BUDGET_MB) if the model is meant to be this large');
    }
    entries.push(entry);
  }
  checkTiling(entries, bufferLength, file);

  const tensors = new Map<string, SafetensorsTensor>();
  const dtypes = new Set<SafetensorsDtype>();
  for (const e of entries) {
    tensors.set(e.name, { dtype: e.dtype, shape: e.shape, values: decode(bytes, dataStart, e, file) });
    dtypes.add(e.dtype);
  }
  return { tensors, metadata, dtypes: [...dtypes].sort() };
}

/** "F32 weights read exactly, computed in float64" and the like, for reports. */
export function precisionNote(dtypes: readonly SafetensorsDtype[]): string {
  if (dtypes.length === 0) return 'no tensors read';
  if (dtypes.length === 1 && dtypes[0] === 'F64') return 'F64 weights read as stored, computed in float64';
  return `${dtypes.join(' and ')} weights read exactly (widened to float64), computed in float64`;
}

function readHeader(bytes: Uint8Array, file: string): { header: Record<string, unknown>; dataStart: number } {
  if (bytes.length < LENGTH_PREFIX_BYTES) {
    throw new FormatError(file, 'header length', `the file has ${bytes.length} bytes, fewer than the 8-byte header length that opens a safetensors file`, `the file is truncated or not safetensors; ${REEXPORT}`);
  }
  const n = new DataView(bytes.buffer, bytes.byteOffset, LENGTH_PREFIX_BYTES).getBigUint64(0, true);
  if (n > BigInt(MAX_HEADER_BYTES)) {
    throw new FormatError(file, 'header length', `${n} bytes, over the format's 100,000,000-byte limit`, `the file is corrupt or not safetensors; ${REEXPORT}`);
  }
  const headerBytes = Number(n);
  const dataStart = LENGTH_PREFIX_BYTES + headerBytes;
  if (dataStart > bytes.length) {
    throw new FormatError(file, 'header length', `${headerBytes} bytes, larger than the rest of the file (${bytes.length - LENGTH_PREFIX_BYTES} bytes)`, `the file is truncated or not safetensors; ${REEXPORT}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(LENGTH_PREFIX_BYTES, dataStart));
  } catch {
    throw new FormatError(file, 'header', 'is not valid UTF-8', `the file is corrupt; ${REEXPORT}`);
  }
  if (text.charCodeAt(0) !== 0x7b /* { */) {
    throw new FormatError(file, 'header', `must begin with '{' (the format requires it), found ${text.length === 0 ? 'an empty header' : quote(text.slice(0, 8))}`, `the file is corrupt or not safetensors; ${REEXPORT}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new FormatError(file, 'header', `is not valid JSON (${(e as Error).message})`, `the file is corrupt; ${REEXPORT}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new FormatError(file, 'header', 'is not a JSON object', `the file is corrupt; ${REEXPORT}`);
  }
  const dup = findDuplicateKey(text);
  if (dup !== null) {
    const where = dup.path.length === 0 ? 'header' : `tensor ${quote(dup.path[0])}`;
    throw new FormatError(file, where, `the key ${quote(dup.key)} appears twice (the format disallows duplicate keys; readers disagree on which one counts)`, 'give every tensor a unique name and write each field once; re-export the model');
  }
  return { header: parsed as Record<string, unknown>, dataStart };
}

function readMetadata(raw: unknown, file: string): Record<string, string> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new FormatError(file, '__metadata__', `must be an object of strings, got ${brief(raw)}`, 'write "__metadata__" as {"key": "value", …} or leave it out');
  }
  // No prototype: a key "__proto__" is kept as data, not taken as an assignment to the prototype.
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v !== 'string') {
      throw new FormatError(file, `__metadata__ ${quote(k)}`, `must be a string, got ${brief(v)}`, 'the format allows only string values in "__metadata__"');
    }
    out[k] = v;
  }
  return out;
}

function readEntry(name: string, raw: unknown, file: string, budget: number, bufferLength: number): Entry {
  const field = `tensor ${quote(name)}`;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new FormatError(file, field, `must be an object {"dtype", "shape", "data_offsets"}, got ${brief(raw)}`, REEXPORT);
  }
  const info = raw as Record<string, unknown>;
  for (const key of ['dtype', 'shape', 'data_offsets']) {
    if (!Object.hasOwn(info, key)) throw new FormatError(file, `${field} ${key}`, 'is missing', `every tensor needs "dtype", "shape" and "data_offsets"; ${REEXPORT}`);
  }
  const dtype = readDtype(info.dtype, file, field);
  const shape = readShape(info.shape, file, field);
  const shown = `[${shape.join(', ')}]`;
  const count = checkedElementCount(shape, budget, file, `${field} shape`, shown);
  const [begin, end] = readOffsets(info.data_offsets, file, field, bufferLength);
  const expected = count * SUPPORTED[dtype];
  if (end - begin !== expected) {
    throw new FormatError(file, `${field} data_offsets`, `[${begin}, ${end}] spans ${end - begin} bytes, but shape ${shown} of ${dtype} needs ${expected}`, `the header disagrees with itself; ${REEXPORT}`);
  }
  return { name, dtype, shape, begin, end, count };
}

function readDtype(raw: unknown, file: string, field: string): SafetensorsDtype {
  if (typeof raw !== 'string') throw new FormatError(file, `${field} dtype`, `must be a string such as "F32", got ${brief(raw)}`, REEXPORT);
  if (raw === 'F32' || raw === 'F64') return raw;
  if (Object.hasOwn(KNOWN_DTYPE_BYTES, raw)) {
    throw new FormatError(file, `${field} dtype`, `is ${raw}; only F32 and F64 are read (F32 exactly, widened to float64)`, DTYPE_FIX);
  }
  throw new FormatError(file, `${field} dtype`, `${quote(raw)} is not a safetensors dtype`, `the file is corrupt; ${DTYPE_FIX}`);
}

function readShape(raw: unknown, file: string, field: string): number[] {
  if (!Array.isArray(raw)) throw new FormatError(file, `${field} shape`, `must be an array of sizes, got ${brief(raw)}`, REEXPORT);
  for (let i = 0; i < raw.length; i++) {
    const d = raw[i];
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0) {
      throw new FormatError(file, `${field} shape`, `entry ${i} is ${brief(d)}, not a non-negative integer`, REEXPORT);
    }
  }
  return raw as number[];
}

function readOffsets(raw: unknown, file: string, field: string, bufferLength: number): [number, number] {
  const f = `${field} data_offsets`;
  if (!Array.isArray(raw) || raw.length !== 2) throw new FormatError(file, f, `must be [begin, end], got ${brief(raw)}`, REEXPORT);
  const [b, e] = raw;
  for (const v of [b, e]) {
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) throw new FormatError(file, f, `${brief(raw)} must hold non-negative integers`, REEXPORT);
  }
  if (b > e) throw new FormatError(file, f, `begin ${b} is after end ${e}`, REEXPORT);
  if (e > bufferLength) throw new FormatError(file, f, `end ${e} is past the end of the data (${bufferLength} bytes)`, `the file is truncated or its header is wrong; ${REEXPORT}`);
  return [b, e];
}

/** Ranges sorted by offset must start at 0, follow each other without hole or overlap, and end at the buffer's end. */
function checkTiling(entries: Entry[], bufferLength: number, file: string): void {
  entries.sort((a, b) => a.begin - b.begin || a.end - b.end);
  let at = 0;
  for (const e of entries) {
    if (e.begin > at) throw new FormatError(file, `tensor ${quote(e.name)} data_offsets`, `begin ${e.begin} leaves bytes ${at}..${e.begin - 1} of the data unused (the format forbids holes)`, REEXPORT);
    if (e.begin < at) throw new FormatError(file, `tensor ${quote(e.name)} data_offsets`, `[${e.begin}, ${e.end}] overlaps the previous tensor, which ends at ${at}`, REEXPORT);
    at = e.end;
  }
  if (at !== bufferLength) {
    throw new FormatError(file, 'data', `the tensors cover ${at} of the ${bufferLength} data bytes; ${bufferLength - at} bytes after them belong to no tensor`, `the file has trailing bytes or a tensor is missing from the header; ${REEXPORT}`);
  }
}

function decode(bytes: Uint8Array, dataStart: number, e: Entry, file: string): Float64Array {
  const out = decodeFloats(bytes, dataStart + e.begin, e.count, SUPPORTED[e.dtype] as 4 | 8);
  for (let i = 0; i < e.count; i++) {
    if (!Number.isFinite(out[i])) {
      throw new FormatError(file, `tensor ${quote(e.name)}`, `entry ${elementIndex(i, e.shape)} is ${out[i]}`, 'the weights must be finite: the model diverged or was saved mid-crash; export a finite checkpoint');
    }
  }
  return out;
}
