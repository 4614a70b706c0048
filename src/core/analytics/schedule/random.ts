/**
 * Seeded random numbers and the distributions the Monte Carlo forecast samples, built only
 * from integer operations, +, -, *, / and sqrt, so that the same seed gives the same numbers on
 * every machine and Node version (Math.log, Math.exp and Math.random make no such promise).
 */

import { expNonPositive } from "./pert.js";

/** xoshiro128** (Blackman and Vigna), seeded through splitmix32; 32-bit integer arithmetic only. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const next = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
  }

  /** A uniformly distributed 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.b << 9) >>> 0;
    this.c = (this.c ^ this.a) >>> 0;
    this.d = (this.d ^ this.b) >>> 0;
    this.b = (this.b ^ this.c) >>> 0;
    this.a = (this.a ^ this.d) >>> 0;
    this.c = (this.c ^ t) >>> 0;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** A uniform number in [0, 1) with 53 random bits. */
  next(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;

/** Natural logarithm of x > 0: x = m 2^e with m in [1/√2, √2), then 2 atanh((m-1)/(m+1)). */
export function logPositive(x: number): number {
  if (!(x > 0)) throw new RangeError("logPositive takes x > 0");
  let m = x;
  let e = 0;
  while (m >= Math.SQRT2) {
    m /= 2;
    e++;
  }
  while (m < Math.SQRT1_2) {
    m *= 2;
    e--;
  }
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let term = s;
  let sum = s;
  for (let k = 3; k < 80; k += 2) {
    term *= s2;
    const next = sum + term / k;
    if (next === sum) break;
    sum = next;
  }
  return 2 * sum + e * LN2_HI + e * LN2_LO;
}

/** A triangular variate by its inverse distribution function (sqrt only). */
export function triangular(u: number, min: number, mode: number, max: number): number {
  const width = max - min;
  if (width <= 0) return min;
  const cut = (mode - min) / width;
  return u < cut ? min + Math.sqrt(u * width * (mode - min)) : max - Math.sqrt((1 - u) * width * (max - mode));
}

/** A standard normal variate: Marsaglia's polar method. */
export function normal(random: Random): number {
  for (;;) {
    const x = 2 * random.next() - 1;
    const y = 2 * random.next() - 1;
    const s = x * x + y * y;
    if (s > 0 && s < 1) return x * Math.sqrt((-2 * logPositive(s)) / s);
  }
}

/** A gamma variate of shape >= 1 and scale 1: Marsaglia and Tsang (2000). */
export function gamma(random: Random, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(random);
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = random.next();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (u > 0 && logPositive(u) < 0.5 * x2 + d * (1 - v + logPositive(v))) return d * v;
  }
}

/**
 * A PERT-beta variate on [min, max] with the given mode: Beta(α, β) with
 * α = 1 + 4 (mode - min) / (max - min), β = 1 + 4 (max - mode) / (max - min), so that its mean is
 * (min + 4 mode + max) / 6.
 */
export function pertBeta(random: Random, min: number, mode: number, max: number): number {
  const width = max - min;
  if (width <= 0) return min;
  const alpha = 1 + (4 * (mode - min)) / width;
  const beta = 1 + (4 * (max - mode)) / width;
  const x = gamma(random, alpha);
  const y = gamma(random, beta);
  return min + (width * x) / (x + y);
}

/** Points of the tabulated inverse distribution function of a PERT-beta. */
const QUANTILE_POINTS = 4096;
/** Trapezoids the density is integrated on. */
const GRID_STEPS = 4 * QUANTILE_POINTS;
const quantileCache = new Map<number, Float64Array>();
let logGrid: { x: Float64Array; oneMinus: Float64Array } | undefined;

/** log(x) and log(1 - x) on the integration grid, computed once for every table. */
function grid(): { x: Float64Array; oneMinus: Float64Array } {
  if (!logGrid) {
    const x = new Float64Array(GRID_STEPS + 1);
    const oneMinus = new Float64Array(GRID_STEPS + 1);
    x[0] = -Infinity;
    oneMinus[GRID_STEPS] = -Infinity;
    for (let s = 1; s < GRID_STEPS; s++) {
      x[s] = logPositive(s / GRID_STEPS);
      oneMinus[s] = logPositive(1 - s / GRID_STEPS);
    }
    oneMinus[0] = 0;
    x[GRID_STEPS] = 0;
    logGrid = { x, oneMinus };
  }
  return logGrid;
}

/**
 * The inverse distribution function of Beta(α, 6 - α) (1 <= α <= 5, the PERT-beta family),
 * tabulated at QUANTILE_POINTS + 1 equally spaced probabilities from the density integrated by
 * trapezoids on GRID_STEPS intervals. Sampling then costs one uniform and one interpolation,
 * like the triangular, and stays the same on every machine (logPositive and expNonPositive).
 */
export function betaQuantiles(alpha: number, beta: number = 6 - alpha): Float64Array {
  const key = alpha * 64 + beta;
  const cached = quantileCache.get(key);
  if (cached) return cached;
  const { x: lx, oneMinus: l1x } = grid();
  const logDensity = new Float64Array(GRID_STEPS + 1);
  let peak = -Infinity;
  for (let s = 0; s <= GRID_STEPS; s++) {
    const a = alpha === 1 ? 0 : (alpha - 1) * lx[s]!;
    const b = beta === 1 ? 0 : (beta - 1) * l1x[s]!;
    const v = a + b;
    logDensity[s] = v;
    if (v > peak) peak = v;
  }
  const cdf = new Float64Array(GRID_STEPS + 1);
  // Densities below e^-60 of the peak add nothing a table of 4,096 quantiles can show.
  const density = (s: number): number => {
    const v = logDensity[s]! - peak;
    return v < -60 ? 0 : expNonPositive(v);
  };
  let previous = density(0);
  for (let s = 1; s <= GRID_STEPS; s++) {
    const d = density(s);
    cdf[s] = cdf[s - 1]! + (previous + d) / 2;
    previous = d;
  }
  const total = cdf[GRID_STEPS]!;
  const table = new Float64Array(QUANTILE_POINTS + 1);
  let s = 0;
  for (let k = 0; k <= QUANTILE_POINTS; k++) {
    const target = (k / QUANTILE_POINTS) * total;
    while (s < GRID_STEPS && cdf[s + 1]! < target) s++;
    const span = s < GRID_STEPS ? cdf[s + 1]! - cdf[s]! : 0;
    const within = span > 0 ? (target - cdf[s]!) / span : 0;
    table[k] = Math.min(1, (s + Math.min(1, Math.max(0, within))) / GRID_STEPS);
  }
  table[0] = 0;
  table[QUANTILE_POINTS] = 1;
  quantileCache.set(key, table);
  return table;
}

/** The quantile table of the PERT-beta on [min, max] with this mode (undefined for a point). */
export function pertTable(min: number, mode: number, max: number): Float64Array | undefined {
  const width = max - min;
  if (width <= 0) return undefined;
  // α + β = 6 for every PERT-beta, so one table per α; α is taken to the nearest 1/256 (the
  // mean moves by at most 1/3072 of the range) so that a portfolio of thousands of estimates
  // shares a few hundred tables.
  const alpha = 1 + Math.round((1024 * (mode - min)) / width) / 256;
  return betaQuantiles(alpha, 6 - alpha);
}

/** A PERT-beta variate from its tabulated inverse distribution function (see pertTable). */
export function pertBetaFromTable(u: number, min: number, max: number, table: Float64Array | undefined): number {
  if (table === undefined) return min;
  const width = max - min;
  const position = u * QUANTILE_POINTS;
  const k = Math.floor(position);
  if (k >= QUANTILE_POINTS) return max;
  const x = table[k]! + (table[k + 1]! - table[k]!) * (position - k);
  return min + width * x;
}
