import { describe, expect, it } from 'vitest'
import { readEdn } from '../../../../src/main/core/edn'
import { identityFromEdn, patchWarnings, validateIdentity, validatePatch } from '../../../../src/main/core/domain'
import { edn } from '../../../../src/shared/edn-value'

const KEY_RULE = 'a key must be a keyword or a non-empty collection of keywords (a path such as [:address :city])'
const errorsFor = (text: string) => validatePatch(readEdn(text))
const warningsFor = (text: string) => patchWarnings(readEdn(text))

describe('validatePatch accepts what the ::patch spec accepts', () => {
  it.each([
    '{:assoc {:a 1}}',
    '{:dissoc [:a]}',
    '{:assoc {:a nil, [:b :c] {:d 1}}, :dissoc [:e [:f :g]]}',
    '{:assoc {:a 1}, :other "allowed"}',
    '{:dissoc (:a)}',
    '{:dissoc #{:a [:b]}}',
    '{:dissoc [:a [:a]]}',
    '{:assoc {(:a :b) 1, #{:c :d} 2, :shop/total 3}}',
    '{:dissoc {:a :b}}'
  ])('%s', (text) => {
    expect(errorsFor(text)).toEqual([])
  })
})

describe('validatePatch refuses', () => {
  it('a patch that is not a map', () => {
    expect(errorsFor('[:assoc {:a 1}]')).toEqual([{
      path: '',
      message: 'The patch must be a map with :assoc and/or :dissoc, such as {:assoc {:title "Dune"}, :dissoc [:draft]}; got [:assoc {:a 1}] (a vector).'
    }])
  })

  it('a map with neither :assoc nor :dissoc, listing its keys', () => {
    expect(errorsFor('{:a 1}')).toEqual([{
      path: '',
      message: 'The patch must have :assoc (keys to set) or :dissoc (keys to remove), or both; it has neither (its keys: :a).'
    }])
    expect(errorsFor('{}')[0].message).toBe('The patch must have :assoc (keys to set) or :dissoc (keys to remove), or both; it has neither (it is empty).')
  })

  it('an :assoc that is not a map, or is empty', () => {
    expect(errorsFor('{:assoc [:a 1]}')).toEqual([{
      path: ':assoc',
      message: ':assoc must be a map from key to new value, such as {:title "Dune", [:address :city] "Berlin"}; got [:a 1] (a vector).'
    }])
    expect(errorsFor('{:assoc {}}')).toEqual([{
      path: ':assoc',
      message: ':assoc must not be empty: give at least one key and its value, or leave :assoc out.'
    }])
  })

  it('an :assoc nil next to a valid :dissoc (a present key is checked)', () => {
    expect(errorsFor('{:assoc nil, :dissoc [:a]}')[0].message).toBe(
      ':assoc must be a map from key to new value, such as {:title "Dune", [:address :city] "Berlin"}; got nil (nil).')
  })

  it.each([
    ['"title"', '"title" is a string'],
    ['title', 'title is a symbol'],
    ['1', '1 is an integer'],
    ['[]', '[] is empty'],
    ['[:a "b"]', '"b" in it is a string, not a keyword'],
    ['[:a [:b]]', '[:b] in it is a vector, not a keyword'],
    ['{:a :b}', '{:a :b} is a map, and a map\'s items are entries, not keywords']
  ])('the :assoc key %s', (key, defect) => {
    expect(errorsFor(`{:assoc {${key} 1}}`)).toEqual([{
      path: `:assoc ${key}`,
      message: `:assoc has the key ${key}, but ${KEY_RULE}; ${defect}.`
    }])
  })

  it('a :dissoc that is not a collection, with a hint for a lone keyword', () => {
    expect(errorsFor('{:dissoc :a}')).toEqual([{
      path: ':dissoc',
      message: ':dissoc must be a collection of keys to remove, such as [:draft [:address :city]]; got :a (a keyword — write [:a] to remove one key).'
    }])
    expect(errorsFor('{:dissoc "a"}')[0].message).toBe(
      ':dissoc must be a collection of keys to remove, such as [:draft [:address :city]]; got "a" (a string).')
  })

  it('an empty :dissoc', () => {
    expect(errorsFor('{:dissoc #{}}')).toEqual([{
      path: ':dissoc',
      message: ':dissoc must not be empty: name at least one key to remove, or leave :dissoc out.'
    }])
  })

  it('a bad :dissoc key, by position', () => {
    expect(errorsFor('{:dissoc [:a [:b 2]]}')).toEqual([{
      path: ':dissoc [1]',
      message: `:dissoc has the key [:b 2], but ${KEY_RULE}; 2 in it is an integer, not a keyword.`
    }])
  })

  it('duplicate :dissoc keys, also when only Clojure finds them equal', () => {
    expect(errorsFor('{:dissoc [:a :b :a]}')).toEqual([{
      path: ':dissoc [2]',
      message: ':dissoc names :a twice; the keys must be distinct.'
    }])
    expect(errorsFor('{:dissoc [[:a :b] (:a :b)]}')).toEqual([{
      path: ':dissoc [1]',
      message: ':dissoc names [:a :b] and (:a :b), which are equal in Clojure; the keys must be distinct.'
    }])
  })

  it('errors in :assoc and :dissoc together', () => {
    expect(errorsFor('{:assoc {"a" 1}, :dissoc []}').map((e) => e.path)).toEqual([':assoc "a"', ':dissoc'])
  })
})

describe('validateIdentity and identityFromEdn', () => {
  it('accept [kind id] with an integer, string, UUID or big-integer id', () => {
    for (const text of ['[:book 1]', '[:shop.billing/receipt "r-1"]', '[:u #uuid "5f1c0000-0000-4000-8000-000000000001"]', '[:n 1N]']) {
      expect(validateIdentity(readEdn(text))).toEqual([])
      expect(identityFromEdn(readEdn(text))).not.toBeNull()
    }
    expect(identityFromEdn(readEdn('[:book 1]'))).toEqual({ kind: edn.kw('book'), id: edn.int(1) })
  })

  it('refuse anything else with a sentence', () => {
    expect(validateIdentity(readEdn('[:book 1.0]'))).toEqual([{
      path: '',
      message: 'The identity must be an identity [kind id] where kind is a keyword and id an integer, string or UUID; got [:book 1.0] (the id 1.0 is a floating-point number).'
    }])
    for (const text of ['(:book 1)', '[:book]', '["book" 1]', '[:book :x]', 'nil']) {
      expect(identityFromEdn(readEdn(text))).toBeNull()
    }
  })
})

describe('patchWarnings', () => {
  it('has nothing to say about a plain patch, or an invalid one', () => {
    expect(warningsFor('{:assoc {:a 1, [:b :c] 2}, :dissoc [:d [:b :e]]}')).toEqual([])
    expect(warningsFor('{:assoc {:a 1}, :dissoc [:a :a]}')).toEqual([])
  })

  it('warns about a key both set and removed: it ends up removed', () => {
    expect(warningsFor('{:assoc {:a 1}, :dissoc [:a]}')).toEqual([{
      path: ':dissoc [0]',
      message: ':dissoc removes :a, which :assoc also sets; the library applies :assoc first and :dissoc second, so :a ends up removed.'
    }])
    expect(warningsFor('{:assoc {:a 1}, :dissoc [[:a]]}')).toHaveLength(1)
    expect(warningsFor('{:assoc {[:a :b] 1}, :dissoc [[:a :b]]}')).toHaveLength(1)
  })

  it('warns when :dissoc removes an ancestor of an assoc\'d path', () => {
    expect(warningsFor('{:assoc {[:a :b] 1}, :dissoc [:a]}')).toEqual([{
      path: ':dissoc [0]',
      message: ':dissoc removes :a, which holds [:a :b] set by :assoc; the library applies :assoc first and :dissoc second, so [:a :b] ends up removed.'
    }])
  })

  it('does not warn when :dissoc names a path below an assoc\'d value (nothing is removed)', () => {
    expect(warningsFor('{:assoc {:a 1}, :dissoc [[:a :b]]}')).toEqual([])
  })

  it('warns that a list path is popped from the front', () => {
    expect(warningsFor('{:dissoc [(:a :b)]}')).toEqual([{
      path: ':dissoc [0]',
      message: ':dissoc has the list path (:a :b); the library checks that this path exists, but then removes :a from inside [:b] (it pops a list from the front). Write the vector [:a :b] instead.'
    }])
  })

  it('warns that a set path walks in hash order, and cannot be removed', () => {
    expect(warningsFor('{:assoc {#{:p :q :r :s} 1}}')).toEqual([{
      path: ':assoc #{:q :r :s :p}',
      message: ':assoc has the set path #{:q :r :s :p}; a set has no order, so the library walks it in Clojure\'s hash order [:q :r :s :p]. Write a vector instead.'
    }])
    expect(warningsFor('{:dissoc [#{:p :q}]}')[0].message).toContain('the library fails to remove it (a set cannot be popped)')
  })
})
