/**
 * The text of a report input file (conformance.json, vitest's JSON results): a regular file no
 * larger than MAX_REPORT_BYTES (checked with stat before reading), valid UTF-8 — a binary or
 * truncated file is one ReportInputError line, never a parser's excerpt of raw bytes.
 */
import { readFileWithinBudget } from '../../formats/readWithinBudget.js';
import { oneLine } from '../../formats/formatError.js';
import { ReportInputError } from '../json.js';

/** Largest report input read (a --full run with many seeds is tens of MB). */
export const MAX_REPORT_BYTES = 512 * 1024 * 1024;

export function readInputText(file: string, what: string, prefix = ''): string {
  let bytes: Uint8Array;
  try {
    bytes = readFileWithinBudget(file, MAX_REPORT_BYTES, what, '');
  } catch (e) {
    throw new ReportInputError(`${prefix}${(e as Error).message}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ReportInputError(`${prefix}${file}: is not UTF-8 text (a binary file?); pass the ${what} file`);
  }
}

/** A JSON parser's message made safe to print: one line, at most 120 characters. */
export function jsonErrorText(e: unknown): string {
  return oneLine(e instanceof Error ? e.message : String(e), 120);
}
