import { describe, expect, it } from 'vitest';
import { runCli, missingPath, tempFiles } from './runCli.js';

const file = tempFiles('hc-cli-');
const run = runCli;

describe('cli spectrum --json', () => {
  it('prints one JSON object: the model (family, P, N, loss, reduction, route), all P eigenvalues descending, rank, gap, trace, predictedRank', async () => {
    const cfg = file('erf.json', JSON.stringify({ family: 'two-layer', activation: 'erf', Ni: 3, Nh: 2, N: 20, seed: 1 }));
    const r = await run('spectrum', cfg, '--json');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const o = JSON.parse(r.out);
    expect(Object.keys(o).sort()).toEqual(['N', 'P', 'architecture', 'backend', 'eigenvalues', 'family', 'gap', 'loss', 'lossDescription', 'outputs', 'precision', 'predictedRank', 'rank', 'reduction', 'route', 'trace']);
    expect(o.P).toBe(8);
    expect(o.N).toBe(20);
    expect([o.family, o.loss, o.reduction, o.outputs]).toEqual(['two-layer', 'half-squared-error', 'mean', 1]);
    expect(o.eigenvalues).toHaveLength(8);
    expect([...o.eigenvalues].sort((x: number, y: number) => y - x)).toEqual(o.eigenvalues);
    expect(o.rank).toBe(8);
    expect(o.predictedRank).toBe(8);
    expect(o.gap).toBeNull(); // nothing dropped: the gap is infinite, which JSON cannot hold
    // trace = Σ eigenvalues (≤ P eigenvalues of size ≤ λ_max, each with error ≲ P·eps·λ_max)
    const sum = o.eigenvalues.reduce((s: number, v: number) => s + v, 0);
    expect(Math.abs(sum - o.trace)).toBeLessThan(8 * 8 * 2.3e-16 * o.trace * 10);
  });

  it('restores the structural zeros when N < P (kernel route) and reports the rank cap', async () => {
    const cfg = file('cap.json', JSON.stringify({ family: 'two-layer', activation: 'tanh', Ni: 4, Nh: 5, N: 7, seed: 2 }));
    const o = JSON.parse((await run('spectrum', cfg, '--json')).out);
    expect(o.P).toBe(25);
    expect(o.eigenvalues).toHaveLength(25);
    expect(o.eigenvalues.filter((v: number) => v === 0)).toHaveLength(18);
    expect(o.rank).toBe(7);
    expect(o.predictedRank).toBe(7);
  });

  it('explicit config off the optimum: no predictedRank, negative eigenvalues allowed', async () => {
    const cfg = file('student.json', JSON.stringify({ family: 'two-layer', activation: 'tanh', W: [[1, -1]], a: [2], X: [[1, 0], [0, 1], [1, 1]], student: { W: [[0.5, 1]], a: [-1] } }));
    const o = JSON.parse((await run('spectrum', cfg, '--json')).out);
    expect(o.P).toBe(3);
    expect(o.predictedRank).toBeUndefined();
  });

  it('deep linear: rank = Ni', async () => {
    const cfg = file('deep.json', JSON.stringify({ family: 'deep-linear', Ni: 3, Nh: 4, N: 10, seed: 5, depth: 3 }));
    const o = JSON.parse((await run('spectrum', cfg, '--json')).out);
    expect(o.rank).toBe(3);
    expect(o.predictedRank).toBe(3);
  });

  it('human-readable output names the route, the rank with its prediction and the gap', async () => {
    const cfg = file('z2.json', JSON.stringify({ family: 'two-layer', activation: 'z^2', Ni: 3, Nh: 2, N: 30, seed: 1 }));
    const r = await run('spectrum', cfg);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/rank 5 \(predicted 5: Nh·Ni − Nh\(Nh−1\)\/2/);
    expect(r.out).toMatch(/gap σ_r\/σ_r\+1 = \d/);
  });
});

describe('cli bad input: exit 2, one line naming the field and the fix, nothing on stdout', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['missing file', () => ['spectrum', missingPath('nope.json')], /nope\.json: file: cannot be read \(ENOENT\); check the path of the configuration file$/],
    ['invalid JSON', () => ['spectrum', file('bad.json', '{"family": NaN}')], /bad\.json: JSON: is not valid JSON .*NaN and Infinity are not JSON/],
    ['wrong shape', () => ['spectrum', file('shape.json', JSON.stringify({ family: 'two-layer', activation: 'erf', W: [[1, 2]], a: [1, 2], X: [[1, 2]] }))], /^spectrum: \S*shape\.json: a: has 2 entries, but W has 1 rows/],
    ['unknown activation', () => ['spectrum', file('act.json', JSON.stringify({ family: 'two-layer', activation: 'swish', Ni: 2, Nh: 2, N: 3, seed: 1 }))], /^spectrum: \S*act\.json: activation: must be one of identity, .*got "swish"/],
    ['missing field', () => ['spectrum', file('miss.json', JSON.stringify({ family: 'two-layer', activation: 'erf', Ni: 2, N: 3, seed: 1 }))], /^spectrum: \S*miss\.json: Nh: is missing; give the hidden width/],
    ['past the memory budget', () => ['spectrum', file('big.json', JSON.stringify({ family: 'two-layer', activation: 'erf', Ni: 200, Nh: 50, N: 10, seed: 1 }))], /^spectrum: \S*big\.json: Ni = 200, Nh = 50, N = 10: the dense spectrum \(P = 10050, N = 10\) needs about 3084 MiB, over the 1024 MiB memory budget \(HC_MEMORY_BUDGET_MB\); use `top-eigenvalues \S*big\.json --k 10` \(structured kernel: about/],
    ['unknown option', () => ['spectrum', file('ok.json', JSON.stringify({ family: 'two-layer', activation: 'erf', Ni: 2, Nh: 2, N: 3, seed: 1 })), '--jsn'], /^spectrum: unknown option --jsn \(did you mean --json\?\); see `hessian-conformance spectrum --help`$/],
    ['no config', () => ['spectrum'], /^spectrum: expected one config file, got 0; usage: spectrum <config\.json>/],
    ['unknown command', () => ['spectra'], /^unknown command "spectra" \(did you mean spectrum\?\); commands: report, spectrum/],
  ];
  for (const [name, argv, msg] of cases) {
    it(name, async () => {
      const r = await run(...argv());
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.split('\n')).toHaveLength(1);
      expect(r.err).toMatch(msg);
    });
  }
});
