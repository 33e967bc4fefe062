/** Timing helpers shared by the SQLite and PostgreSQL halves of the bench. */

/** Median of `runs` timings of `fn` in ms. */
export async function median(runs: number, fn: () => unknown): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]
}
