/** The autodiff route's view of a teacher–student problem at its point θ (same θ layout). */
import type { TeacherStudentProblem } from '../config/buildProblem.js';
import { unpackLayers } from '../nets/deepLinear.js';
import { unpackTwoLayer } from '../nets/twoLayer.js';
import type { AutodiffProblem } from './tfjsHessian.js';

export function autodiffProblemAt(p: TeacherStudentProblem, theta: Float64Array = p.theta): AutodiffProblem {
  if (p.family === 'deep-linear') {
    return { family: 'deep-linear', layers: unpackLayers(theta, p.widths as number[]), X: p.X, targets: p.targets };
  }
  const { W, a } = unpackTwoLayer(theta, { Ni: p.Ni, Nh: p.Nh as number });
  return { family: 'two-layer', activation: (p.activation as NonNullable<typeof p.activation>).spec, W, a, X: p.X, targets: p.targets };
}
