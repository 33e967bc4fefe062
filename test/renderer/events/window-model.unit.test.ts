/**
 * The event table's in-memory slice: whatever order pages arrive in, rows
 * stay ascending and unique, never exceed the cap, the edge flags stay true
 * where rows were dropped, and the reported front shift is exactly what moved.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { EventPage, EventRow } from '../../../src/shared/browse'
import {
  appendPage,
  EMPTY_WINDOW,
  fractionOf,
  indexAtOrAfter,
  joinPages,
  prependPage,
  replaceWindow,
  seqNoAt,
  type EventWindow
} from '../../../src/renderer/features/events/table/window-model'

const row = (seqNo: number): EventRow => ({
  seqNo, timestamp: seqNo, source: ':s', type: 'action', reason: ':r', actorKind: ':u', actorId: '1',
  aggregateKind: ':a', aggregateId: '1', patch: '{}', triggerKind: null, triggerId: null
})

/** A store of seq-nos 1..n with keyset paging exactly like main's. */
function store(seqNos: readonly number[]) {
  return {
    after(after: number, limit: number): EventPage {
      const rest = seqNos.filter((n) => n > after)
      return { rows: rest.slice(0, limit).map(row), hasMoreBefore: seqNos.some((n) => n <= after), hasMoreAfter: rest.length > limit }
    },
    before(before: number, limit: number): EventPage {
      const rest = seqNos.filter((n) => n < before)
      const rows = rest.slice(Math.max(0, rest.length - limit)).map(row)
      return { rows, hasMoreBefore: rest.length > limit, hasMoreAfter: seqNos.some((n) => n >= before) }
    }
  }
}

const seqs = (w: EventWindow): number[] => w.rows.map((r) => r.seqNo)

describe('window model', () => {
  it('keeps rows ascending, unique and contiguous under any sequence of grows, within the cap', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 600 }).map((a) => [...a].sort((x, y) => x - y)),
        fc.integer({ min: 0, max: 5000 }),
        fc.array(fc.boolean(), { maxLength: 20 }),
        fc.integer({ min: 5, max: 300 }),
        (all, start, moves, max) => {
          const s = store(all)
          let w = replaceWindow(EMPTY_WINDOW, joinPages(s.before(start, 7), s.after(start - 1, 11)))
          for (const down of moves) {
            if (w.rows.length === 0) break
            const before = seqs(w)
            const grown = down ? appendPage(w, s.after(before[before.length - 1], 13), max) : prependPage(w, s.before(before[0], 13), max)
            w = grown.window
            const now = seqs(w)
            // The front shift is what the view scrolls by: rows now above the old first row, minus rows dropped.
            const oldFirstIndex = now.indexOf(before[0])
            if (oldFirstIndex >= 0) expect(oldFirstIndex).toBe(grown.addedAtFront - grown.droppedAtFront)
            expect(now.length).toBeLessThanOrEqual(Math.max(max, before.length))
          }
          const now = seqs(w)
          expect(now).toEqual([...new Set(now)].sort((x, y) => x - y))
          // Contiguous in the store: no row of the store is skipped between the first and last row.
          expect(now).toEqual(all.filter((n) => n >= now[0] && n <= now[now.length - 1]))
          expect(w.hasMoreBefore).toBe(all.some((n) => n < now[0]) || now.length === 0)
          if (now.length > 0) expect(w.hasMoreAfter).toBe(all.some((n) => n > now[now.length - 1]))
        }
      )
    )
  })

  it('ignores rows it already holds when a newer page overlaps (live tail)', () => {
    const w = replaceWindow(EMPTY_WINDOW, { rows: [1, 2, 3].map(row), hasMoreBefore: false, hasMoreAfter: false })
    const grown = appendPage(w, { rows: [3, 4].map(row), hasMoreBefore: true, hasMoreAfter: false })
    expect(seqs(grown.window)).toEqual([1, 2, 3, 4])
    expect(grown.droppedAtFront).toBe(0)
  })

  it('finds the row at or after a seq-no, and maps seq-nos to scrubber fractions and back', () => {
    const rows = [2, 4, 9].map(row)
    expect([1, 2, 3, 9, 10].map((n) => indexAtOrAfter(rows, n))).toEqual([0, 0, 1, 2, 2])
    expect(indexAtOrAfter([], 3)).toBe(-1)
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (first, span) => {
        const last = first + span
        expect(seqNoAt(0, first, last)).toBe(first)
        expect(seqNoAt(1, first, last)).toBe(last)
        const middle = seqNoAt(0.5, first, last)
        expect(Math.abs(seqNoAt(fractionOf(middle, first, last), first, last) - middle)).toBeLessThanOrEqual(1)
      })
    )
  })
})
