/**
 * S4 · connected basins: what each case records (properties/definitions/connectedBasins.ts).
 * Nothing that decides a verdict is rounded: the loss along each line (the barrier is its
 * maximum minus the higher end), the tolerances, and the end points' training summaries.
 * `lineLoss[i]` is the loss at t = i/(n − 1) on θ(t) = (1 − t)·θ_A + t·θ_B (n = its length).
 */
import { z } from 'zod';

const count = z.number().int().nonnegative();

/** θ_A against another end point through the same check; it must show a barrier above its τ. */
export const S4NeighbourSchema = z.strictObject({
  id: z.enum(['permuted-twin', 'independent-start']),
  /** Asserted (the permuted twin) or only reported (the independent start). */
  asserted: z.boolean(),
  distance: z.number(),
  barrier: z.number(),
  tolerance: z.number(),
  /** barrier ÷ tolerance (> 1: rejected). */
  margin: z.number(),
  lineLoss: z.array(z.number()).min(2),
});
export type S4Neighbour = z.infer<typeof S4NeighbourSchema>;

export const S4EvidenceSchema = z.strictObject({
  k: z.number().int().min(2),
  width: z.number().int().positive(),
  /** θ_A: full-batch GD to the gradient tolerance (must be near a minimum). */
  largeBatch: z.strictObject({ steps: count, loss: z.number(), gradientNorm: z.number(), accuracy: z.number(), converged: z.boolean() }),
  /** θ_B: the small-batch SGD continuation from θ_A; `pathMaxLoss` is the largest loss it checked on the way. */
  smallBatch: z.strictObject({ epochs: z.number().nonnegative(), loss: z.number(), gradientNorm: z.number(), diverged: z.boolean(), pathMaxLoss: z.number() }),
  /** The line θ_A → θ_B: ‖θ_B − θ_A‖, barrier, τ, their ratio, where the maximum is, the loss along it. */
  distance: z.number(),
  barrier: z.number(),
  tolerance: z.number(),
  barrierOverTolerance: z.number(),
  argMaxT: z.number(),
  lineLoss: z.array(z.number()).min(2),
  neighbours: z.array(S4NeighbourSchema),
});
export type S4Evidence = z.infer<typeof S4EvidenceSchema>;
