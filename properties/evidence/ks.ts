/**
 * Evidence shared by the Kolmogorov–Smirnov claims (C2d, C2e): one KS test of a sample against
 * the claimed law with the other laws put through the same test, and the data of the two law
 * figures (eigenvalue histogram against the densities, P–P plot with the KS band).
 */
import { z } from 'zod';

const probability = z.number().min(0).max(1);
const count = z.number().int().nonnegative();

/**
 * Another law put through the same test. `expect` says what the property requires of it:
 * 'reject' — a wrong neighbour (p < α, else the case fails); 'accept' — a law the property
 * requires to agree too (p ≥ α; e.g. C2e's classical law at large N/Ni), a right-theory test.
 */
export const KsNeighbourSchema = z.strictObject({
  /** Id of the law or sampling scheme, e.g. 'gamma-inverted', 'pooled', 'classical'. */
  name: z.string(),
  expect: z.enum(['reject', 'accept']),
  pValue: probability,
  /** KS statistic (6 significant digits; display only). */
  D: z.number().nonnegative(),
});
export type KsNeighbour = z.infer<typeof KsNeighbourSchema>;

/** One KS test of n i.i.d. draws against the claimed law, at per-test level α. */
export const KsTestSchema = z.strictObject({
  n: count,
  alpha: probability,
  /** p-value under the claimed law (full precision: it decides the case). */
  pValue: probability,
  /** KS statistic (6 significant digits; display only). */
  D: z.number().nonnegative(),
  /** How the p-value was computed (src/stats ksOneSample: exact or asymptotic method). */
  method: z.string(),
  neighbours: z.array(KsNeighbourSchema),
});
export type KsTest = z.infer<typeof KsTestSchema>;

/** One law as the figures draw it, in the order: the claimed law first, then the others. */
export const FigureLawSchema = z.strictObject({
  /** 'claimed', or the neighbour's name (KsNeighbour.name). */
  name: z.string(),
  /** Bin-averaged density (F(x + w/2) − F(x − w/2))/w at the histogram's grid (w = bin width). */
  density: z.array(z.number()),
  /** F(x₍ᵢ₎) at the sorted sample's kept ranks (LawFigureData.pp.rank). */
  cdf: z.array(probability),
});
export type FigureLaw = z.infer<typeof FigureLawSchema>;

/**
 * What the two law figures of a case draw, recorded by the property from its own sample and
 * tabulated laws (nothing is recomputed at report time). Compact by construction: ≤ 50 bin
 * counts, DENSITY_GRID + 1 density values and ≤ PP_MAX_POINTS P–P points per law, figure-only
 * numbers at 4 significant digits (the verdict's numbers are in KsTest, unrounded).
 */
export const LawFigureDataSchema = z.strictObject({
  histogram: z.strictObject({
    /** Range of the sample: the histogram's equal-width bins cover [lo, hi]. */
    lo: z.number(),
    hi: z.number(),
    /** Draws per bin (bins = counts.length; the last bin is closed). */
    counts: z.array(count),
    /** Density grid points lo + (hi − lo)·j/grid, j = 0…grid. */
    grid: count,
  }),
  pp: z.strictObject({
    /** 0-based ranks i of the sorted sample drawn at x = (i + ½)/n: every step-th, and each law's worst. */
    rank: z.array(count),
    /** Half-width of the KS band, d_α(n) − 1/(2n) (the band |y − x| ≤ it is the test's acceptance region). */
    bandHalfWidth: z.number().nonnegative(),
  }),
  laws: z.array(FigureLawSchema).min(1),
});
export type LawFigureData = z.infer<typeof LawFigureDataSchema>;
