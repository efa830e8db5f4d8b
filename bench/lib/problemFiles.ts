/**
 * Writes a generated two-layer config and the numbers the suite builds from it — inputs X,
 * the evaluation point θ (W row-major, then a), the teacher's targets — for the Python peers
 * (bench/peers/hessian_peers.py): raw little-endian float64 files and a meta.json naming them.
 * The suite's command reads the config itself; the peer reads these files; both see the same
 * weights and data.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildProblem } from '../../src/config/buildProblem.js';
import { writeF64 } from './measure.js';

export interface TwoLayerConfig {
  readonly family: 'two-layer';
  readonly activation: string;
  readonly Ni: number;
  readonly Nh: number;
  readonly N: number;
  readonly seed: number;
  readonly studentOffset?: number;
}

export interface ExportedProblem {
  /** The config file the suite's command reads. */
  readonly config: string;
  /** The meta.json the peer reads. */
  readonly meta: string;
  readonly P: number;
  readonly atOptimum: boolean;
}

export function exportProblem(cfg: TwoLayerConfig, dir: string, name: string): ExportedProblem {
  const p = buildProblem(cfg);
  const file = (what: string) => join(dir, `${name}-${what}`);
  const config = file('config.json');
  writeFileSync(config, `${JSON.stringify(cfg)}\n`);
  writeF64(file('X.f64'), p.X.data);
  writeF64(file('theta.f64'), p.theta);
  writeF64(file('targets.f64'), p.targets);
  const meta = file('meta.json');
  writeFileSync(meta, JSON.stringify({ activation: cfg.activation, Ni: cfg.Ni, Nh: cfg.Nh, N: cfg.N, X: file('X.f64'), theta: file('theta.f64'), targets: file('targets.f64') }));
  return { config, meta, P: p.model.P, atOptimum: p.atOptimum };
}
