/**
 * Error policy of the command line: bad input exits with code 2 and ONE line naming the
 * field and the fix (a ConfigError or CliError); nothing is printed to stdout before the
 * input is fully validated, so nothing is half-written. Any other error is a bug: exit 1
 * with its stack.
 */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

export const EXIT_OK = 0;
export const EXIT_BUG = 1;
export const EXIT_BAD_INPUT = 2;
