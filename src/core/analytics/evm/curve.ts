/**
 * A cumulative curve: points (t, value) with t increasing and value never decreasing, read as
 * straight lines between the points and flat after the last one. Time is a plain number (days
 * for dated plans, period numbers in the published examples the tests reproduce).
 */
export interface CurvePoint {
  t: number;
  value: number;
}

/** The value of the curve at time t: 0 before the first point, the last value after the last. */
export function valueAt(points: readonly CurvePoint[], t: number): number {
  const first = points[0];
  if (!first) return 0;
  if (t < first.t) return 0;
  for (let i = 1; i < points.length; i++) {
    const b = points[i]!;
    if (t <= b.t) {
      const a = points[i - 1]!;
      if (b.t === a.t) return b.value;
      return a.value + ((b.value - a.value) * (t - a.t)) / (b.t - a.t);
    }
  }
  return points[points.length - 1]!.value;
}

/** Where `valueAt` found its answer: the two points around t, for the explanation. */
export function segmentAt(points: readonly CurvePoint[], t: number): { before?: CurvePoint; after?: CurvePoint } {
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (t <= p.t) return { before: points[i - 1], after: p };
  }
  return { before: points[points.length - 1] };
}

/**
 * The earliest time at which the curve reaches `value` (interpolating linearly inside the
 * segment where it is crossed): the earned-schedule projection of EV onto the PV curve. On a
 * plateau (PV not growing), the earliest time the plateau value was planned is taken, so that
 * earning the full budget late still earns the schedule only up to the planned finish. A value
 * above the end of the curve is reached where the curve ends rising.
 */
export function timeOf(
  points: readonly CurvePoint[],
  value: number,
): { t: number; from?: CurvePoint; to?: CurvePoint } | undefined {
  const first = points[0];
  if (!first) return undefined;
  if (value <= first.value) return { t: first.t, to: first };
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (value <= b.value && b.value > a.value) {
      return { t: a.t + ((value - a.value) * (b.t - a.t)) / (b.value - a.value), from: a, to: b };
    }
  }
  const end = endOf(points)!;
  return { t: end.t, to: end };
}

/** The first point at which the curve reaches its final value: the planned finish. */
export function endOf(points: readonly CurvePoint[]): CurvePoint | undefined {
  const last = points[points.length - 1];
  if (!last) return undefined;
  for (const p of points) if (p.value >= last.value) return p;
  return last;
}

/** True when the curve neither rises nor falls around t (a planned pause or the end). */
export function isFlatAt(points: readonly CurvePoint[], t: number): boolean {
  const { before, after } = segmentAt(points, t);
  if (!before || !after) return false;
  return after.value === before.value;
}
