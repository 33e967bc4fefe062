import { describe, expect, it } from 'vitest'
import { printEdn } from '../../../../src/main/core/edn'
import { blame, diffStates, type StateDiff } from '../../../../src/main/core/domain'
import { edn } from '../../../../src/shared/edn-value'
import { action, identity, map } from './events'

function render(diff: StateDiff): string[] {
  return diff.map((change) => {
    const path = printEdn(edn.vec(change.path))
    switch (change.type) {
      case 'added': return `+ ${path} ${printEdn(change.value)}`
      case 'removed': return `- ${path} ${printEdn(change.value)}`
      case 'changed': return `~ ${path} ${printEdn(change.before)} -> ${printEdn(change.after)}`
    }
  })
}

describe('diffStates', () => {
  it('is empty for equal states, whatever their entry order', () => {
    expect(diffStates(map('{:a 1 :b {:c 2}}'), map('{:b {:c 2} :a 1}'))).toEqual([])
  })

  it('lists removed, changed and added keys with old and new values', () => {
    expect(render(diffStates(map('{:a 1 :b 2 :c 3}'), map('{:a 1 :b 20 :d 4}')))).toEqual([
      '~ [:b] 2 -> 20',
      '- [:c] 3',
      '+ [:d] 4'
    ])
  })

  it('descends into maps on both sides and compares anything else whole', () => {
    expect(render(diffStates(
      map('{:address {:city "Bonn" :zip "53111"} :tags [:a] :x {:y 1}}'),
      map('{:address {:city "Berlin" :street "Unter den Linden"} :tags [:a :b] :x 1}')
    ))).toEqual([
      '~ [:address :city] "Bonn" -> "Berlin"',
      '- [:address :zip] "53111"',
      '+ [:address :street] "Unter den Linden"',
      '~ [:tags] [:a] -> [:a :b]',
      '~ [:x] {:y 1} -> 1'
    ])
  })

  it('uses Clojure\'s = for values (1 = 1N, 1 ≠ 1.0) and works on big maps', () => {
    expect(render(diffStates(map('{:a 1 :b 1}'), map('{:a 1N :b 1.0}')))).toEqual(['~ [:b] 1 -> 1.0'])
    const keys = Array.from({ length: 20 }, (_, i) => `:k${i} ${i}`).join(' ')
    expect(render(diffStates(map(`{${keys}}`), map(`{${keys} :k3 30}`.replace(':k3 3 ', ''))))).toEqual(['~ [:k3] 3 -> 30'])
  })
})

describe('blame', () => {
  const book = '[:book 1]'
  const events = [
    action(1, book, '{:assoc {:title "Dune", [:address :city] "Bonn"}}'),
    action(2, '[:book 2]', '{:assoc {:title "Other"}}'),
    action(3, book, '{:assoc {[:address :zip] "53111"}}'),
    action(4, book, '{:assoc {:title "Dune Messiah"}}'),
    action(5, book, '{:dissoc [[:address :city]]}'),
    action(6, book, '{:assoc {:address {:city "Berlin"}}}')
  ]
  const render = (upTo: number): string[] => blame(events, identity(book), upTo).map((e) => `${printEdn(edn.vec(e.path))} ${e.seqNo}`)

  it('names the action that set each path, or created the map on the way', () => {
    expect(render(1)).toEqual(['[:title] 1', '[:address] 1', '[:address :city] 1'])
  })

  it('gives a nested map the latest action that changed a key inside it, not the one that created it', () => {
    expect(render(3)).toEqual(['[:title] 1', '[:address] 3', '[:address :city] 1', '[:address :zip] 3'])
    const deep = [
      action(1, book, '{:assoc {[:shipping :address :city] "Bonn", [:shipping :method] :post}}'),
      action(2, book, '{:assoc {[:shipping :address :zip] "53111"}}'),
      action(3, book, '{:assoc {[:shipping :method] :courier}}')
    ]
    const at = (upTo: number): string[] => blame(deep, identity(book), upTo).map((e) => `${printEdn(edn.vec(e.path))} ${e.seqNo}`)
    expect(at(2)).toEqual(['[:shipping] 2', '[:shipping :address] 2', '[:shipping :address :city] 1', '[:shipping :address :zip] 2', '[:shipping :method] 1'])
    expect(at(3)).toEqual(['[:shipping] 3', '[:shipping :address] 2', '[:shipping :address :city] 1', '[:shipping :address :zip] 2', '[:shipping :method] 3'])
  })

  it('moves to the later action that sets a path again; removing a key changes the map it was in', () => {
    expect(render(5)).toEqual(['[:title] 4', '[:address] 5', '[:address :zip] 3'])
  })

  it('an assoc at an ancestor sets every path below it', () => {
    expect(render(6)).toEqual(['[:title] 4', '[:address] 6', '[:address :city] 6'])
  })

  it('a key one patch adds inside a map and removes again leaves the map\'s blame where it was (the map did not change)', () => {
    const transient = [
      action(1, book, '{:assoc {:c {:a "x"}}}'),
      action(2, book, '{:assoc {[:c :b :a] {:a "x"}, :a {:a "x"}}, :dissoc [[:c :b]]}')
    ]
    const at = (upTo: number): string[] => blame(transient, identity(book), upTo).map((e) => `${printEdn(edn.vec(e.path))} ${e.seqNo}`)
    expect(at(2)).toEqual(['[:c] 1', '[:c :a] 1', '[:a] 2', '[:a :a] 2'])
  })

  it('is empty before the first action and ignores other aggregates', () => {
    expect(render(0)).toEqual([])
    expect(blame(events, identity('[:book 2]'), 100).map((e) => e.seqNo)).toEqual([2])
  })
})
