/**
 * `dynamics` command: JSON shape, agreement of measured and predicted late slopes, the
 * divergent regime (no NaN, values after divergence null), and bad input (exit 2, one line
 * naming the flag and the fix).
 */
import { describe, expect, it } from 'vitest';
import { runCli as runCliArgs, missingPath, tempFiles } from './runCli.js';
import { buildProblem } from '../../src/config/buildProblem.js';
import { quadraticModelAtOptimum } from '../../src/dynamics/eigenbasis.js';

const write = tempFiles('hc-dynamics-');
const runCli = (argv: string[]) => runCliArgs(...argv);
const ERF = { family: 'two-layer', activation: 'erf', Ni: 3, Nh: 1, N: 30, seed: 2 };
const erfPath = write('erf.json', ERF);
const { lambdaMinPositive: LMIN, lambdaMax: LMAX } = quadraticModelAtOptimum(buildProblem(ERF));


describe('dynamics --json', () => {
  it('prints one object: curves on a log grid, slopes, spectrum ends and regime', async () => {
    const eta = 1 / LMAX;
    const { code, out, err } = await runCli(['dynamics', erfPath, '--eta', String(eta), '--steps', '2000', '--epsilon', '1e-4', '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.regime).toBe('converging');
    expect(r.lambdaMinPositive).toBe(LMIN);
    expect(r.lambdaMax).toBe(LMAX);
    expect(r.curve[0].t).toBe(0);
    expect(r.curve[r.curve.length - 1].t).toBe(2000);
    // L₀ measured vs predicted: relative O(ε) (here ≈ 1e-4).
    expect(Math.abs(r.curve[0].measured / r.curve[0].predicted - 1)).toBeLessThan(1e-2);
    // Late slope: the run is long enough for the slowest mode to dominate.
    expect(r.slowestModeDominatesFrom).toBeLessThan(r.lateSlope.from);
    expect(Math.abs(r.lateSlope.measured - r.lateSlope.predicted)).toBeLessThan(1e-2 * Math.abs(r.lateSlope.predicted));
    expect(r.lateSlope.predicted).toBeCloseTo(2 * Math.log1p(-eta * LMIN), 14);
    expect(out).not.toMatch(/NaN|Infinity/);
  });
  it('top-mode-slowest past the balanced step', async () => {
    const eta = 0.5 * (2 / (LMIN + LMAX) + 2 / LMAX);
    const { code, out } = await runCli(['dynamics', erfPath, '--eta', String(eta), '--steps', '3000', '--epsilon', '1e-4', '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.regime).toBe('top-mode-slowest');
    expect(r.lateSlope.predicted).toBeCloseTo(2 * Math.log(eta * LMAX - 1), 12);
  });
  it('divergent: stops, reports it, later measured values are null, no NaN', async () => {
    const eta = 2.5 / LMAX;
    const { code, out } = await runCli(['dynamics', erfPath, '--eta', String(eta), '--steps', '100000', '--epsilon', '1e-4', '--json']);
    expect(code).toBe(0);
    expect(out).not.toMatch(/NaN|Infinity/);
    const r = JSON.parse(out);
    expect(r.regime).toBe('divergent');
    expect(r.diverged).toBe(true);
    expect(r.divergedAt).toBeGreaterThan(0);
    expect(r.lateSlope.predicted).toBeGreaterThan(0);
    const after = r.curve.filter((p: { t: number }) => p.t > r.divergedAt);
    expect(after.length).toBeGreaterThan(0);
    for (const p of after) expect(p.measured).toBeNull();
    // The prediction overflows double at t = 1e5; its log10 is still given.
    const last = r.curve[r.curve.length - 1];
    expect(last.predicted).toBeNull();
    expect(last.log10Predicted).toBeGreaterThan(308);
  });
  it('text output names the regime and the slopes', async () => {
    const { code, out } = await runCli(['dynamics', erfPath, '--eta', String(1 / LMAX), '--steps', '500', '--epsilon', '1e-4', '--seed', '7']);
    expect(code).toBe(0);
    expect(out).toMatch(/converging/);
    expect(out).toMatch(/late slope of log L per step/);
    expect(out).toMatch(/seed 7/);
  });
  it('the seed changes δ and nothing else', async () => {
    const a = JSON.parse((await runCli(['dynamics', erfPath, '--eta', '1', '--steps', '10', '--epsilon', '1e-3', '--seed', '1', '--json'])).out);
    const b = JSON.parse((await runCli(['dynamics', erfPath, '--eta', '1', '--steps', '10', '--epsilon', '1e-3', '--seed', '2', '--json'])).out);
    expect(a.lambdaMax).toBe(b.lambdaMax);
    expect(a.curve[0].measured).not.toBe(b.curve[0].measured);
  });
});

describe('dynamics bad input: exit 2, one line naming the flag and the fix', () => {
  const base = ['dynamics', erfPath, '--eta', '1', '--steps', '10', '--epsilon', '1e-3'];
  const withOpt = (name: string, value: string) => {
    const argv = [...base];
    const i = argv.indexOf(`--${name}`);
    if (i >= 0) argv[i + 1] = value;
    else argv.push(`--${name}`, value);
    return argv;
  };
  const cases: [string, string[], RegExp][] = [
    ['η = 0', withOpt('eta', '0'), /--eta must be a finite number > 0/],
    ['η < 0', withOpt('eta', '-0.5'), /--eta must be a finite number > 0/],
    ['η NaN', withOpt('eta', 'NaN'), /--eta must be/],
    ['η Infinity', withOpt('eta', 'Infinity'), /--eta must be/],
    ['η not a number', withOpt('eta', 'fast'), /--eta must be/],
    ['T non-integer', withOpt('steps', '10.5'), /--steps must be an integer in \[1, 1000000\]/],
    ['T = 0', withOpt('steps', '0'), /--steps must be an integer/],
    ['T past the cap', withOpt('steps', '2e6'), /--steps must be an integer in \[1, 1000000\]/],
    ['ε = 0', withOpt('epsilon', '0'), /--epsilon must be a finite number > 0/],
    ['ε < 0', withOpt('epsilon', '-1e-3'), /--epsilon must be a finite number > 0/],
    ['ε Infinity', withOpt('epsilon', 'Infinity'), /--epsilon must be/],
    ['seed negative', withOpt('seed', '-1'), /--seed must be an integer/],
    ['seed non-integer', withOpt('seed', '0.5'), /--seed must be an integer/],
    ['missing --eta', ['dynamics', erfPath, '--steps', '10', '--epsilon', '1e-3'], /--eta is required/],
    ['missing --steps', ['dynamics', erfPath, '--eta', '1', '--epsilon', '1e-3'], /--steps is required/],
    ['missing --epsilon', ['dynamics', erfPath, '--eta', '1', '--steps', '10'], /--epsilon is required/],
    ['unknown flag', [...base, '--eps', '1'], /unknown option --eps/],
    ['no config', ['dynamics', '--eta', '1', '--steps', '10', '--epsilon', '1e-3'], /expected one config file/],
    ['missing file', ['dynamics', missingPath('nope.json'), '--eta', '1', '--steps', '10', '--epsilon', '1e-3'], /nope\.json: file: cannot be read \(ENOENT\); check the path of the configuration file$/],
    ['student away from θ*', ['dynamics', write('off.json', { ...ERF, studentOffset: 0.1 }), '--eta', '1', '--steps', '10', '--epsilon', '1e-3'], /remove it/],
    ['bad config field', ['dynamics', write('bad.json', { ...ERF, Ni: 0 }), '--eta', '1', '--steps', '10', '--epsilon', '1e-3'], /Ni/],
    // P = 80400: the dense quadratic model would need ~190 GiB; refused before any allocation.
    ['past the memory budget', ['dynamics', write('big.json', { family: 'two-layer', activation: 'tanh', Ni: 200, Nh: 400, N: 100, seed: 1 }), '--eta', '1', '--steps', '10', '--epsilon', '1e-3'], /P = 80400, N = 100\) needs about 289 GiB, over the 1024 MiB memory budget \(HC_MEMORY_BUDGET_MB\).*use smaller Ni, Nh/],
    ['zero teacher', ['dynamics', write('zero.json', { family: 'two-layer', activation: 'tanh', W: [[0, 0]], a: [0], X: [[1, 2], [3, 4]] }), '--eta', '1', '--steps', '10', '--epsilon', '1e-3'], /rank 0/],
  ];
  for (const [what, argv, message] of cases) {
    it(what, async () => {
      const { code, out, err } = await runCli(argv);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err.split('\n')).toHaveLength(1);
      expect(err).toMatch(message);
    });
  }
});
