/**
 * What one case of a conformance property draws: a model recipe of one of the families under
 * test, and k for top-eigenvalues; materialised into the request's model, v and k. The families
 * are mixed with fc.oneof, so a failure can shrink to the simplest family's models first.
 */
import * as fc from 'fast-check';
import { Rng } from '../../rng/index.js';
import { parameterCount, type ModelJson } from '../protocol/modelSchemas.js';
import type { FamilyName, Op } from '../protocol/vocabulary.js';
import { mlpModelOrNull, mlpRecipe, type MlpRecipe } from './mlpDraw.js';
import { twoLayerModelOf, twoLayerRecipe, type TwoLayerRecipe } from './twoLayerDraw.js';

/** Largest k asked of top-eigenvalues (capped at P). */
export const MAX_K = 3;

export interface FamilyPlan {
  readonly family: FamilyName;
  /** Activations the subject declared that the family's reference supports, in the subject's order. */
  readonly activations: readonly string[];
}

export type Recipe = TwoLayerRecipe | MlpRecipe;

export interface Draw {
  readonly recipe: Recipe;
  readonly k: number;
}

export function drawArbitrary(plans: readonly FamilyPlan[]): fc.Arbitrary<Draw> {
  const recipes = plans.map((p) => {
    if (p.family === 'two-layer') return twoLayerRecipe(p.activations) as fc.Arbitrary<Recipe>;
    return mlpRecipe(p.activations) as fc.Arbitrary<Recipe>;
  });
  return fc.record({ recipe: recipes.length === 1 ? recipes[0] : fc.oneof(...recipes), k: fc.integer({ min: 1, max: MAX_K }) });
}

export interface Materialised {
  readonly model: ModelJson;
  readonly P: number;
  readonly v?: Float64Array;
  readonly k?: number;
}

/** The request's payload for `op`, or null when the recipe must be redrawn. */
export function materialise(d: Draw, op: Op): Materialised | null {
  const model = d.recipe.family === 'two-layer' ? twoLayerModelOf(d.recipe) : mlpModelOrNull(d.recipe);
  if (model === null) return null;
  const P = parameterCount(model);
  if (op === 'hvp') return { model, P, v: Rng.fromSeed(d.recipe.seed).split('v').normals(P) };
  if (op === 'top-eigenvalues') return { model, P, k: Math.min(d.k, P) };
  return { model, P };
}
