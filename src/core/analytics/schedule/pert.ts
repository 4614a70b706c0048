/**
 * PERT: three-point estimates, their beta-approximation mean and variance, and the normal
 * approximation of the probability of finishing by a date. Only +, -, *, / and sqrt are used,
 * so the numbers are the same on every machine (Math.exp and friends may differ in the last
 * bit between platforms).
 */

export interface ThreePoint {
  optimistic: number;
  mostLikely: number;
  pessimistic: number;
}

/** te = (a + 4m + b) / 6. */
export function pertMean(e: ThreePoint): number {
  return (e.optimistic + 4 * e.mostLikely + e.pessimistic) / 6;
}

/** σ² = ((b - a) / 6)². */
export function pertVariance(e: ThreePoint): number {
  const s = (e.pessimistic - e.optimistic) / 6;
  return s * s;
}

/** ln 2 split in two (the fdlibm constants) so that k * LN2_HI is exact for the k used here. */
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;

/** 1/n! for n = 0 .. 22, the Taylor coefficients of e^r (computed once, by IEEE division). */
const INVERSE_FACTORIALS = new Float64Array(23);
for (let n = 0, c = 1; n <= 22; n++, c /= n) INVERSE_FACTORIALS[n] = c;

/**
 * e^x for x <= 0: x = k ln 2 + r with |r| <= ln 2 / 2, the Taylor series of e^r to r^22 by
 * Horner's rule (multiplications and additions only: the PERT-beta tables take sixteen
 * thousand of these each, and a division costs several multiplications), then k exact halvings.
 */
export function expNonPositive(x: number): number {
  if (x > 0) throw new RangeError("expNonPositive takes x <= 0");
  if (x < -745) return 0;
  const k = Math.round(x / (LN2_HI + LN2_LO));
  const r = x - k * LN2_HI - k * LN2_LO;
  let sum = INVERSE_FACTORIALS[22]!;
  for (let n = 21; n >= 0; n--) sum = sum * r + INVERSE_FACTORIALS[n]!;
  for (let i = 0; i > k; i--) sum *= 0.5;
  return sum;
}

/**
 * Standard normal cumulative distribution Φ(z), accurate to about 1e-15: Marsaglia's series
 * Φ(z) = 1/2 + φ(z) (z + z³/3 + z⁵/(3·5) + …) (Journal of Statistical Software 11(4), 2004).
 */
export function normalCdf(z: number): number {
  if (z < -38) return 0;
  if (z > 38) return 1;
  let term = z;
  let sum = z;
  const z2 = z * z;
  for (let k = 3; k < 2000; k += 2) {
    term = (term * z2) / k;
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  const density = expNonPositive(-z2 / 2) / 2.5066282746310002; // sqrt(2π)
  const p = 0.5 + density * sum;
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

export interface PertProbability {
  mean: number;
  variance: number;
  standardDeviation: number;
  /** (target - mean) / σ; undefined when σ is 0. */
  z: number | undefined;
  probability: number;
}

/** P(finish <= target) for a path of the given mean and variance, by the normal approximation. */
export function pertProbability(mean: number, variance: number, target: number): PertProbability {
  const sd = Math.sqrt(variance);
  if (sd === 0) return { mean, variance, standardDeviation: 0, z: undefined, probability: target >= mean ? 1 : 0 };
  const z = (target - mean) / sd;
  return { mean, variance, standardDeviation: sd, z, probability: normalCdf(z) };
}
