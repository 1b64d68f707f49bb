// The two stores hand back the same column differently (better-sqlite3 gives numbers, pg gives
// int8 as strings), so repositories read integers through these, never with a bare cast.

/** An integer column (money in yen or minor units, counts that may grow) as a bigint. */
export function bigintFromColumn(value: number | string | bigint): bigint {
  return typeof value === "bigint" ? value : BigInt(value);
}

/** A small integer column (a count, a percentage in basis points) as a number. */
export function numberFromColumn(value: number | string | bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`${String(value)} is not a safe integer`);
  return n;
}
