/** Reads and parses a JSON configuration file, with errors that name the file. */
import { readFileSync } from 'node:fs';
import { CliError } from './cliError.js';

export function readJsonFile(path: string | undefined, what: string, command: string): unknown {
  if (path === undefined) throw new CliError(`${command}: missing ${what} file argument`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`${path}: cannot read ${what} (${(e as NodeJS.ErrnoException).code ?? String(e)}); check the path`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(`${path}: not valid JSON (${(e as Error).message}); NaN and Infinity are not JSON, write finite numbers`);
  }
}
