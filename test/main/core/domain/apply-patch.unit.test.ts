import { describe, expect, it } from 'vitest'
import { ednEquals, printEdn, readEdn } from '../../../../src/main/core/edn'
import { applyPatch } from '../../../../src/main/core/domain'
import type { EdnMap } from '../../../../src/shared/edn-value'

function state(text: string): EdnMap {
  const value = readEdn(text)
  if (value.t !== 'map') throw new Error(`${text} is not a map`)
  return value
}

/** Apply `patch` to `before` and compare with Clojure's `=`. */
function expectPatched(before: string, patch: string, after: string): void {
  const result = applyPatch(state(before), readEdn(patch))
  expect(ednEquals(result, readEdn(after)), `${printEdn(result)} = ${after}`).toBe(true)
}

// Every case of the library's test/coherence/projection_tests.clj `test-apply-patch`.
describe('apply-patch, the library\'s own cases', () => {
  describe('assoc key', () => {
    const patch = '{:assoc {:a 1}}'
    it('empty aggregate', () => expectPatched('{}', patch, '{:a 1}'))
    it('disjunction', () => expectPatched('{:b 2}', patch, '{:a 1 :b 2}'))
    it('disjunction, associate value from patch', () => expectPatched('{:a 0 :b 2}', patch, '{:a 1 :b 2}'))
  })

  describe('assoc nested key', () => {
    const patch = '{:assoc {[:a :b] 1}}'
    it('empty aggregate', () => expectPatched('{}', patch, '{:a {:b 1}}'))
    it('disjunction', () => expectPatched('{:a {:c 2}}', patch, '{:a {:b 1 :c 2}}'))
    it('disjunction, associate value from patch', () => expectPatched('{:a {:b 2 :c 3}}', patch, '{:a {:b 1 :c 3}}'))
  })

  describe('dissoc key', () => {
    const patch = '{:dissoc [:a]}'
    it('empty aggregate', () => expectPatched('{}', patch, '{}'))
    it('complement', () => expectPatched('{:a 1 :b 2}', patch, '{:b 2}'))
  })

  describe('dissoc nested key', () => {
    const patch = '{:dissoc [[:a :b]]}'
    it('empty aggregate', () => expectPatched('{}', patch, '{}'))
    it('complement', () => expectPatched('{:a {:b 1 :c 2} :d 3}', patch, '{:a {:c 2} :d 3}'))
  })

  it('assoc & dissoc', () => expectPatched('{:a {:d 2} :c 3 :d 4}', '{:assoc {[:a :b] 1} :dissoc [:c]}', '{:a {:b 1 :d 2} :d 4}'))
})

// Expected values below were produced with Clojure 1.11 running the library's apply-patch.
describe('apply-patch, edge cases checked against Clojure', () => {
  it.each([
    ['a key both assoc\'d and dissoc\'d ends up removed', '{:a 1}', '{:assoc {:a 2} :dissoc [:a]}', '{}'],
    ['a one-step vector or list path dissociates', '{:a 1 :b 2}', '{:dissoc [[:a] (:b)]}', '{}'],
    ['a longer path that is absent changes nothing', '{:a {:b {:c 1}}}', '{:dissoc [[:a :x :c]]}', '{:a {:b {:c 1}}}'],
    ['a path through a non-map changes nothing', '{:a "str"}', '{:dissoc [[:a :b]]}', '{:a "str"}'],
    ['a path ending at nil is found and removed', '{:a {:b nil}}', '{:dissoc [[:a :b]]}', '{:a {}}'],
    ['a path through nil is not found', '{:a nil}', '{:dissoc [[:a :b]]}', '{:a nil}'],
    ['a three-step path leaves its parents', '{:a {:b {:c 1}}}', '{:dissoc [[:a :b :c]]}', '{:a {:b {}}}'],
    ['assoc-in through nil creates a map', '{:a nil}', '{:assoc {[:a :b] 2}}', '{:a {:b 2}}'],
    ['a list path assoc-ins like a vector', '{:a {:b 1}}', '{:assoc {(:a :c) 5}}', '{:a {:b 1 :c 5}}'],
    ['a set path walks in hash order', '{:a {:b 1}}', '{:assoc {#{:c :a} 5}}', '{:a {:b 1} :c {:a 5}}'],
    ['a four-keyword set path walks in hash order', '{}', '{:assoc {#{:p :q :r :s} 1}}', '{:q {:r {:s {:p 1}}}}'],
    ['a list path is popped from the front', '{:a {:b 1}}', '{:dissoc [(:a :b)]}', '{:a {:b 1} :b nil}'],
    ['a map as :dissoc removes its entries as paths', '{:a {:b 1}}', '{:dissoc {:a :b}}', '{:a {}}'],
    ['a set as :dissoc walks its keys', '{:a {:b 1 :c 2} :d 1}', '{:dissoc #{[:a :b] :d}}', '{:a {:c 2}}'],
    ['a set path that is absent is not popped', '{:a {:b 1}}', '{:dissoc [#{:a :b}]}', '{:a {:b 1}}'],
    ['keys other than keywords in the state are left alone', '{1 :x}', '{:dissoc [:a]}', '{1 :x}']
  ])('%s', (_name, before, patch, after) => expectPatched(before, patch, after))

  it('keeps the position of a replaced key and appends new keys (array-map order)', () => {
    expect(printEdn(applyPatch(state('{:a 1 :b 2}'), readEdn('{:assoc {:a 3 :c 4}}')))).toBe('{:a 3, :b 2, :c 4}')
    expect(printEdn(applyPatch(state('{:a 1 :b 2 :c 3}'), readEdn('{:dissoc [:b] :assoc {:b 9}}')))).toBe('{:a 1, :c 3}')
  })

  it('walks an :assoc of more than 8 entries in hash order, like a Clojure hash map', () => {
    // Clojure visits [:a :b] before :a here, so :a ends up 1 (the other order throws).
    const patch = readEdn('{:assoc {:a 1, [:a :b] 2, :c 3, :d 4, :e 5, :f 6, :g 7, :h 8, :i 9}}')
    expect(printEdn(applyPatch(state('{}'), patch))).toBe('{:a 1, :e 5, :g 7, :c 3, :h 8, :d 4, :f 6, :i 9}')
  })

  it('walks an :assoc of up to 8 entries in written order', () => {
    expectPatched('{}', '{:assoc {[:a :b] 2, :a 1}}', '{:a 1}')
    expect(() => applyPatch(state('{}'), readEdn('{:assoc {:a 1, [:a :b] 2}}'))).toThrow(/Cannot assoc :b into 1: an integer is not associative/)
  })

  it.each([
    ['a number', '{:a 1}', '{:assoc {[:a :b] 2}}', /Cannot assoc :b into 1: an integer is not associative/],
    ['a string', '{:a "s"}', '{:assoc {[:a :b] 2}}', /Cannot assoc :b into "s": a string is not associative/],
    ['a vector', '{:a [1]}', '{:assoc {[:a :b] 2}}', /Cannot assoc :b into \[1\]: a vector takes only integer keys, not :b/],
    ['a set', '{:a #{1}}', '{:assoc {[:a :b] 2}}', /a set is not associative/],
    ['a list', '{:a (1)}', '{:assoc {[:a :b] 2}}', /a list is not associative/]
  ])('throws like Clojure when assoc-in goes through %s', (_name, before, patch, message) => {
    expect(() => applyPatch(state(before), readEdn(patch))).toThrow(message)
  })

  it('throws like Clojure when removing through a set member or a set path', () => {
    expect(() => applyPatch(state('{:a #{:b}}'), readEdn('{:dissoc [[:a :b]]}'))).toThrow(/Cannot dissoc :b from #\{:b\}: a set is not a map/)
    expect(() => applyPatch(state('{:a {:b 1}}'), readEdn('{:dissoc [#{:b :a}]}'))).not.toThrow()
    expect(() => applyPatch(state('{:b {:a 1}}'), readEdn('{:dissoc [#{:b :a}]}'))).toThrow(/Clojure cannot pop a set/)
  })

  it('refuses an invalid patch like the library\'s precondition', () => {
    expect(() => applyPatch(state('{}'), readEdn('{:a 1}'))).toThrow(
      'Cannot apply an invalid patch {:a 1}: The patch must have :assoc (keys to set) or :dissoc (keys to remove), or both; it has neither (its keys: :a).')
    expect(() => applyPatch(state('{}'), readEdn('{:assoc {}}'))).toThrow(/:assoc must not be empty/)
  })
})
