/**
 * Minimal, strict argument parsing: positional arguments, boolean flags and --key value
 * options. Unknown flags are errors (a typo must not silently change a run).
 */
import { CliError } from './cliError.js';

export interface ParsedArgs {
  readonly positional: string[];
  readonly flags: Set<string>;
  readonly options: Map<string, string>;
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
