/**
 * What every command receives besides its arguments: the budgets, read once from the
 * environment at the entry point (cli/main.ts's `env` argument, process.env for the real
 * process). Commands never read process.env themselves, so tests inject budgets.
 */
import { DEFAULT_BUDGET, type Budget } from '../src/config/budget.js';

export interface RunContext {
  readonly budget: Budget;
}

export const DEFAULT_CONTEXT: RunContext = { budget: DEFAULT_BUDGET };
