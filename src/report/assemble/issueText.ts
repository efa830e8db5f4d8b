/** One line from a zod error: the first issue's path and message (enough to find and fix it). */
import type { z } from 'zod';

export function issueText(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'invalid value';
  const path = first.path.length ? first.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '(top level)';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  return `${path}: ${first.message}${more}`;
}
