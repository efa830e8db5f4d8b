/**
 * The command line as a commander program built from the command specs (cli/commands/).
 * Built afresh per call so tests can run it in-process with captured output. Help and usage
 * errors go through the same CliIO as everything else; commander never exits the process.
 */
import { Command, Option } from 'commander';
import { quote } from '../src/formats/formatError.js';
import type { ParsedArgs } from './args.js';
import { CliError } from './cliError.js';
import type { CommandSpec, OptionSpec } from './commandSpec.js';
import { parseFlag } from './flagTypes.js';
import type { CliIO } from './io.js';
import { DEFAULT_CONTEXT, type RunContext } from './runContext.js';

export const PROGRAM_NAME = 'hessian-conformance';

/** What an action produced: its exit code (commander's own parse stores it here). */
export interface ProgramRun {
  code: number | null;
}

/** A typed option's raw text checked against its declared type (one line naming flag, range and value). */
function checkedValue(o: OptionSpec, raw: string, command: string): unknown {
  if (!o.type) return raw;
  const r = parseFlag(o.type, raw);
  if (r.ok) return r.value;
  throw new CliError(`${command}: --${o.name} must be ${o.type.text}, got ${quote(raw)}${r.detail ? ` (${r.detail.length > 60 ? `${r.detail.slice(0, 59)}…` : r.detail})` : ''}`);
}

function toParsedArgs(spec: CommandSpec, command: string, positional: string[], opts: Record<string, unknown>): ParsedArgs {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const values = new Map<string, unknown>();
  for (const f of spec.flags ?? []) if (opts[camel(f.name)] === true) flags.add(f.name);
  for (const o of spec.options ?? []) {
    const v = opts[camel(o.name)];
    if (typeof v === 'string') {
      options.set(o.name, v);
      if (o.type) values.set(o.name, checkedValue(o, v, command));
    } else if (o.required) {
      throw new CliError(`${command}: --${o.name} is required (${o.type?.text ?? o.description})`);
    } else if (o.type && o.default !== undefined) {
      values.set(o.name, o.default);
    }
  }
  return { positional, flags, options, values };
}

/** Help line of an option: its description, then what it takes and its default, from the declaration. */
function optionHelp(o: OptionSpec): string {
  const extra = [o.type ? o.type.text : null, o.required ? 'required' : null, o.default !== undefined ? `default ${String(o.default)}` : null].filter(Boolean);
  return extra.length ? `${o.description} (${extra.join('; ')})` : o.description;
}

/** commander's attribute name for a flag (kebab-case → camelCase; "Nh" stays "Nh"). */
function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** "<config.json>" → "config.json", "<partial conformance.json...>" → "partial-conformance.json". */
function argumentName(args: string): string {
  return args.replace(/[<>[\].]{3}|[<>[\]]/g, '').replace(/\.\.\.$/, '').trim().replace(/\s+/g, '-') || 'args';
}

function helpFooter(spec: CommandSpec, path: string): string {
  const parts: string[] = [];
  if (spec.details) parts.push('', spec.details);
  parts.push('', 'Examples:', ...spec.examples.map((e) => `  $ ${e}`));
  if (path) parts.push('', `Errors exit 2 with one line naming the field and the fix.`);
  return parts.join('\n');
}

function addCommand(parent: Command, spec: CommandSpec, io: CliIO, run: ProgramRun, path: string, ctx: RunContext): void {
  const cmd = new Command(spec.name).description(spec.summary).allowExcessArguments(false);
  if (spec.args) {
    // Arguments are declared variadic-optional so that a missing or extra argument reaches the
    // action, whose message names what is expected (commander's own is generic).
    cmd.argument(`[${argumentName(spec.args)}...]`, spec.argsDescription ?? '');
    cmd.usage(`${spec.args} [options]`);
  }
  for (const f of spec.flags ?? []) cmd.addOption(new Option(`--${f.name}`, f.description));
  for (const o of spec.options ?? []) cmd.addOption(new Option(`--${o.name} <${o.value}>`, optionHelp(o)));
  cmd.addHelpText('after', helpFooter(spec, `${path} ${spec.name}`));
  configure(cmd, io);
  for (const sub of spec.subcommands ?? []) addCommand(cmd, sub, io, run, `${path} ${spec.name}`, ctx);
  const label = `${path} ${spec.name}`.trim();
  cmd.action(async (...params: unknown[]) => {
    const opts = cmd.opts();
    const positional = spec.args ? ((params[0] as string[] | undefined) ?? []) : [];
    run.code = await spec.run(toParsedArgs(spec, label, positional, opts), io, ctx);
  });
  parent.addCommand(cmd);
}

function configure(cmd: Command, io: CliIO): void {
  cmd
    // Options after a subcommand's name belong to the subcommand (`report render x --out D`
    // must not hand --out to `report`).
    .enablePositionalOptions()
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: () => {}, outputError: () => {} });
}

export function buildProgram(specs: readonly CommandSpec[], io: CliIO, run: ProgramRun, ctx: RunContext = DEFAULT_CONTEXT): Command {
  const program = new Command(PROGRAM_NAME)
    .description('Checks published theory about neural-network Hessians against float64 Hessians it computes.')
    .usage('<command> [options]')
    .addHelpText('after', `\nRun \`${PROGRAM_NAME} <command> --help\` for a command's flags and an example.`);
  configure(program, io);
  for (const spec of specs) addCommand(program, spec, io, run, '', ctx);
  return program;
}
