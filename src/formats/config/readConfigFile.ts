/**
 * A configuration file: read within the memory budget, parsed against the schemas, and the
 * folder it sits in (paths inside a config — weights, data — are relative to it). Errors name
 * the file: "<file>: <field>: <problem>; <fix>".
 */
import { dirname } from 'node:path';
import { ConfigError } from '../../config/configError.js';
import { memoryBudgetBytes } from '../../config/memoryBudget.js';
import { readJsonFile } from '../jsonFile.js';
import { parseConfig, type AnyConfig } from './parseConfig.js';

export interface ConfigFile {
  readonly path: string;
  readonly dir: string;
  readonly config: AnyConfig;
}

/** `budgetBytes`: the memory budget in force (the command line passes the one it read at start). */
export function readConfigFile(path: string, budgetBytes: number = memoryBudgetBytes()): ConfigFile {
  const raw = readJsonFile(path, 'configuration', budgetBytes);
  try {
    return { path, dir: dirname(path), config: parseConfig(raw) };
  } catch (e) {
    if (e instanceof ConfigError) throw new ConfigError(`${path}: ${e.field}`, e.problem, e.fix);
    throw e;
  }
}
