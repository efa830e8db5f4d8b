/**
 * CLAIM_HOOKS: the report's per-claim summaries and figures, by claim id. A claim without an
 * entry still appears in the report, with the generic key number and figure (generic.ts).
 * To add one: write <id>.ts exporting a ClaimReportHook, and add one line below.
 */
import type { ClaimReportHook } from '../hook.js';
import { c1Hook } from './C1.js';
import { c2aHook } from './C2a.js';
import { c2bHook } from './C2b.js';
import { c2cHook } from './C2c.js';
import { c2dHook } from './C2d.js';
import { c2eHook } from './C2e.js';
import { c3Hook } from './C3.js';
import { c4Hook } from './C4.js';
import { s1Hook } from './S1.js';
import { s3Hook } from './S3.js';
import { s2Hook } from './S2.js';
import { s4Hook } from './S4.js';

export const CLAIM_HOOKS: Readonly<Record<string, ClaimReportHook>> = {
  C1: c1Hook,
  C2a: c2aHook,
  C2b: c2bHook,
  C2c: c2cHook,
  C2d: c2dHook,
  C2e: c2eHook,
  C3: c3Hook,
  C4: c4Hook,
  S1: s1Hook,
  S3: s3Hook,
  S2: s2Hook,
  S4: s4Hook,
};
