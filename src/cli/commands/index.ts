/** The command registry: name → module with `usage` and `run`. Add a command here. */
import type { CliIO } from '../io.js';
import * as spectrum from './spectrum.js';

export interface Command {
  readonly usage: string;
  run(argv: readonly string[], io: CliIO): Promise<number>;
}

export const COMMANDS: Record<string, Command> = {
  spectrum,
};
