/** A configuration problem: names the offending field and says how to fix it. */
export class ConfigError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${field}: ${problem}; ${fix}`);
    this.name = 'ConfigError';
  }
}
