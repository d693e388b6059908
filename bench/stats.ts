/** Statistics of samples, shared by the bench sections (while measuring) and the report (when it computes figures). */

export const median = (values: ReadonlyArray<number>): number => {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** The `p`-th percentile (0..100) of a sample, nearest rank. */
export const percentile = (values: ArrayLike<number>, p: number): number => {
  const sorted = Float64Array.from(values).sort()
  if (sorted.length === 0) return Number.NaN
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]!
}

export const round2 = (n: number): number => Math.round(n * 100) / 100

/** The median over rounds of `a`'s figure ÷ `b`'s in the same round (contenders interleave, so rounds pair them). */
export const pairedRatio = (a: ReadonlyArray<number>, b: ReadonlyArray<number>): number => {
  if (a.length !== b.length) throw new Error(`paired samples of different lengths: ${a.length} and ${b.length}`)
  return round2(median(a.map((value, i) => value / b[i]!)))
}
