/**
 * Evidence fragments the linear-network claims (C2a–c) share: which net a case drew, and the
 * top eigenvalues measured against predicted (largest first) that their figures draw.
 */
import { z } from 'zod';

const count = z.number().int().nonnegative();

/** The drawn net: family and sizes (depth null for two-layer nets). */
export const LinearNetFields = {
  family: z.enum(['two-layer', 'deep-linear']),
  depth: z.number().int().min(2).nullable(),
  Ni: count,
  Nh: count,
  N: count,
  P: count,
};

/** Measured eigenvalues of H(θ*) and the prediction they are compared with, largest first, exact. */
export const EigenvaluePairsSchema = z
  .strictObject({ predicted: z.array(z.number()), measured: z.array(z.number()) })
  .refine((e) => e.predicted.length === e.measured.length, { message: 'predicted and measured eigenvalues must pair up (same length)' });
export type EigenvaluePairs = z.infer<typeof EigenvaluePairsSchema>;
