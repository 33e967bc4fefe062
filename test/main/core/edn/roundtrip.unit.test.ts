/**
 * Property tests: printing and reading back any EDN value loses nothing.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ednEquals, hasheq, printEdn, readEdn, readEdnAll } from '../../../../src/main/core/edn'
import { arbitraryEdn } from './arbitrary'

const RUNS = 10_000

describe('print/read round trip', () => {
  it('print(read(print(v))) === print(v)', () => {
    fc.assert(
      fc.property(arbitraryEdn(), (v) => {
        const printed = printEdn(v)
        expect(printEdn(readEdn(printed))).toBe(printed)
      }),
      { numRuns: RUNS }
    )
  })

  it('read(print(v)) = v by ednEquals, with the same hasheq', () => {
    fc.assert(
      fc.property(arbitraryEdn(), (v) => {
        const back = readEdn(printEdn(v))
        expect(ednEquals(back, v)).toBe(true)
        expect(ednEquals(v, back)).toBe(true)
        expect(hasheq(back)).toBe(hasheq(v))
      }),
      { numRuns: RUNS }
    )
  })

  it('the #:ns{} form reads back to the same value', () => {
    fc.assert(
      fc.property(arbitraryEdn(), (v) => {
        const printed = printEdn(v, { namespaceMaps: true })
        expect(ednEquals(readEdn(printed), v)).toBe(true)
        expect(printEdn(readEdn(printed))).toBe(printEdn(v))
      }),
      { numRuns: RUNS }
    )
  })

  it('readEdnAll reads a sequence of printed values separated by whitespace, commas and comments', () => {
    const separator = fc.constantFrom(' ', '\n', ', ', '\r\n', ' ; comment\n', ' #_ :discarded ', '\t')
    fc.assert(
      fc.property(fc.array(fc.tuple(arbitraryEdn({ maxDepth: 2 }), separator), { maxLength: 6 }), (pairs) => {
        const text = pairs.map(([v, sep]) => printEdn(v) + sep).join('')
        const back = readEdnAll(text)
        expect(back.map((v) => printEdn(v))).toEqual(pairs.map(([v]) => printEdn(v)))
      }),
      { numRuns: 2_000 }
    )
  })
})
