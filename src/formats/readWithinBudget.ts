/**
 * Reads a whole file after checking, with stat, that it is a regular file no larger than the
 * budget: a 40 GB file named in a config is refused before a byte of it is read.
 */
import { readFileSync, statSync } from 'node:fs';
import { FormatError, formatBytes } from './formatError.js';

export function readFileWithinBudget(path: string, budget: number, what: string, pathHint = ' (relative paths are relative to the config file)'): Uint8Array {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new FormatError(path, 'file', `is not a regular file`, `give the path of the ${what} file`);
    size = st.size;
  } catch (e) {
    if (e instanceof FormatError) throw e;
    throw new FormatError(path, 'file', `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`, `check the path of the ${what} file${pathHint}`);
  }
  if (size > budget) {
    throw new FormatError(path, 'file', `has ${formatBytes(size)}, over the ${formatBytes(budget)} budget`, 'use a smaller file, or raise the budget (HC_MEMORY_BUDGET_MB) if the machine has the memory');
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new FormatError(path, 'file', `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`, `check the path and permissions of the ${what} file`);
  }
  // The file may have grown between stat and read.
  if (bytes.length > budget) {
    throw new FormatError(path, 'file', `has ${formatBytes(bytes.length)}, over the ${formatBytes(budget)} budget`, 'use a smaller file, or raise the budget (HC_MEMORY_BUDGET_MB)');
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}
