/**
 * The budgets every command is held to, read ONCE at the entry point (cli/main.ts passes its
 * `env` argument) and threaded from there — tests inject small budgets without touching
 * process.env:
 *
 *  - memory: HC_MEMORY_BUDGET_MB (default 1024 MiB; see ./memoryBudget.ts for why), bounding
 *    every route's estimated peak allocation and the size of files read;
 *  - time: HC_TIME_BUDGET_S (default 3600 s), bounding every route's estimated run time
 *    (./routeCost.ts). One hour admits the longest documented command, `calibrate C2d
 *    --runs 200` (≈ 200 × 6 s CPU), and refuses sizes whose estimate is hours or days —
 *    the commands that used to look hung. Anything estimated above a few seconds shows
 *    progress instead.
 */
import { ConfigError } from './configError.js';

export const DEFAULT_MEMORY_BUDGET_MB = 1024;
export const DEFAULT_TIME_BUDGET_S = 3600;

export interface Budget {
  /** Largest estimated peak allocation of a route, in bytes. */
  readonly bytes: number;
  /** Largest estimated run time of a route, in seconds. */
  readonly seconds: number;
}

export const DEFAULT_BUDGET: Budget = { bytes: DEFAULT_MEMORY_BUDGET_MB * 2 ** 20, seconds: DEFAULT_TIME_BUDGET_S };

function positiveFromEnv(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number, unit: string, example: string): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const v = Number(raw);
  if (!/^\s*[0-9.eE+-]+\s*$/.test(raw) || !Number.isFinite(v) || v <= 0) {
    throw new ConfigError(name, `must be a positive number of ${unit}, got ${JSON.stringify(raw.slice(0, 40))}`, `unset it or give e.g. ${name}=${example}`);
  }
  return v;
}

/** The memory budget in bytes from HC_MEMORY_BUDGET_MB. */
export function memoryBudgetFromEnv(env: Readonly<Record<string, string | undefined>>): number {
  return positiveFromEnv(env, 'HC_MEMORY_BUDGET_MB', DEFAULT_MEMORY_BUDGET_MB, 'MiB', '4096') * 2 ** 20;
}

/** Both budgets from an environment (validated: a bad value is a ConfigError naming the variable). */
export function budgetFromEnv(env: Readonly<Record<string, string | undefined>>): Budget {
  return { bytes: memoryBudgetFromEnv(env), seconds: positiveFromEnv(env, 'HC_TIME_BUDGET_S', DEFAULT_TIME_BUDGET_S, 'seconds', '7200') };
}

/** Bytes for messages: "3145 MiB", "12 GiB", "3.1e+3 TiB" (small sizes keep a decimal). */
export function mibText(bytes: number): string {
  const m = bytes / 2 ** 20;
  if (m >= 1e4 * 1024) return `${(m / 2 ** 20).toPrecision(2)} TiB`;
  if (m >= 1e4) return `${(m / 1024).toFixed(0)} GiB`;
  return `${m >= 10 ? m.toFixed(0) : m >= 0.1 ? m.toFixed(1) : m.toPrecision(1)} MiB`;
}

/** Seconds for messages ("0.4 s", "12 s", "2.1 h", "3.4 days"). */
export function secondsText(s: number): string {
  if (s < 1) return `${s.toPrecision(1)} s`;
  if (s < 120) return `${s.toPrecision(2)} s`;
  if (s < 3600) return `${(s / 60).toFixed(0)} min`;
  if (s < 2 * 86400) return `${(s / 3600).toFixed(1)} h`;
  if (s < 1e3 * 365 * 86400) return `${(s / 86400).toPrecision(2)} days`;
  return `${s.toExponential(1)} s`;
}
