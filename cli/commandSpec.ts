/**
 * A command as data: its name, one-line summary, positional arguments, flags and valued
 * options (each with its help text), examples, and the action. cli/program.ts turns every spec
 * into a commander command, so each has its own `--help` listing its flags and an example;
 * commander rejects unknown flags (with a "did you mean" suggestion) before the action runs.
 * The action receives the parsed arguments and validates their values (args.ts).
 */
import type { ParsedArgs } from './args.js';
import type { CliIO } from './io.js';

export interface FlagSpec {
  /** Without dashes, e.g. "json". */
  readonly name: string;
  readonly description: string;
}

export interface OptionSpec extends FlagSpec {
  /** Placeholder in help, e.g. "K" for `--k <K>`. */
  readonly value: string;
}

export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  /** Positional arguments as shown in help, e.g. "<config.json>" or "<files...>". */
  readonly args?: string;
  /** What the positional arguments are, for help. */
  readonly argsDescription?: string;
  readonly flags?: readonly FlagSpec[];
  readonly options?: readonly OptionSpec[];
  /** Complete command lines a user can paste. */
  readonly examples: readonly string[];
  /** More help text (what the output holds, routes, caveats). */
  readonly details?: string;
  readonly subcommands?: readonly CommandSpec[];
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}

/** The one-line usage of a spec, e.g. "spectrum <config.json> [--json] [--backend <name>]". */
export function usageLine(spec: CommandSpec, prefix = ''): string {
  const flags = (spec.flags ?? []).map((f) => `[--${f.name}]`);
  const options = (spec.options ?? []).map((o) => `[--${o.name} <${o.value}>]`);
  return [`${prefix}${spec.name}`, spec.args ?? '', ...flags, ...options].filter(Boolean).join(' ');
}
