/**
 * C4 · small eigenvalues control long-time learning (theory/longTimeLearning.ts,
 * docs/theory.md#c4): its seven properties, one per file, in registry order. Every property
 * runs REAL gradient descent (src/dynamics/gradientDescent.ts) — or, in the last one, gradient
 * flow by Dormand–Prince (src/dynamics/gradientFlowRk45.ts) — on the real loss from θ* + εδ and
 * compares it with the eigenbasis prediction built from the float64 spectrum of H(θ*)
 * (src/dynamics/modeMixture.ts). Shared check code and the tolerance terms: ./checks.ts.
 */
import { curveOrderProperty } from './curveOrder.js';
import { divergentProperty } from './divergent.js';
import { flatDirectionsProperty } from './flatDirections.js';
import { flowSlopeProperty } from './flowSlope.js';
import { lateSlopeProperty } from './lateSlope.js';
import { timeScalingProperty } from './timeScaling.js';
import { topModeProperty } from './topMode.js';

export { curveOrderProperty, divergentProperty, flatDirectionsProperty, flowSlopeProperty, lateSlopeProperty, timeScalingProperty, topModeProperty };

export const DYNAMICS_PROPERTIES = [curveOrderProperty, lateSlopeProperty, flatDirectionsProperty, timeScalingProperty, topModeProperty, divergentProperty, flowSlopeProperty];
