/**
 * The command line as a commander program built from the command specs (cli/commands/).
 * Built afresh per call so tests can run it in-process with captured output. Help and usage
 * errors go through the same CliIO as everything else; commander never exits the process.
 */
import { Command, Option } from 'commander';
import type { ParsedArgs } from './args.js';
import type { CommandSpec } from './commandSpec.js';
import type { CliIO } from './io.js';

export const PROGRAM_NAME = 'hessian-conformance';

/** What an action produced: its exit code (commander's own parse stores it here). */
export interface ProgramRun {
  code: number | null;
}

function toParsedArgs(spec: CommandSpec, positional: string[], opts: Record<string, unknown>): ParsedArgs {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  for (const f of spec.flags ?? []) if (opts[camel(f.name)] === true) flags.add(f.name);
  for (const o of spec.options ?? []) {
    const v = opts[camel(o.name)];
    if (typeof v === 'string') options.set(o.name, v);
  }
  return { positional, flags, options };
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

function addCommand(parent: Command, spec: CommandSpec, io: CliIO, run: ProgramRun, path: string): void {
  const cmd = new Command(spec.name).description(spec.summary).allowExcessArguments(false);
  if (spec.args) {
    // Arguments are declared variadic-optional so that a missing or extra argument reaches the
    // action, whose message names what is expected (commander's own is generic).
    cmd.argument(`[${argumentName(spec.args)}...]`, spec.argsDescription ?? '');
    cmd.usage(`${spec.args} [options]`);
  }
  for (const f of spec.flags ?? []) cmd.addOption(new Option(`--${f.name}`, f.description));
  for (const o of spec.options ?? []) cmd.addOption(new Option(`--${o.name} <${o.value}>`, o.description));
  cmd.addHelpText('after', helpFooter(spec, `${path} ${spec.name}`));
  configure(cmd, io);
  for (const sub of spec.subcommands ?? []) addCommand(cmd, sub, io, run, `${path} ${spec.name}`);
  cmd.action(async (...params: unknown[]) => {
    const opts = cmd.opts();
    const positional = spec.args ? ((params[0] as string[] | undefined) ?? []) : [];
    run.code = await spec.run(toParsedArgs(spec, positional, opts), io);
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

export function buildProgram(specs: readonly CommandSpec[], io: CliIO, run: ProgramRun): Command {
  const program = new Command(PROGRAM_NAME)
    .description('Checks published theory about neural-network Hessians against float64 Hessians it computes.')
    .usage('<command> [options]')
    .addHelpText('after', `\nRun \`${PROGRAM_NAME} <command> --help\` for a command's flags and an example.`);
  configure(program, io);
  for (const spec of specs) addCommand(program, spec, io, run, '');
  return program;
}
