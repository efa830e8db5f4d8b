/**
 * The MLP engine's error policy: every public entry point (buildMlpProblem and the
 * MlpProblem methods) validates its arguments up front and throws an MlpInputError that
 * names the function, the offending field and the fix. It is a ConfigError (field and fix
 * are readable properties), so callers that already report ConfigErrors handle it too.
 * Internal kernels (forward, backprop, rOperator) do not validate: they trust their callers.
 */
import { ConfigError } from '../../config/configError.js';

export class MlpInputError extends ConfigError {
  constructor(
    readonly fn: string,
    field: string,
    problem: string,
    fix: string,
  ) {
    super(field, problem, fix);
    this.name = 'MlpInputError';
    this.message = `${fn}: ${field} ${problem}; ${fix}`;
  }
}
