/**
 * hessian-conformance command line: `npm run --silent cli -- <command> ...` or the
 * package bin. Dispatches to src/cli/commands; applies the error policy of cliError.ts.
 */
import { ConfigError } from '../config/configError.js';
import { CliError, EXIT_BAD_INPUT, EXIT_BUG } from './cliError.js';
import { COMMANDS } from './commands/index.js';
import { processIO, type CliIO } from './io.js';

export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(['usage: hessian-conformance <command> [...]', '', ...Object.values(COMMANDS).map((c) => `  ${c.usage}`)].join('\n'));
    return name === undefined ? EXIT_BAD_INPUT : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`unknown command ${JSON.stringify(name)}; commands: ${Object.keys(COMMANDS).join(', ')}`);
    return EXIT_BAD_INPUT;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof CliError || e instanceof ConfigError) {
      io.err(e instanceof ConfigError ? `${name}: ${e.message}` : e.message);
      return EXIT_BAD_INPUT;
    }
    io.err(e instanceof Error ? (e.stack ?? e.message) : String(e));
    return EXIT_BUG;
  }
}

const invokedDirectly = process.argv[1] !== undefined && /src[\\/]cli[\\/]main\.ts$/.test(process.argv[1]);
if (invokedDirectly) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
