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

export function readConfigFile(path: string): ConfigFile {
  const raw = readJsonFile(path, 'configuration', memoryBudgetBytes());
  try {
    return { path, dir: dirname(path), config: parseConfig(raw) };
  } catch (e) {
    if (e instanceof ConfigError) throw new ConfigError(`${path}: ${e.field}`, e.problem, e.fix);
    throw e;
  }
}
