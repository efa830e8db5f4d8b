/** The command registry: name → module with `usage` and `run`. Add a command here. */
import type { CliIO } from '../io.js';
import * as calibrate from './calibrate.js';
import * as dynamics from './dynamics.js';
import * as ks from './ks.js';
import * as law from './law.js';
import * as report from './report.js';
import * as spectrum from './spectrum.js';
import * as topEigenvalues from './topEigenvalues.js';

export interface Command {
  readonly usage: string;
  run(argv: readonly string[], io: CliIO): Promise<number>;
}

export const COMMANDS: Record<string, Command> = {
  spectrum,
  report,
  dynamics,
  'top-eigenvalues': topEigenvalues,
  law,
  ks,
  calibrate,
};
