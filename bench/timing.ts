/** Timing helpers shared by the SQLite and PostgreSQL halves of the bench. */
import type { OpenedStore } from '../src/main/store/opened-store'
import { aggregateCount, syntheticEvent } from './generate'

/** `fn`'s time in ms. */
async function timed(fn: () => unknown): Promise<number> {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

/** Median of `runs` timings of `fn` in ms. */
export async function median(runs: number, fn: () => unknown): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) times.push(await timed(fn))
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]
}

/** One conflict check on an open store, ready to run: a dry rebase that must find its conflict 1000 events back. */
export async function conflictProbe(store: Pick<OpenedStore, 'currentSeqNo' | 'rebase'>, events: number): Promise<() => Promise<void>> {
  const max = await store.currentSeqNo()
  const probe = syntheticEvent(events - 5, aggregateCount(events))
  return async () => {
    const r = await store.rebase(Math.max(1, max - 1000), [probe], { dry: true })
    if (r.result !== 'conflict') throw new Error(`bench conflict check found ${r.result}`)
  }
}

/** One conflict check on an open store: the median of 21. */
export async function conflictCheck(store: Pick<OpenedStore, 'currentSeqNo' | 'rebase'>, events: number): Promise<number> {
  return median(21, await conflictProbe(store, events))
}

/**
 * Medians of `runs` timings each of `ours` and `raw` (or any two sides), run alternately
 * (ours, raw, raw, ours, ours, raw, …: each side goes first in every other pair) so
 * that load on a shared machine falls on both sides alike instead of skewing whichever
 * block of runs it hits. Returns [ours, raw] in ms.
 */
export async function alternating(runs: number, ours: () => unknown, raw: () => unknown): Promise<[number, number]> {
  const a: number[] = []
  const b: number[] = []
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      a.push(await timed(ours))
      b.push(await timed(raw))
    } else {
      b.push(await timed(raw))
      a.push(await timed(ours))
    }
  }
  const mid = (times: number[]): number => times.sort((x, y) => x - y)[Math.floor(times.length / 2)]
  return [mid(a), mid(b)]
}

/**
 * The fastest of `runs` runs each of `ours` and `raw`, run alternately; each
 * run times itself (so its set-up stays out) and returns ms. Returns [ours, raw].
 */
export async function fastestAlternating(runs: number, ours: () => Promise<number>, raw: () => Promise<number>): Promise<[number, number]> {
  const a: number[] = []
  const b: number[] = []
  for (let i = 0; i < runs; i++) {
    a.push(await ours())
    b.push(await raw())
  }
  return [Math.min(...a), Math.min(...b)]
}
