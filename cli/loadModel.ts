/**
 * A configuration file → the model the curvature commands work on: teacher–student configs
 * through src/config/buildProblem.ts, "mlp" configs through src/formats/mlpModel.ts (weights
 * and data files relative to the config's folder). One place, so every command accepts every
 * family the same way.
 */
import type { Budget } from '../src/config/budget.js';
import { buildProblem, type TeacherStudentProblem } from '../src/config/buildProblem.js';
import { problemShape } from '../src/config/problemShape.js';
import { assertWithinBudget, buildCost } from '../src/config/routeCost.js';
import type { AnyConfig, MlpConfig } from '../src/formats/config/parseConfig.js';
import { readConfigFile, type ConfigFile } from '../src/formats/config/readConfigFile.js';
import { loadMlpModel, type LoadedMlp } from '../src/formats/mlpModel.js';
import type { LinalgBackend } from '../src/linalg/backend.js';
import type { CurvatureModel } from '../src/spectrum/curvatureModel.js';
import { mlpCurvature } from '../src/spectrum/mlpCurvature.js';
import { teacherStudentCurvature } from '../src/spectrum/teacherStudentCurvature.js';
import { productProgress, silentProductProgress, type ProductProgress } from '../src/report/progress/productProgress.js';
import { processIO, type CliIO } from './io.js';

export interface LoadedModel {
  readonly file: ConfigFile;
  readonly curvature: CurvatureModel;
  /** The teacher–student problem, for the two-layer and deep-linear families. */
  readonly teacherStudent: TeacherStudentProblem | null;
  /** The loaded MLP (weights, data, provenance), for the mlp family. */
  readonly mlp: LoadedMlp | null;
}

export function isMlpConfig(c: AnyConfig): c is MlpConfig {
  return c.family === 'mlp';
}

/**
 * Reads and loads a config file within the budgets (default the process's): the file, the
 * weights and data files and, for a teacher–student config, drawing the problem are checked
 * before anything is read or drawn (a generated config with Ni = Nh = 1e6 is refused here).
 */
export function loadModel(path: string, backend: LinalgBackend, budget?: Budget): LoadedModel {
  const file = readConfigFile(path, budget?.bytes);
  if (isMlpConfig(file.config)) return mlpModel(file, file.config, budget?.bytes);
  const config = file.config;
  if (budget) assertWithinBudget(buildCost(problemShape(config)), budget, `${path}: Ni, Nh, N`, `building the problem of ${path}`, 'use smaller sizes');
  return teacherStudentModel(file, buildProblem(config), backend);
}

export function mlpModel(file: ConfigFile, config: MlpConfig, budgetBytes?: number): LoadedModel {
  const mlp = loadMlpModel(config, file.dir, budgetBytes === undefined ? {} : { maxBytes: budgetBytes });
  return { file, curvature: mlpCurvature(mlp.problem, mlp.theta, { precision: mlp.precision }), teacherStudent: null, mlp };
}

/** A teacher–student problem already built (commands that plan its route first build it themselves). */
export function teacherStudentModel(file: ConfigFile, p: TeacherStudentProblem, backend: LinalgBackend): LoadedModel {
  return { file, curvature: teacherStudentCurvature(p, backend), teacherStudent: p, mlp: null };
}

/** The fields every curvature command's JSON starts with. */
export function modelHeader(m: CurvatureModel, route: string, backend: string): Record<string, unknown> {
  return {
    family: m.family,
    P: m.P,
    N: m.N,
    outputs: m.outputs,
    loss: m.loss,
    reduction: m.reduction,
    lossDescription: m.lossDescription,
    architecture: m.architecture,
    precision: m.precision,
    route,
    backend,
  };
}

/** The first lines of every curvature command's human-readable output. */
export function modelLines(m: CurvatureModel): string[] {
  const where = m.family === 'mlp' ? 'at the trained weights' : m.atOptimum ? 'at the optimum θ*' : 'off the optimum (student ≠ teacher)';
  return [`${m.architecture}; P = ${m.P} parameters, N = ${m.N} samples; ${where}`, `loss: ${m.lossDescription}`, `precision: ${m.precision}`];
}

/** A progress line on the terminal when the command writes to the real stderr and it is a TTY; silent otherwise. */
export function progressFor(io: CliIO): ProductProgress {
  return io === processIO ? productProgress(process.stderr) : silentProductProgress;
}
