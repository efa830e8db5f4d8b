/**
 * The arguments an action receives: positional arguments, boolean flags, raw option strings,
 * and the checked values of typed options (cli/flagTypes.ts; read them with `valueOf`).
 * `parseArgs` is the minimal strict parser for callers outside commander; `numberOption` is
 * kept for actions whose options do not declare a type yet.
 */
import { CliError } from './cliError.js';
import type { FlagType } from './flagTypes.js';

export interface ParsedArgs {
  readonly positional: string[];
  readonly flags: Set<string>;
  readonly options: Map<string, string>;
  /** Checked values of typed options (defaults applied), by option name. */
  readonly values?: ReadonlyMap<string, unknown>;
}

/** What `valueOf` needs of a typed option (./commandSpec.ts TypedOptionSpec). */
interface TypedOption<T> {
  readonly name: string;
  readonly type: FlagType<T>;
  readonly default?: T;
}

/** The checked value of a typed option, its default when absent, or undefined. */
export function valueOf<T>(args: ParsedArgs, o: TypedOption<T>): T | undefined {
  if (args.values?.has(o.name)) return args.values.get(o.name) as T;
  return o.default;
}

/** The value of a typed option the action cannot do without (declared `required` or with a default). */
export function requiredValue<T>(args: ParsedArgs, o: TypedOption<T>, command: string): T {
  const v = valueOf(args, o);
  if (v === undefined) throw new CliError(`${command}: --${o.name} is required (${o.type.text})`);
  return v;
}

export function parseArgs(argv: readonly string[], spec: { flags?: readonly string[]; options?: readonly string[] }, command: string): ParsedArgs {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const positional: string[] = [];
  const knownFlags = new Set(spec.flags ?? []);
  const knownOptions = new Set(spec.options ?? []);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
    if (knownFlags.has(name) && eq < 0) {
      flags.add(name);
    } else if (knownOptions.has(name)) {
      const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new CliError(`${command}: --${name} needs a value`);
      options.set(name, value);
    } else {
      const known = [...knownFlags, ...knownOptions].map((f) => `--${f}`).join(', ') || 'none';
      throw new CliError(`${command}: unknown option --${name}; known options: ${known}`);
    }
  }
  return { positional, flags, options };
}

/** A numeric option with validation; `check` states the allowed range in words. */
export function numberOption(args: ParsedArgs, name: string, command: string, check: (v: number) => boolean, range: string, fallback?: number): number {
  const raw = args.options.get(name);
  if (raw === undefined) {
    if (fallback === undefined) throw new CliError(`${command}: --${name} is required (${range})`);
    return fallback;
  }
  const v = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(v) || !check(v)) throw new CliError(`${command}: --${name} must be ${range}, got ${JSON.stringify(raw)}`);
  return v;
}
