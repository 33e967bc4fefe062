import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { prettyEdn } from '../../../src/renderer/ui/edn/pretty-edn'

// Expected layouts are what Clojure's (clojure.pprint/pprint …) printed for the same data (right margin 72).
describe('EDN pretty-printed as pprint lays it out', () => {
  it('keeps a form that fits on one line', () => {
    expect(prettyEdn('{:a 1, :b [1 2 3]}')).toBe('{:a 1, :b [1 2 3]}')
  })

  it('breaks an event map entry by entry, values below keys when they do not fit beside them', () => {
    const event =
      '{:seq-no 1, :timestamp #inst "2026-01-05T09:01:00.000-00:00", :source :bookstore, :action {:reason :create, :actor [:user "alice"], :aggregate [:book "Neuromancer"], :patch {:assoc {:author "William Gibson", :genre "SciFi", :tags #{:b :a}}}}, :triggers [[:encryption-key 1] [:encryption-key 2]]}'
    expect(prettyEdn(event)).toBe(
      [
        '{:seq-no 1,',
        ' :timestamp #inst "2026-01-05T09:01:00.000-00:00",',
        ' :source :bookstore,',
        ' :action',
        ' {:reason :create,',
        '  :actor [:user "alice"],',
        '  :aggregate [:book "Neuromancer"],',
        '  :patch',
        '  {:assoc {:author "William Gibson", :genre "SciFi", :tags #{:b :a}}}},',
        ' :triggers [[:encryption-key 1] [:encryption-key 2]]}'
      ].join('\n')
    )
  })

  it('puts each element of a long vector on its own line', () => {
    expect(prettyEdn('[:a-very-long-keyword-number-one :a-very-long-keyword-number-two :a-very-long-keyword-number-three "x"]')).toBe(
      '[:a-very-long-keyword-number-one\n :a-very-long-keyword-number-two\n :a-very-long-keyword-number-three\n "x"]'
    )
    expect(prettyEdn('{:k {:nested-key-one "some long string value here", :nested-key-two "another quite long string", :n 3}}')).toBe(
      '{:k\n {:nested-key-one "some long string value here",\n  :nested-key-two "another quite long string",\n  :n 3}}'
    )
  })

  it('never changes an atom: strings with brackets, commas and escapes stay as printed', () => {
    const text = '{:note "a, b} [c] \\"q\\" \\\\", :c \\{, :u #uuid "00000000-0000-0000-0000-000000000000"}'
    expect(prettyEdn(text, 20).replace(/,?\n +/g, (m) => (m.startsWith(',') ? ', ' : ' '))).toBe(text)
  })

  it('returns text it cannot parse unchanged', () => {
    expect(prettyEdn('{:a [1 2}')).toBe('{:a [1 2}')
  })

  it('only adds line breaks and indentation (property)', () => {
    const atom = fc.oneof(fc.constantFrom(':k', ':long-keyword-here', '12345', '"str, with } stuff"', 'nil', '#inst "2026-01-01T00:00:00.000-00:00"'))
    const form: fc.Arbitrary<string> = fc.letrec<{ f: string }>((tie) => ({
      f: fc.oneof(
        { depthSize: 'small' },
        atom,
        fc.array(tie('f'), { maxLength: 5 }).map((xs) => `[${xs.join(' ')}]`),
        fc.array(fc.tuple(atom, tie('f')), { maxLength: 4 }).map((es) => `{${es.map(([k, v]) => `${k} ${v}`).join(', ')}}`)
      )
    })).f
    fc.assert(
      fc.property(form, fc.integer({ min: 10, max: 80 }), (text, width) => {
        expect(prettyEdn(text, width).replace(/\n +/g, ' ')).toBe(text)
      })
    )
  })
})
