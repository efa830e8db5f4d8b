/**
 * A samples file (`ks --samples file.json`): a JSON array of finite numbers, declared as a zod
 * schema. Read within the memory budget (./jsonFile.ts: size checked before reading, UTF-8,
 * JSON); every problem is one FormatError naming the file and the entry:
 *
 *   s.json: samples[2]: is Infinity (a JSON number beyond ±1.8e308 overflows float64); write finite numbers only
 *
 * JSON.parse turns an overflowing literal such as 1e400 into Infinity, which JSON.stringify
 * would print as "null" — so values are described here, never stringified blindly.
 */
import { z } from 'zod';
import { brief, FormatError } from './formatError.js';
import { readJsonFile } from './jsonFile.js';

/** Largest sample accepted (the time budget of the KS test binds first in practice). */
export const MAX_SAMPLES = 10_000_000;

export const SamplesSchema = z.array(z.number()).min(1).max(MAX_SAMPLES);
export type Samples = z.infer<typeof SamplesSchema>;

function describe(v: unknown): string {
  if (v === undefined) return 'missing';
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : `${v} (a JSON number beyond ±1.8e308 overflows float64)`;
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array (${brief(v)})`;
  if (typeof v === 'object') return `an object (${brief(v)})`;
  return `${typeof v} ${brief(v)}`;
}

/** Checks parsed JSON against SamplesSchema; FormatError naming the entry and the fix. */
export function parseSamples(raw: unknown, path: string): Samples {
  if (!Array.isArray(raw)) throw new FormatError(path, 'samples', `must be a JSON array of numbers, got ${raw === null ? 'null' : Array.isArray(raw) ? 'an array' : typeof raw === 'object' ? 'an object' : typeof raw}`, 'write e.g. [1.5, 2, 3.25]');
  if (raw.length === 0) throw new FormatError(path, 'samples', 'the array is empty', 'the test needs at least one number');
  if (raw.length > MAX_SAMPLES) throw new FormatError(path, 'samples', `has ${raw.length} entries, more than ${MAX_SAMPLES}`, 'test a subsample');
  const r = SamplesSchema.safeParse(raw);
  if (r.success) return r.data;
  const at = r.error.issues[0].path[0];
  const i = typeof at === 'number' ? at : 0;
  throw new FormatError(path, `samples[${i}]`, `is ${describe(raw[i])}, not a finite number`, 'write finite numbers only');
}

export function readSamplesFile(path: string, budgetBytes: number): Samples {
  return parseSamples(readJsonFile(path, 'samples', budgetBytes), path);
}
