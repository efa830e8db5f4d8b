/** Shared helpers for the format-reader tests: fixture paths, byte-level builders, error assertions. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { FormatError } from '../../src/formats/formatError.js';

/** nn.Sequential fixtures with biases (the reader tests run on these). */
export const TORCH_FIXTURES = ['tanh_ce_f32', 'relu_ce_f64', 'tanh_mse_f64', 'tanh_ce_sum_f64', 'tanh_ce_p474_f64', 'identity_mse_linear_f64'] as const;
/** More losses and layouts for the mlp family: nn.MSELoss at k = 3 (mean and sum), the half-squared error, bias=False, named modules. */
export const MORE_TORCH_FIXTURES = ['tanh_mse_k3_f64', 'gelu_mse_sum_f64', 'sigmoid_hse_f64', 'tanh_ce_nobias_f64', 'named_elu_ce_f32'] as const;
export const ALL_TORCH_FIXTURES = [...TORCH_FIXTURES, ...MORE_TORCH_FIXTURES] as const;
export type TorchFixture = (typeof ALL_TORCH_FIXTURES)[number];

const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/torch/', import.meta.url));

export function fixturePath(name: TorchFixture, file: string): string {
  return join(FIXTURE_DIR, name, file);
}

export function fixtureBytes(name: TorchFixture, file: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(name, file)));
}

export interface TorchReference {
  P: number;
  N: number;
  config: { inputDim: number; hidden: number[]; outputs: number; loss: string; data: Record<string, string> };
  theta: number[];
  parameterOrder: { name: string; shape: number[]; offset: number; dtype: 'F32' | 'F64' }[];
  safetensorsMetadata: Record<string, string>;
  values: {
    X: { shape: number[]; dtype: string; first: number[]; last: number[]; sum: number };
    labels?: { shape: number[]; first: number[]; counts: number[] };
    targets?: { shape: number[]; first: number[]; last: number[]; sum: number };
  };
}

export function loadReference(name: TorchFixture): TorchReference {
  return JSON.parse(readFileSync(fixturePath(name, 'reference.json'), 'utf8')) as TorchReference;
}

const enc = new TextEncoder();

/** A safetensors file from a header (object → JSON, or raw text) and a data buffer; `length` overrides the u64 prefix. */
export function buildSafetensors(header: unknown, data: Uint8Array = new Uint8Array(0), length?: bigint): Uint8Array {
  const text = typeof header === 'string' ? header : JSON.stringify(header);
  const h = enc.encode(text);
  const out = new Uint8Array(8 + h.length + data.length);
  new DataView(out.buffer).setBigUint64(0, length ?? BigInt(h.length), true);
  out.set(h, 8);
  out.set(data, 8 + h.length);
  return out;
}

/** Header text and data buffer of a safetensors file (assumed well formed). */
export function splitSafetensors(bytes: Uint8Array): { headerText: string; data: Uint8Array } {
  const n = Number(new DataView(bytes.buffer, bytes.byteOffset).getBigUint64(0, true));
  return { headerText: new TextDecoder().decode(bytes.subarray(8, 8 + n)), data: bytes.subarray(8 + n) };
}

/** Little-endian bytes of float64 or float32 values. */
export function floatBytes(values: readonly number[], bytesPer: 4 | 8): Uint8Array {
  const out = new Uint8Array(values.length * bytesPer);
  const dv = new DataView(out.buffer);
  values.forEach((v, i) => (bytesPer === 8 ? dv.setFloat64(8 * i, v, true) : dv.setFloat32(4 * i, v, true)));
  return out;
}

/**
 * A .npy file: magic, version, header length (u16 for 1.x, u32 otherwise), the header dict text
 * padded with spaces and '\n' so the data starts at a multiple of `align` (np.save: 64), then data.
 */
export function buildNpy(dict: string, data: Uint8Array, version = 1, align = 64): Uint8Array {
  const lenBytes = version === 1 ? 2 : 4;
  const pre = 8 + lenBytes;
  let body = enc.encode(dict);
  const total = pre + body.length + 1;
  const pad = (align - (total % align)) % align;
  body = enc.encode(dict + ' '.repeat(pad) + '\n');
  const out = new Uint8Array(pre + body.length + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const dv = new DataView(out.buffer);
  if (version === 1) dv.setUint16(8, body.length, true);
  else dv.setUint32(8, body.length, true);
  out.set(body, pre);
  out.set(data, pre + body.length);
  return out;
}

/** The header dict text (trimmed) and the data of a version-1 .npy file. */
export function splitNpy(bytes: Uint8Array): { dict: string; data: Uint8Array } {
  const dv = new DataView(bytes.buffer, bytes.byteOffset);
  const major = bytes[6];
  const pre = major === 1 ? 10 : 12;
  const hlen = major === 1 ? dv.getUint16(8, true) : dv.getUint32(8, true);
  return { dict: new TextDecoder('latin1').decode(bytes.subarray(pre, pre + hlen)).trim(), data: bytes.subarray(pre + hlen) };
}

/**
 * Runs `fn`, asserts it throws a FormatError whose message is one line, starts with the file
 * name, names the field and matches `pattern`; returns the error for further checks.
 */
export function expectFormatError(fn: () => unknown, file: string, field: string | RegExp, pattern?: RegExp): FormatError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, 'expected a FormatError').toBeInstanceOf(FormatError);
  const e = caught as FormatError;
  expect(e.message).not.toMatch(/[\n\r]/);
  expect(e.file).toBe(file);
  expect(e.message.startsWith(`${file}: `)).toBe(true);
  if (typeof field === 'string') expect(e.field).toBe(field);
  else expect(e.field).toMatch(field);
  expect(e.message).toContain(e.field);
  if (pattern) expect(e.message).toMatch(pattern);
  return e;
}
