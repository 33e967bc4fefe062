/** Timing helpers shared by the SQLite and PostgreSQL halves of the bench. */
import type { OpenedStore } from '../src/main/store/opened-store'
import { aggregateCount, syntheticEvent } from './generate'

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

/** One conflict check (a dry rebase that finds a conflict 1000 events back) on an open store: the median of 21. */
export async function conflictCheck(store: Pick<OpenedStore, 'currentSeqNo' | 'rebase'>, events: number): Promise<number> {
  const max = await store.currentSeqNo()
  const probe = syntheticEvent(events - 5, aggregateCount(events))
  return median(21, async () => {
    const r = await store.rebase(Math.max(1, max - 1000), [probe], { dry: true })
    if (r.result !== 'conflict') throw new Error(`bench conflict check found ${r.result}`)
  })
}
