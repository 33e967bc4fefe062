/**
 * Behaviour of the codec's API beyond the golden vectors: Clojure `=`, hash order,
 * the value model's constructors, the JSON view and JDK-specific double printing.
 */
import { describe, expect, it } from 'vitest'
import { edn, type EdnValue } from '../../../../src/shared/edn-value'
import {
  clojureOrder,
  ednEquals,
  ednToJson,
  hasheq,
  javaDoubleToString,
  printEdn,
  readEdn,
  readEdnAll
} from '../../../../src/main/core/edn'

const r = readEdn
const eq = (a: string, b: string): boolean => ednEquals(r(a), r(b))

describe('ednEquals (Clojure =)', () => {
  it.each([
    ['[1 2]', '(1 2)'],
    ['1', '1N'],
    ['12345678901234567890', '12345678901234567890N'],
    ['1.0M', '1.00M'],
    ['0.0', '-0.0'],
    ['##NaN', '##NaN'],
    ['{:a 1 :b 2}', '{:b 2 :a 1}'],
    ['#{1 2 3}', '#{3 2 1}'],
    ['{[1] :x}', '{(1) :x}'],
    ['#:shop{:a 1}', '{:shop/a 1}'],
    ['#inst "2026-11-28T15:00:00+01:00"', '#inst "2026-11-28T14:00:00Z"'],
    ['#uuid "5F1C0D1E-1111-4222-8333-944455556666"', '#uuid "5f1c0d1e-1111-4222-8333-944455556666"'],
    ['#foo [1 2]', '#foo (1 2)']
  ])('%s = %s', (a, b) => {
    expect(eq(a, b)).toBe(true)
    expect(hasheq(r(a))).toBe(hasheq(r(b)))
  })

  it.each([
    ['1', '1.0'],
    ['1.0', '1.0M'],
    ['1', '1M'],
    ['"a"', ':a'],
    [':a', 'a'],
    ['"a"', '\\a'],
    ['nil', 'false'],
    ['[1 2]', '#{1 2}'],
    ['{:a 1}', '{:a 1 :b 2}'],
    ['{:a 1}', '{:a 2}'],
    ['#foo 1', '#foo 1N'],
    ['#foo 0.0', '#foo -0.0'],
    ['#foo 1.0M', '#foo 1.00M'],
    ['#foo 1', '#bar 1']
  ])('%s ≠ %s', (a, b) => {
    expect(eq(a, b)).toBe(false)
  })

  it('compares big maps and sets regardless of order', () => {
    const keys = Array.from({ length: 40 }, (_, i) => edn.kw(`k${i}`))
    const forward = edn.map(keys.map((k, i) => [k, edn.int(i)]))
    const backward = edn.map(keys.map((k, i) => [k, edn.int(i)] as const).reverse())
    expect(ednEquals(forward, backward)).toBe(true)
    expect(ednEquals(edn.set(keys), edn.set([...keys].reverse()))).toBe(true)
    expect(ednEquals(forward, edn.map(keys.map((k, i) => [k, edn.int(i === 39 ? 0 : i)])))).toBe(false)
  })
})

describe('values built in code', () => {
  it('print with N when beyond the long range even if not flagged big', () => {
    expect(printEdn(edn.int(2n ** 64n))).toBe('18446744073709551616N')
    expect(printEdn(edn.int(5, true))).toBe('5N')
    expect(printEdn(edn.int(5))).toBe('5')
  })

  it('print a BigDecimal the way BigDecimal.toString does', () => {
    expect(printEdn(edn.bigdec('+0.000000100'))).toBe('1.00E-7M')
    expect(printEdn(edn.bigdec('12e3'))).toBe('1.2E+4M')
  })

  it('print the coherence README event as Clojure does', () => {
    const event = edn.map([
      [edn.kw('seq-no'), edn.int(5)],
      [edn.kw('timestamp'), edn.inst(Date.UTC(2026, 10, 28, 14))],
      [edn.kw('source'), edn.kw('bookstore')],
      [edn.kw('triggers'), edn.set([edn.vec([edn.kw('encryption-key'), edn.int(1)])])]
    ])
    expect(printEdn(event)).toBe(
      '{:seq-no 5, :timestamp #inst "2026-11-28T14:00:00.000-00:00", :source :bookstore, :triggers #{[:encryption-key 1]}}'
    )
  })
})

describe('clojureOrder', () => {
  it('keeps the order of maps up to 8 entries and hash-orders bigger maps and every set', () => {
    const small = r('{:h 8 :g 7 :f 6 :e 5 :d 4 :c 3 :b 2 :a 1}')
    if (small.t !== 'map') throw new Error('map expected')
    expect(clojureOrder(small)).toBe(small.entries)
    const set = r('#{:scifi :cyberpunk :a :b :c}')
    if (set.t !== 'set') throw new Error('set expected')
    expect(clojureOrder(set).map((v) => printEdn(v))).toEqual([':scifi', ':c', ':cyberpunk', ':b', ':a'])
  })

  it('puts a nil key first and keeps colliding hashes in insertion order', () => {
    expect(hasheq(edn.str('Aa'))).toBe(hasheq(edn.str('BB')))
    expect(printEdn(r('#{"BB" "Aa" nil}'))).toBe('#{nil "BB" "Aa"}')
    expect(printEdn(r('#{"Aa" "BB" nil}'))).toBe('#{nil "Aa" "BB"}')
  })
})

describe('ednToJson', () => {
  it('maps every kind as documented', () => {
    const v = r(
      '{:kw :shop/a, "str" "s", :sym foo/bar, :char \\x, :int 42, :big 12345678901234567890, ' +
        ':float 1.5, :inf ##-Inf, :dec 1.50M, :list (1 2), :set #{1}, :nil nil, :bool true, ' +
        ':inst #inst "2026-11-28T14:00:00Z", :uuid #uuid "5f1c0d1e-1111-4222-8333-944455556666", :tag #my/tag [1], ' +
        ':pairs {[1 2] 3}}'
    )
    expect(ednToJson(v)).toEqual({
      ':kw': ':shop/a',
      str: 's',
      ':sym': 'foo/bar',
      ':char': 'x',
      ':int': 42,
      ':big': '12345678901234567890',
      ':float': 1.5,
      ':inf': '##-Inf',
      ':dec': '1.50',
      ':list': [1, 2],
      ':set': [1],
      ':nil': null,
      ':bool': true,
      ':inst': '2026-11-28T14:00:00.000Z',
      ':uuid': '5f1c0d1e-1111-4222-8333-944455556666',
      ':tag': { '#my/tag': [1] },
      ':pairs': [[[1, 2], 3]]
    })
  })

  it('falls back to pairs when a string key and a keyword key would collide', () => {
    expect(ednToJson(r('{":a" 1 :a 2}'))).toEqual([
      [':a', 1],
      [':a', 2]
    ])
  })
})

describe('reader details', () => {
  it('reads zero or more values with readEdnAll', () => {
    expect(readEdnAll('')).toEqual([])
    expect(readEdnAll(' ; nothing\n#_ 1 ')).toEqual([])
    expect(readEdnAll('1 :a "b"').map((v) => printEdn(v))).toEqual(['1', ':a', '"b"'])
  })

  it('reads integral ratios as integers, like clojure.edn', () => {
    expect(r('4/2')).toEqual(edn.int(2))
    expect(printEdn(r('100000000000000000000/100000000000000000000'))).toBe('1N')
  })

  it('drops metadata like clojure.edn does (pr-str never prints it)', () => {
    expect(printEdn(r('^:private ^{:doc "x"} [1 ^:m sym]'))).toBe('[1 sym]')
  })

  it('reads symbols that clojure.edn reads, quote included', () => {
    expect(r("'a")).toEqual(edn.sym("'a"))
    expect(r(':1/a')).toEqual(edn.kw('1', 'a'))
    expect(r('a/b/c')).toEqual(edn.sym('a', 'b/c'))
  })

  it('keeps other tagged literals, and reads the namespaced-map forms', () => {
    expect(r('#my/tag {:a 1}')).toEqual(edn.tagged('my/tag', edn.map([[edn.kw('a'), edn.int(1)]])))
    const v: EdnValue = r('#:shop{:a 1, :_/b 2, c 3, :other/d 4}')
    expect(printEdn(v)).toBe('{:shop/a 1, :b 2, shop/c 3, :other/d 4}')
  })
})

describe('javaDoubleToString (JDK ≥ 19)', () => {
  it.each([
    [1, '1.0'],
    [0.1, '0.1'],
    [-0, '-0.0'],
    [1e100, '1.0E100'],
    [1e-5, '1.0E-5'],
    [12345678, '1.2345678E7'],
    [0.001, '0.001'],
    [9999999, '9999999.0'],
    [1e7, '1.0E7'],
    [2e23, '2.0E23'],
    [1e23, '1.0E23'],
    [Number.MIN_VALUE, '4.9E-324'],
    [2 * Number.MIN_VALUE, '9.9E-324'],
    [Number.MAX_VALUE, '1.7976931348623157E308'],
    [NaN, 'NaN'],
    [-Infinity, '-Infinity']
  ])('%d prints as %s', (x, text) => {
    expect(javaDoubleToString(x)).toBe(text)
  })
})
