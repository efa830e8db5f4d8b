/**
 * A JSON file from outside (a configuration, a samples file): size checked with stat before it
 * is read (JSON text of numbers is ~20 bytes per value, so a file of budget/4 bytes already decodes
 * to about the budget), then parsed; every problem is a FormatError naming the file.
 */
import { FormatError } from './formatError.js';
import { jsonDepth, MAX_JSON_DEPTH } from './jsonDepth.js';
import { readFileWithinBudget } from './readWithinBudget.js';

/** JSON text bytes allowed per byte of memory budget (JSON.parse holds the text and the values). */
const TEXT_SHARE_OF_BUDGET = 1 / 4;

export function readJsonFile(path: string, what: string, budgetBytes: number): unknown {
  const bytes = readFileWithinBudget(path, Math.floor(budgetBytes * TEXT_SHARE_OF_BUDGET), what, '');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FormatError(path, 'file', 'is not UTF-8 text', `give a JSON ${what} file`);
  }
  if (jsonDepth(text) > MAX_JSON_DEPTH) throw new FormatError(path, 'JSON', `nests arrays or objects more than ${MAX_JSON_DEPTH} levels deep`, `give a JSON ${what} file of the documented shape`);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new FormatError(path, 'JSON', `is not valid JSON (${(e as Error).message})`, 'fix the syntax; NaN and Infinity are not JSON, write finite numbers');
  }
}
