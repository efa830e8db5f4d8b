/**
 * hessian-conformance command line — the composition root: the one place that imports every
 * layer (engine, theory, properties, report) and wires them together. Nothing imports it.
 *
 * Error policy (one guard for every command): bad input — a config, a file, a flag, another
 * program's answer — exits 2 with ONE line naming the field or file and the fix (CliError,
 * ConfigError, the report's and formats' input errors, commander's usage errors). Anything
 * else is an internal error: still one line, exit 2, saying it is a bug and how to report it
 * (HC_DEBUG=1 prints the stack). No stack trace reaches a user by default.
 */
import { CommanderError } from 'commander';
import { budgetFromEnv } from '../src/config/budget.js';
import { ConfigError } from '../src/config/configError.js';
import { NonFiniteError } from '../src/linalg/nonFinite.js';
import { RunSettingsError } from '../src/harness/runSettings.js';
import { ReportInputError } from '../src/report/json.js';
import { CliError, EXIT_BAD_INPUT, EXIT_OK } from './cliError.js';
import { COMMAND_SPECS } from './commands/index.js';
import { processIO, type CliIO } from './io.js';
import { buildProgram, PROGRAM_NAME, type ProgramRun } from './program.js';
import type { RunContext } from './runContext.js';

/** Errors whose message is already the one line a user needs (an overflow the command did not attribute is still about the input). */
const INPUT_ERRORS = [CliError, ConfigError, ReportInputError, RunSettingsError, NonFiniteError];

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}

function commandPath(argv: readonly string[]): string {
  return argv[0] && !argv[0].startsWith('-') ? argv[0] : PROGRAM_NAME;
}

/** The subcommand named in argv ("merge" of `report merge …`), or null. */
function subcommandOf(argv: readonly string[]): string | null {
  const cmd = commandPath(argv);
  return argv[1] && !argv[1].startsWith('-') && COMMAND_SPECS.find((s) => s.name === cmd)?.subcommands?.some((s) => s.name === argv[1]) ? argv[1] : null;
}

/** Every error line starts with the command it is about ("report merge: …"); a message that already names it keeps its own words. */
function withCommand(msg: string, argv: readonly string[]): string {
  const cmd = commandPath(argv);
  const sub = subcommandOf(argv);
  const full = sub ? `${cmd} ${sub}` : cmd;
  if (msg.startsWith(`${full}:`)) return msg;
  if (sub && msg.startsWith(`${sub}:`)) return `${cmd} ${msg}`;
  if (!sub && (msg.startsWith(`${cmd}:`) || msg.startsWith(`${cmd} `))) return msg;
  return `${full}: ${msg}`;
}

/** commander's usage error as one line: "spectrum: unknown option --jsn (did you mean --json?); see …". */
function usageErrorLine(e: CommanderError, argv: readonly string[]): string {
  const text = oneLine(e.message.replace(/^error: /, ''))
    .replace(/'(--?[\w-]+(?: <[^>]+>)?)'/g, '$1')
    .replace(/\(Did you mean/, '(did you mean');
  if (e.code === 'commander.unknownCommand') {
    const names = COMMAND_SPECS.map((s) => s.name).join(', ');
    return `${text.replace(/'([^']+)'/, '"$1"')}; commands: ${names}`;
  }
  const cmd = commandPath(argv);
  const sub = subcommandOf(argv) ? ` ${argv[1]}` : '';
  return `${cmd}${sub}: ${text}; see \`${PROGRAM_NAME} ${cmd === PROGRAM_NAME ? '' : `${cmd}${sub} `}--help\``;
}

/**
 * Runs the command line on `argv`. `env` is the environment the budgets are read from, once,
 * here (HC_MEMORY_BUDGET_MB, HC_TIME_BUDGET_S; src/config/budget.ts): tests pass their own.
 */
export async function main(argv: readonly string[], io: CliIO = processIO, env: Readonly<Record<string, string | undefined>> = process.env): Promise<number> {
  const run: ProgramRun = { code: null };
  if (argv.length === 0) {
    buildProgram(COMMAND_SPECS, io, run).outputHelp();
    return EXIT_BAD_INPUT;
  }
  try {
    const ctx: RunContext = { budget: budgetFromEnv(env) };
    await buildProgram(COMMAND_SPECS, io, run, ctx).parseAsync([...argv], { from: 'user' });
    return run.code ?? EXIT_OK;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version') return EXIT_OK;
      io.err(usageErrorLine(e, argv));
      return EXIT_BAD_INPUT;
    }
    if (INPUT_ERRORS.some((k) => e instanceof k) || (e instanceof Error && e.name === 'FormatError')) {
      io.err(withCommand(oneLine((e as Error).message), argv));
      return EXIT_BAD_INPUT;
    }
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    io.err(`${commandPath(argv)}: internal error (a bug in ${PROGRAM_NAME}, not in your input): ${oneLine(message)}; please report it with the command line and input files (HC_DEBUG=1 prints the stack)`);
    if (env.HC_DEBUG === '1' && e instanceof Error && e.stack) io.err(e.stack);
    return EXIT_BAD_INPUT;
  }
}

const invokedDirectly = process.argv[1] !== undefined && /cli[\\/]main\.[cm]?[jt]s$/.test(process.argv[1]);
if (invokedDirectly) {
  // A closed pipe (`… | head`) ends the output quietly instead of an EPIPE stack trace.
  for (const s of [process.stdout, process.stderr]) s.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' ? process.exit(process.exitCode ?? 0) : undefined));
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
