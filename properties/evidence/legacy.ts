/**
 * Untyped evidence (a record of JSON scalars and flat arrays), for claims not yet migrated to a
 * declared evidence type. Temporary: every claim moves to its own schema in this folder.
 */
import { z } from 'zod';
import { SummaryValueSchema, type EvidenceValue } from '../../src/report/types.js';

export const LegacyEvidenceSchema: z.ZodType<Record<string, EvidenceValue>> = z.record(z.string(), SummaryValueSchema);
export type LegacyEvidence = Record<string, EvidenceValue>;
