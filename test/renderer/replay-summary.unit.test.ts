/** The Replay section's sentence about what a read from an offset delivers. */
import { describe, expect, it } from 'vitest'
import type { ReplayItem } from '../../src/shared/replay'
import { effectsPhrase, joinAnd, replaySummary } from '../../src/renderer/features/replay/summary'

function item(seqNo: number, replayed = false, causes: number[] = []): ReplayItem {
  return {
    seqNo, timestamp: 0, source: ':s', reason: ':r', actor: '[:user 1]', aggregate: '[:a 1]', aggregateKind: ':a', aggregateId: '1',
    patch: '{}', triggers: [], replayed, causes
  }
}

describe('replaySummary', () => {
  it('says the walkthrough sentence for offset 6', () => {
    expect(replaySummary(6, { replayed: 1, total: 2 }, [item(5, true, [7]), item(6)], false)).toBe(
      'A read model reading from 6 gets 2 actions: 1 replayed (5, because of effect 7), then 6.'
    )
  })

  it('works out the counts from a complete first page while the count runs', () => {
    expect(replaySummary(6, null, [item(5, true, [7]), item(6)], false)).toBe(
      'A read model reading from 6 gets 2 actions: 1 replayed (5, because of effect 7), then 6.'
    )
    expect(replaySummary(6, null, [item(6), item(7)], true)).toBe('A read model reading from 6 gets at least 2 actions (counting the rest…).')
  })

  it('lists few actions and counts many', () => {
    expect(replaySummary(1, { replayed: 0, total: 3 }, [item(1), item(2), item(4)], false)).toBe(
      'A read model reading from 1 (everything) gets 3 actions: 1, 2 and 4, none replayed.'
    )
    expect(replaySummary(10, { replayed: 0, total: 1234 }, [item(10)], true)).toBe(
      'A read model reading from 10 gets 1,234 actions, all from 10 on, none replayed.'
    )
    const replayed = [1, 2, 3, 4, 5].map((n) => item(n, true, [n + 100, 200]))
    expect(replaySummary(50, { replayed: 5, total: 1005 }, replayed, true)).toBe(
      'A read model reading from 50 gets 1,005 actions: 5 replayed (because of effects 101, 102, 103 and 3 more), then 1,000 actions from 50 on.'
    )
  })

  it('says when nothing or only replayed actions arrive', () => {
    expect(replaySummary(9, { replayed: 0, total: 0 }, [], false)).toBe(
      'A read model reading from 9 gets nothing: no action has seq-no 9 or higher, and no effect from there on reaches an earlier one.'
    )
    expect(replaySummary(7, { replayed: 1, total: 1 }, [item(5, true, [7, 9])], false)).toBe(
      'A read model reading from 7 gets 1 action: 1 replayed (5, because of effects 7 and 9), and nothing from there on.'
    )
  })

  it('joins phrases the English way', () => {
    expect(joinAnd([])).toBe('')
    expect(joinAnd(['a'])).toBe('a')
    expect(joinAnd(['a', 'b', 'c'])).toBe('a, b and c')
    expect(effectsPhrase([7])).toBe('effect 7')
  })
})
