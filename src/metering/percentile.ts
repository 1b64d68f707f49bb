/**
 * The 95th percentile of burstable billing, the industry's rule:
 *
 *   per direction, take the month's 5-minute samples that are present (n of them; a missing
 *   sample is not invented), order them ascending, discard the top 5%, and bill the highest
 *   remaining — the sample at 1-based rank ceil(0.95 · n). The billed rate is the greater of the
 *   two directions' percentiles.
 *
 * The rank is computed in integers, ceil(19n / 20), so no float rounding can move it. It is the
 * same sample as PostgreSQL's `percentile_disc(0.95)` and DuckDB's `quantile_disc(x, 0.95)`
 * (both were checked against it for every n up to 9,000; the bench checks them on every contract).
 *
 * The sample is found by selection (Floyd–Rivest, with a sort of the remaining range as the
 * introselect guard against a pathological input), which does linear work on average, instead of
 * sorting the whole month.
 */

/** 1-based rank of the billed sample among n present samples ordered ascending: ceil(0.95·n). */
export function burstableRank(n: number): number {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`no rank among ${n} samples`);
  return Math.floor((19 * n + 19) / 20);
}

/** The burstable percentile of one direction, or null when no sample is present. */
export interface DirectionPercentile {
  readonly bps: number | null;
  readonly samples: number;
}

/** A month's (or any period's) burstable reading of one contract. */
export interface BurstablePercentile {
  readonly in: DirectionPercentile;
  readonly out: DirectionPercentile;
  /** max(in, out); null when neither direction has a sample. */
  readonly billedBps: number | null;
}

/**
 * The burstable percentile of the first `count` values of `values` (all of them by default),
 * leaving `values` untouched. Values must be numbers (no NaN): missing samples are left out by the
 * caller, not marked.
 *
 * For a month of samples it first narrows the search: a fixed, evenly spread sample of the values
 * gives a bound L a little below the expected 95th; one pass counts the values under L and copies
 * the rest (about a tenth) aside, and the selection runs on those only. If the bound was not below
 * the answer (more than k values under it), the selection runs on a copy of all the values. Either
 * way the answer is exact: the bound only decides how much work is done.
 */
export function percentileOf(
  values: Float64Array,
  count: number = values.length,
): DirectionPercentile {
  if (count > values.length)
    throw new RangeError(`${count} samples in an array of ${values.length}`);
  if (count === 0) return { bps: null, samples: 0 };
  const k = burstableRank(count) - 1;
  if (count >= NARROWING_FROM) {
    const lowerBound = boundBelowRank(values, count, k);
    const candidates = scratch(count);
    let below = 0;
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const value = values[i]!;
      if (value < lowerBound) below++;
      else candidates[kept++] = value;
    }
    if (below <= k) {
      selectInPlace(candidates, k - below, 0, kept - 1);
      return { bps: candidates[k - below]!, samples: count };
    }
  }
  const copy = scratch(count);
  copy.set(values.subarray(0, count));
  selectInPlace(copy, k, 0, count - 1);
  return { bps: copy[k]!, samples: count };
}

/** Both directions and the billed (greater) one. */
export function burstablePercentile(
  inBps: Float64Array,
  outBps: Float64Array,
  counts: { in?: number; out?: number } = {},
): BurstablePercentile {
  const inbound = percentileOf(inBps, counts.in ?? inBps.length);
  const outbound = percentileOf(outBps, counts.out ?? outBps.length);
  return { in: inbound, out: outbound, billedBps: billedOf(inbound.bps, outbound.bps) };
}

// Below this many samples a plain selection on a copy is as fast as narrowing first.
const NARROWING_FROM = 1024;
const PROBES = 256;
const probeBuffer = new Float64Array(PROBES);
let scratchBuffer = new Float64Array(8928);

function scratch(size: number): Float64Array {
  if (scratchBuffer.length < size) scratchBuffer = new Float64Array(size);
  return scratchBuffer;
}

/**
 * A value that is, with high probability, just below the k-th smallest: the order statistic of
 * evenly spaced probes four standard deviations under the probes' expected rank for k.
 */
function boundBelowRank(values: Float64Array, count: number, k: number): number {
  const step = count / PROBES;
  for (let p = 0; p < PROBES; p++) probeBuffer[p] = values[Math.floor(p * step + step / 2)]!;
  const fraction = k / count;
  const spread = 4 * Math.sqrt(PROBES * fraction * (1 - fraction)) + 1;
  const at = Math.max(0, Math.floor(fraction * PROBES - spread));
  selectInPlace(probeBuffer, at, 0, PROBES - 1);
  return probeBuffer[at]!;
}

/** The greater of the two directions; a direction without samples does not count. */
export function billedOf(inBps: number | null, outBps: number | null): number | null {
  if (inBps === null) return outBps;
  if (outBps === null) return inBps;
  return inBps > outBps ? inBps : outBps;
}

/**
 * Moves the k-th smallest (0-based) of values[left..right] to index k, with every value before it
 * no greater and every value after it no smaller (Floyd–Rivest SELECT). Average work is about
 * 1.5 × (right − left) comparisons; if the partitioning ever fails to shrink the range fast
 * enough, the remaining range is sorted instead, which bounds the worst case to n log n.
 */
export function selectInPlace(values: Float64Array, k: number, left: number, right: number): void {
  if (k < left || k > right) throw new RangeError(`k = ${k} is outside ${left}..${right}`);
  let budget = 2 * Math.ceil(Math.log2(right - left + 2)) + 8;
  while (right > left) {
    if (--budget < 0) {
      values.subarray(left, right + 1).sort();
      return;
    }
    if (right - left > 600) {
      // Recurse on a small sample range expected to hold the k-th value, so that the pivot
      // chosen below splits the full range close to k.
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      const sampleLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
      const sampleRight = Math.min(right, Math.floor(k + ((n - m) * s) / n + sd));
      selectInPlace(values, k, sampleLeft, sampleRight);
    }
    const pivot = values[k]!;
    let i = left;
    let j = right;
    swap(values, left, k);
    if (values[right]! > pivot) swap(values, left, right);
    while (i < j) {
      swap(values, i, j);
      i++;
      j--;
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
    }
    if (values[left] === pivot) swap(values, left, j);
    else {
      j++;
      swap(values, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(values: Float64Array, a: number, b: number): void {
  const t = values[a]!;
  values[a] = values[b]!;
  values[b] = t;
}
