/**
 * The suite's one random generator: xoshiro128** (Blackman & Vigna 2018,
 * "Scrambled linear pseudorandom number generators", period 2^128 − 1), built only
 * from 32-bit integer operations (Math.imul, shifts), so every platform that runs
 * JavaScript produces the same bits.
 *
 * Splittable by key, not by state: `rng.split('teacher')` derives a child whose
 * stream depends only on the parent's key path and the label, never on how many
 * numbers the parent has drawn. Adding a draw in one place therefore does not
 * change the teacher, the data or the direction drawn elsewhere for the same seed.
 * Keys are mixed with SplitMix32-style finalizers (murmur3 fmix32).
 *
 * No `Math.random` anywhere in the suite: all randomness flows from here.
 */

/** murmur3's fmix32 finalizer: a bijection on uint32 with full avalanche. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units, then fmix32: a stable 32-bit hash of a label. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h >>> 0);
}

const TWO_POW_32 = 2 ** 32;
const TWO_POW_NEG_53 = 2 ** -53;

/** Largest seed accepted: integers are split into two 32-bit words exactly up to 2^53. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

export class Rng {
  /** The key this generator was derived from (4 uint32 words); children hash from it. */
  private readonly key: Uint32Array;
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal: number | null = null;

  private constructor(key: Uint32Array) {
    this.key = key;
    // Expand the key into a state that is never all zero (xoshiro's one forbidden state).
    let x = key[0] ^ 0x9e3779b9;
    const next = () => {
      x = (x + 0x9e3779b9) >>> 0;
      return fmix32(x ^ key[1] ^ fmix32(key[2] ^ fmix32(key[3])));
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** A generator from an integer seed in [0, 2^53). */
  static fromSeed(seed: number): Rng {
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw new Error(`Rng.fromSeed: seed must be an integer in [0, ${MAX_SEED}], got ${seed}`);
    }
    const lo = seed % TWO_POW_32 >>> 0;
    const hi = Math.floor(seed / TWO_POW_32) >>> 0;
    return new Rng(Uint32Array.of(fmix32(lo), fmix32(hi ^ 0x6a09e667), 0x243f6a88, 0xb7e15162));
  }

  /** An independent child stream named by `label` (e.g. 'teacher', 'data', 'run:17'). */
  split(label: string | number): Rng {
    const h = hashLabel(String(label));
    const k = this.key;
    return new Rng(
      Uint32Array.of(fmix32(k[0] ^ h), fmix32(k[1] + h), fmix32(k[2] ^ Math.imul(h, 0x27d4eb2d)), fmix32(k[3] + k[0] + 1)),
    );
  }

  /** A generator with an explicit xoshiro128** state (for checking against the reference implementation). */
  static fromState(s0: number, s1: number, s2: number, s3: number): Rng {
    const r = new Rng(Uint32Array.of(0, 0, 0, 0));
    r.s0 = s0 >>> 0;
    r.s1 = s1 >>> 0;
    r.s2 = s2 >>> 0;
    r.s3 = s3 >>> 0;
    return r;
  }

  /** Next uniform uint32 (xoshiro128**). */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform on [0, 1) with 53 random bits. */
  uniform(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) * TWO_POW_NEG_53;
  }

  /** Uniform integer in [0, n), unbiased (rejection). */
  integer(n: number): number {
    if (!Number.isInteger(n) || n <= 0 || n > TWO_POW_32) throw new Error(`Rng.integer: n must be an integer in [1, 2^32], got ${n}`);
    const limit = TWO_POW_32 - (TWO_POW_32 % n);
    for (;;) {
      const u = this.nextUint32();
      if (u < limit) return u % n;
    }
  }

  /**
   * Standard normal by Marsaglia's polar method (Marsaglia & Bray 1964): exact in
   * distribution, uses only log and sqrt, and caches the second variate.
   */
  normal(): number {
    if (this.spareNormal !== null) {
      const v = this.spareNormal;
      this.spareNormal = null;
      return v;
    }
    for (;;) {
      const u = 2 * this.uniform() - 1;
      const v = 2 * this.uniform() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        this.spareNormal = v * f;
        return u * f;
      }
    }
  }

  /** n i.i.d. N(0, sd²) draws. */
  normals(n: number, sd = 1): Float64Array {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = sd * this.normal();
    return out;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
