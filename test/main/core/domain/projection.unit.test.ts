import { describe, expect, it } from 'vitest'
import { ednEquals, printEdn } from '../../../../src/main/core/edn'
import { mergeProjections, project, stateAsOf, type Projection } from '../../../../src/main/core/domain'
import type { EdnKeyword, EdnMap } from '../../../../src/shared/edn-value'
import type { IdentityId } from '../../../../src/shared/domain'
import { action, identity, identityText, map } from './events'

/** A projection as text: `5 [:thing 2] {:a 2} | …`, easy to compare with the library's expectations. */
function render(items: readonly Projection[]): string[] {
  return items.map((item) => `${item.seqNo} ${item.aggregates.map((a) => `${identityText(a.id)} ${printEdn(a.state)}`).join(' | ')}`)
}

// The events of the library's test/coherence/projection_tests.clj `test-project`.
const libraryEvents = [
  action(1, '[:thing 1]', '{:assoc {:a 1}}', ['[:trg 1]']),
  action(2, '[:thing 2]', '{:assoc {:a 1}}', ['[:trg 2]']),
  action(3, '[:thing 1]', '{:assoc {:a 2}}', ['[:trg 1]']),
  action(5, '[:thing 2]', '{:assoc {:a 2}}', ['[:trg 2]']),
  action(6, '[:thing 1]', '{:assoc {:a 3}}', ['[:trg 1]'])
]

describe('project, the library\'s own cases', () => {
  it('no replay: loadf gives each aggregate\'s state, called once per aggregate', () => {
    const calls: string[] = []
    const loadf = (kind: EdnKeyword, id: IdentityId): EdnMap => {
      calls.push(`${printEdn(kind)} ${printEdn(id)}`)
      return id.t === 'int' && id.v === 1n ? map('{:a 2}') : map('{:a 1}')
    }
    const result = project(5, libraryEvents.filter((e) => e.seqNo >= 5), loadf)
    expect(render(result)).toEqual(['5 [:thing 2] {:a 2}', '6 [:thing 1] {:a 3}'])
    expect(calls.sort()).toEqual([':thing 1', ':thing 2'])
  })

  it('replay: the first item lists every aggregate seen so far; loadf is not called', () => {
    const calls: string[] = []
    const result = project(5, libraryEvents, () => {
      calls.push('called')
      return map('{}')
    })
    expect(render(result)).toEqual(['5 [:thing 1] {:a 2} | [:thing 2] {:a 2}', '6 [:thing 1] {:a 3}'])
    expect(calls).toEqual([])
  })

  it('the docstring example: loadf\'s state, then each patch on top', () => {
    const events = [action(3, '[:thing 1]', '{:assoc {:b 2}}'), action(4, '[:thing 1]', '{:assoc {:c 3}}')]
    expect(render(project(3, events, () => map('{:a 1}')))).toEqual([
      '3 [:thing 1] {:a 1, :b 2}',
      '4 [:thing 1] {:a 1, :b 2, :c 3}'
    ])
  })
})

// Expected orders below were produced with Clojure 1.11 running the library's project.
describe('project, Clojure\'s order of "all aggregates seen so far"', () => {
  it('keeps first-seen order for up to 8 aggregates of a kind', () => {
    const events = [action(1, '[:b 2]', '{:assoc {:x 1}}'), action(2, '[:a 9]', '{:assoc {:x 1}}'), action(3, '[:b 1]', '{:assoc {:x 1}}'), action(4, '[:a 9]', '{:assoc {:y 1}}')]
    expect(project(4, events)[0].aggregates.map((a) => identityText(a.id))).toEqual(['[:b 2]', '[:b 1]', '[:a 9]'])
  })

  it('uses hash order once a kind has more than 8 ids', () => {
    const events = Array.from({ length: 12 }, (_, i) => action(i + 1, `[:thing ${i + 1}]`, `{:assoc {:a ${i + 1}}}`))
    events.push(action(13, '[:thing 1]', '{:assoc {:b 1}}'))
    const ids = project(13, events)[0].aggregates.map((a) => identityText(a.id))
    expect(ids).toEqual([7, 1, 4, 6, 3, 12, 2, 11, 9, 5, 10, 8].map((i) => `[:thing ${i}]`))
  })

  it('uses hash order once there are more than 8 kinds', () => {
    const uuid = '#uuid "5f1c0000-0000-4000-8000-000000000001"'
    const kinds = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8', 'k9', 'k10']
    const events = kinds.flatMap((kind) => [action(1, `[:${kind} "x"]`, '{:assoc {:a 1}}'), action(1, `[:${kind} ${uuid}]`, '{:assoc {:a 1}}')])
    events.push(action(100, '[:k1 "x"]', '{:assoc {:b 1}}'))
    const ids = project(100, events)[0].aggregates.map((a) => identityText(a.id))
    expect(ids).toEqual(['k8', 'k5', 'k7', 'k9', 'k6', 'k10', 'k3', 'k4', 'k1', 'k2'].flatMap((k) => [`[:${k} "x"]`, `[:${k} ${uuid}]`]))
  })

  it('treats 1 and 1N as the same id, keeping the first one seen', () => {
    const events = [action(1, '[:n 1N]', '{:assoc {:a 1}}'), action(2, '[:n 1]', '{:assoc {:b 2}}')]
    expect(render(project(2, events))).toEqual(['2 [:n 1N] {:a 1, :b 2}'])
  })

  it('lists a state that only removals reached before the start (nil in Clojure) as {}, and loads it at the start', () => {
    const events = [action(1, '[:t 1]', '{:dissoc [:a]}'), action(2, '[:t 2]', '{:assoc {:x 1}}'), action(3, '[:t 1]', '{:assoc {:y 1}}')]
    expect(render(project(2, events, () => map('{:loaded true}')))).toEqual([
      '2 [:t 1] {} | [:t 2] {:loaded true, :x 1}',
      '3 [:t 1] {:loaded true, :y 1}'
    ])
  })

  it('yields nothing when no action reaches the start, and throws on an invalid patch', () => {
    expect(project(10, libraryEvents)).toEqual([])
    expect(() => project(1, [action(1, '[:t 1]', '{:a 1}')])).toThrow(/invalid patch/)
  })
})

describe('mergeProjections, the library\'s own cases', () => {
  const item = (seqNo: number, ...aggregates: [string, string][]): Projection => ({
    seqNo,
    aggregates: aggregates.map(([id, state]) => ({ id: identity(id), state: map(state) }))
  })

  it('one projection', () => {
    expect(render([mergeProjections([item(1, ['[:thing 1]', '{:a 1}'], ['[:thing 2]', '{:a 2}'])]) as Projection]))
      .toEqual(['1 [:thing 1] {:a 1} | [:thing 2] {:a 2}'])
  })

  it('multiple projections: the newest state wins, newer aggregates first (the docstring\'s order)', () => {
    const merged = mergeProjections([
      item(1, ['[:thing 1]', '{:a 1}'], ['[:thing 2]', '{:a 1}']),
      item(2, ['[:thing 2]', '{:a 2}'], ['[:thing 3]', '{:a 3}'])
    ])
    expect(render([merged as Projection])).toEqual(['2 [:thing 2] {:a 2} | [:thing 3] {:a 3} | [:thing 1] {:a 1}'])
  })

  it('takes the last item\'s seq-no and gives null for no items (the library gives {})', () => {
    expect(mergeProjections([item(7), item(3)])?.seqNo).toBe(3)
    expect(mergeProjections([])).toBeNull()
  })

  it('merges what project yields into the states as of the last event', () => {
    const merged = mergeProjections(project(1, libraryEvents)) as Projection
    expect(render([merged])).toEqual(['6 [:thing 1] {:a 3} | [:thing 2] {:a 2}'])
  })
})

describe('stateAsOf', () => {
  it('applies the aggregate\'s actions up to and including the seq-no', () => {
    const thing1 = identity('[:thing 1]')
    expect(printEdn(stateAsOf(libraryEvents, thing1, 0))).toBe('{}')
    expect(printEdn(stateAsOf(libraryEvents, thing1, 2))).toBe('{:a 1}')
    expect(printEdn(stateAsOf(libraryEvents, thing1, 3))).toBe('{:a 2}')
    expect(printEdn(stateAsOf(libraryEvents, thing1, 100))).toBe('{:a 3}')
  })

  it('agrees with project for every aggregate', () => {
    const merged = mergeProjections(project(1, libraryEvents)) as Projection
    for (const { id, state } of merged.aggregates) {
      expect(ednEquals(stateAsOf(libraryEvents, id, 6), state)).toBe(true)
    }
  })
})
