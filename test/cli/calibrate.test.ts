import { describe, expect, it } from 'vitest';
import { calibrate, clopperPearson, binomialCdf, type CalibrationExperiment } from '../../src/calibration/index.js';
import { formatCalibration } from '../../cli/commands/calibrate.js';
import { runCli } from './runCli.js';

const run = runCli;

/** A test whose null p-values are exactly uniform and whose neighbour p-values are tiny. */
const synthetic: CalibrationExperiment = {
  claim: 'X',
  alpha: 0.05,
  description: 'synthetic',
  neighbours: ['wrong', 'half'],
  run: (rng) => ({ nullP: [rng.uniform()], neighbourP: { wrong: [rng.uniform() * 1e-3], half: [rng.uniform() < 0.5 ? 0 : 1] } }),
};

describe('calibration runner', () => {
  it('Clopper–Pearson: known values (R: binom.test) and coverage identities', () => {
    const ci = clopperPearson(2, 200);
    // scipy.stats.beta.ppf(0.025, 2, 199), beta.ppf(0.975, 3, 198)
    expect(ci.lower).toBeCloseTo(0.0012133490137360304, 12);
    expect(ci.upper).toBeCloseTo(0.035654668397239776, 12);
    expect(clopperPearson(0, 10).lower).toBe(0);
    expect(clopperPearson(0, 10).upper).toBeCloseTo(1 - 0.025 ** (1 / 10), 10);
    expect(clopperPearson(10, 10).lower).toBeCloseTo(0.025 ** (1 / 10), 10);
    expect(binomialCdf(3, 10, 0.5)).toBeCloseTo(176 / 1024, 14);
    expect(() => clopperPearson(3, 2)).toThrow(/field `k`/);
  });
  it('false-positive rate of an exactly uniform p-value is consistent with α; power per neighbour', async () => {
    const r = await calibrate(synthetic, { runs: 400, seed: 7 });
    expect(r.falsePositive.n).toBe(400);
    // k ~ Binomial(400, 0.05): mean 20, sd 4.36; a 4-sd band (the interval itself covers α only 95% of the time)
    expect(Math.abs(r.falsePositive.k - 20)).toBeLessThanOrEqual(17);
    expect(r.consistentWithAlpha).toBe(r.falsePositive.lower <= 0.05 && 0.05 <= r.falsePositive.upper);
    expect(r.power.wrong.estimate).toBe(1);
    expect(Math.abs(r.power.half.estimate - 0.5)).toBeLessThan(0.1); // 4 sd of Binomial(400, 1/2)/400
    expect(r.power.half.lower).toBeLessThan(r.power.half.estimate);
    expect(r.power.half.upper).toBeGreaterThan(r.power.half.estimate);
    // reproducible from the seed, different across seeds
    expect((await calibrate(synthetic, { runs: 400, seed: 7 })).falsePositive.k).toBe(r.falsePositive.k);
    const text = formatCalibration(r);
    expect(text).toContain('false-positive rate:');
    expect(text).toContain('wrong: 400/400 = 100.0%');
  });
  it('cli: bad input exits 2 with one line', async () => {
    for (const [argv, msg] of [
      [['calibrate', 'C9', '--runs', '1'], 'no calibration experiment for claim "C9"'],
      [['calibrate', 'C2d'], '--runs is required'],
      [['calibrate', 'C2d', '--runs', '0'], '--runs must be an integer in [1, 100000]'],
      [['calibrate', 'C2d', '--runs', '2', '--seed', '-3'], '--seed must be an integer ≥ 0'],
      [['calibrate', '--runs', '2'], 'expected one claim id'],
    ] as const) {
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toContain(msg);
    }
  });
});
