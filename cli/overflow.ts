/**
 * Overflow reported as what it is. When a computation leaves the float64 range the engine
 * throws NonFiniteError naming the QUANTITY (src/linalg/nonFinite.ts); here it becomes one line
 * naming the INPUTS that caused it — the largest weights and data of an explicit configuration,
 * the scales and the student offset of a generated one — and what to change:
 *
 *   spectrum: big.json: the Gauss–Newton matrix JᵀJ/N overflows float64 at these inputs
 *   (|W| up to 1e+200, |X| up to 2.1, |a| up to 1); scale them down — …
 *
 * Results are checked the same way before they are printed (`assertFiniteResult`): a NaN or
 * Infinity never reaches the output as a number, nor as JSON's "null".
 */
import type { TeacherStudentConfig } from '../src/formats/config/parseConfig.js';
import { NonFiniteError } from '../src/linalg/nonFinite.js';
import { CliError } from './cliError.js';

interface Magnitude {
  readonly field: string;
  readonly value: number;
  /** How the magnitude reads in a message. */
  readonly text: string;
}

/** Two significant digits as JavaScript prints them: 1e+200, 2.3, 0.0012. */
const short = (v: number) => String(Number(v.toPrecision(2)));

function maxAbs(value: unknown): number {
  if (typeof value === 'number') return Math.abs(value);
  if (Array.isArray(value)) {
    let m = 0;
    for (const v of value) m = Math.max(m, maxAbs(v));
    return m;
  }
  return 0;
}

/** The inputs of a configuration with their magnitudes, largest first. */
export function inputMagnitudes(c: TeacherStudentConfig): Magnitude[] {
  const out: Magnitude[] = [];
  const arr = (field: string, v: unknown) => {
    const m = maxAbs(v);
    out.push({ field, value: m, text: `|${field}| up to ${short(m)}` });
  };
  const scalar = (field: string, v: number | undefined, fallback: number) => {
    const m = v ?? fallback;
    out.push({ field, value: m, text: `${field} ${short(m)}` });
  };
  if ('Ni' in c) {
    scalar('sigma1', c.sigma1, 1);
    scalar('sigma2', c.sigma2, 1);
    if ((c.studentOffset ?? 0) > 0) scalar('studentOffset', c.studentOffset, 0);
  } else if (c.family === 'two-layer') {
    arr('W', c.W);
    arr('a', c.a);
    arr('X', c.X);
    if (c.student) {
      arr('student.W', c.student.W);
      arr('student.a', c.student.a);
    }
  } else {
    c.layers.forEach((m, l) => arr(`layers[${l}]`, m));
    arr('X', c.X);
    if (c.student) c.student.layers.forEach((m, l) => arr(`student.layers[${l}]`, m));
  }
  return out.sort((a, b) => b.value - a.value);
}

function fixFor(c: TeacherStudentConfig, top: Magnitude): string {
  if (top.field === 'studentOffset') return `lower studentOffset: a student ${short(top.value)} away from the teacher is outside float64 arithmetic (offsets of order 0.01–1 are typical)`;
  if ('Ni' in c) return `lower ${top.field}: the Hessian multiplies up to four weights and inputs, so scales of order 1 (at most ~1e50) keep it within float64`;
  return `scale ${top.field} (and the other large entries) down: the Hessian multiplies up to four weights and inputs, so entries of order 1 (at most ~1e50) keep it within float64`;
}

/** The one-line error for an overflow while computing on configuration `c` from `file`. */
export function overflowError(command: string, file: string, e: NonFiniteError, c: TeacherStudentConfig): CliError {
  const mags = inputMagnitudes(c);
  const shown = mags.slice(0, 3).map((m) => m.text).join(', ');
  return new CliError(`${command}: ${file}: ${e.quantity} overflows float64 at these inputs (${shown}); ${fixFor(c, mags[0])}`);
}

/** Runs `f`; an overflow inside it becomes the one-line error naming the inputs. */
export function reportingOverflow<T>(command: string, file: string, c: TeacherStudentConfig, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof NonFiniteError) throw overflowError(command, file, e, c);
    throw e;
  }
}

/** Async form of reportingOverflow. */
export async function reportingOverflowAsync<T>(command: string, file: string, c: TeacherStudentConfig, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof NonFiniteError) throw overflowError(command, file, e, c);
    throw e;
  }
}

/**
 * Throws NonFiniteError for the first NaN or ±Infinity anywhere in a result (numbers, arrays,
 * typed arrays, nested objects); `null` is left alone — it is how a result says "absent".
 */
export function assertFiniteResult(value: unknown, what: string, path = ''): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new NonFiniteError(`${what}${path ? ` (${path})` : ''}`, value);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (ArrayBuffer.isView(value)) {
    const a = value as unknown as ArrayLike<number>;
    for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) throw new NonFiniteError(`${what} (${path}[${i}])`, a[i]);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertFiniteResult(v, what, `${path}[${i}]`));
    return;
  }
  for (const [k, v] of Object.entries(value)) assertFiniteResult(v, what, path ? `${path}.${k}` : k);
}
