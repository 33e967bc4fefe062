/**
 * The rebase decision over an in-memory writer port: the order of checks and
 * writes, and the shape of each result (like the library's core_tests).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { edn } from '../../../src/shared/edn-value'
import type { Identity, NewEvent, StoredEvent } from '../../../src/shared/domain'
import { decideRebase, rebaseArgumentsError, WriteConflictError, type RebaseWriter } from '../../../src/main/core/rebase'

const id = (kind: string, n: number): Identity => ({ kind: edn.kw(kind), id: edn.int(n) })

const action = (aggregate: Identity): NewEvent => ({
  type: 'action',
  timestampMs: 0,
  source: edn.kw('test'),
  action: { reason: edn.kw('update'), actor: id('user', 1), aggregate, patch: edn.map([[edn.kw('assoc'), edn.map([[edn.kw('a'), edn.int(1)]])]]) },
  triggers: []
})

const effect: NewEvent = { type: 'effect', timestampMs: 0, source: edn.kw('test'), effect: { reason: edn.kw('expired'), trigger: id('key', 1) } }

/** A writer that records calls; `conflictOn` answers conflicts per aggregate id number. */
function recordingWriter(next: number, conflictOn: Map<bigint, StoredEvent> = new Map(), failOnSeqNo?: number) {
  const calls = { nextConflict: [] as [number, Identity, readonly number[]][], append: [] as StoredEvent[] }
  const writer: RebaseWriter = {
    nextSeqNo: () => next,
    nextConflict: (base, aggregate, resolved) => {
      calls.nextConflict.push([base, aggregate, resolved])
      return aggregate.id.t === 'int' ? conflictOn.get(aggregate.id.v) ?? null : null
    },
    append: (event) => {
      if (event.seqNo === failOnSeqNo) throw new WriteConflictError(`seq-no ${event.seqNo} is taken`)
      calls.append.push(event)
    }
  }
  return { writer, calls }
}

describe('decideRebase', () => {
  it('refuses a base beyond the next seq-no without checking or writing', () => {
    const { writer, calls } = recordingWriter(1)
    expect(decideRebase(writer, 2, [action(id('book', 1))], [])).toEqual({ result: 'invalid-seq-no', nextSeqNo: 1 })
    expect(calls.nextConflict).toEqual([])
    expect(calls.append).toEqual([])
  })

  it('numbers events from the next seq-no and checks conflicts from the base, passing resolved', () => {
    const { writer, calls } = recordingWriter(5)
    const result = decideRebase(writer, 3, [action(id('book', 1)), effect], [4])
    expect(result.result).toBe('ok')
    expect(calls.append.map((e) => e.seqNo)).toEqual([5, 6])
    expect(calls.nextConflict).toEqual([[3, id('book', 1), [4]]])
  })

  it('stops at the first conflicting action with the accepted events before it and writes nothing', () => {
    const theirs = { ...action(id('book', 2)), seqNo: 2 } as StoredEvent
    const { writer, calls } = recordingWriter(3, new Map([[2n, theirs]]))
    const result = decideRebase(writer, 1, [action(id('book', 1)), effect, action(id('book', 2)), action(id('book', 3))], [])
    expect(result).toEqual({
      result: 'conflict',
      events: [{ ...action(id('book', 1)), seqNo: 3 }, { ...effect, seqNo: 4 }],
      conflict: { ours: { ...action(id('book', 2)), seqNo: 5 }, theirs }
    })
    expect(calls.append).toEqual([])
  })

  it('never checks effects', () => {
    const { writer, calls } = recordingWriter(1)
    expect(decideRebase(writer, 1, [effect, effect], []).result).toBe('ok')
    expect(calls.nextConflict).toEqual([])
  })

  it('turns a constraint violation into write-conflict', () => {
    const { writer } = recordingWriter(1, new Map(), 2)
    expect(decideRebase(writer, 1, [action(id('book', 1)), action(id('book', 2))], [])).toEqual({
      result: 'write-conflict',
      message: 'seq-no 2 is taken'
    })
  })

  it('asks once per distinct aggregate, and a batch never conflicts with itself', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 50 }), (ids, next) => {
        const { writer, calls } = recordingWriter(next)
        const result = decideRebase(writer, next, ids.map((n) => action(id('book', n))), [])
        expect(result.result).toBe('ok')
        expect(calls.nextConflict.length).toBe(new Set(ids).size)
        expect(calls.append.map((e) => e.seqNo)).toEqual(ids.map((_, i) => next + i))
      }),
      { numRuns: 1000 }
    )
  })
})

describe('rebaseArgumentsError', () => {
  const one = [action(id('book', 1))]
  it('accepts a positive base, at least one event and distinct positive resolved seq-nos', () => {
    expect(rebaseArgumentsError(1, one, [])).toBeNull()
    expect(rebaseArgumentsError(7, one, [2, 5])).toBeNull()
  })

  it.each([
    ['base 0', 0, one, [], /^The base must be a positive integer .*got 0\.$/],
    ['a fractional base', 1.5, one, [], /got 1\.5\.$/],
    ['no events', 1, [], [], /^Rebase needs at least one event\.$/],
    ['repeated resolved seq-nos', 1, one, [2, 2], /^Resolved seq-nos must be distinct positive integers\.$/],
    ['a resolved seq-no 0', 1, one, [0], /distinct positive integers/]
  ] as const)('refuses %s in one sentence', (_what, base, history, resolved, message) => {
    expect(rebaseArgumentsError(base, history, resolved)).toMatch(message)
  })
})
