/**
 * A command as data: its name, one-line summary, positional arguments, flags and valued
 * options (each with its help text), examples, and the action. cli/program.ts turns every spec
 * into a commander command, so each has its own `--help` listing its flags and an example;
 * commander rejects unknown flags (with a "did you mean" suggestion) before the action runs.
 *
 * A valued option may declare its type (./flagTypes.ts: a zod schema): then the program checks
 * the value before the action runs ("<command>: --<flag> must be <range>, got <value>"), the
 * help text states the range, and the action reads the typed value with `valueOf` (args.ts).
 * An option with only a `value` placeholder stays a string in `args.options`, as before, for
 * the action to check. Cross-flag rules (k ≤ P, a law's own flags) stay in the actions.
 */
import type { ParsedArgs } from './args.js';
import type { FlagType } from './flagTypes.js';
import type { CliIO } from './io.js';
import type { RunContext } from './runContext.js';

export interface FlagSpec {
  /** Without dashes, e.g. "json". */
  readonly name: string;
  readonly description: string;
}

export interface OptionSpec extends FlagSpec {
  /** Placeholder in help, e.g. "K" for `--k <K>`. */
  readonly value: string;
  /** What the value must be; checked before the action runs. Without it the value is a string. */
  readonly type?: FlagType<unknown>;
  /** The action cannot run without it: "<command>: --<flag> is required (<range>)". @defaultValue false */
  readonly required?: boolean;
  /** The value when the flag is absent (typed options; shown in help). */
  readonly default?: unknown;
}

/** An option whose value has a declared type T (see `option`). */
export interface TypedOptionSpec<T> extends OptionSpec {
  readonly type: FlagType<T>;
  readonly default?: T;
}

/** Declares a typed option (the value's type follows from `type`). */
export function option<T>(spec: TypedOptionSpec<T>): TypedOptionSpec<T> {
  return spec;
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
  /** The action; `ctx` carries the budgets read once at the entry point (cli/main.ts). */
  run(args: ParsedArgs, io: CliIO, ctx: RunContext): Promise<number>;
}

/** The one-line usage of a spec, e.g. "spectrum <config.json> [--json] [--backend <name>]". */
export function usageLine(spec: CommandSpec, prefix = ''): string {
  const flags = (spec.flags ?? []).map((f) => `[--${f.name}]`);
  const options = (spec.options ?? []).map((o) => `[--${o.name} <${o.value}>]`);
  return [`${prefix}${spec.name}`, spec.args ?? '', ...flags, ...options].filter(Boolean).join(' ');
}
