/**
 * Parse errors say where (1-based line and column) and what was expected.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EdnParseError, printEdn, readEdn, readEdnAll } from '../../../../src/main/core/edn'
import { arbitraryEdn } from './arbitrary'

function parseError(text: string): EdnParseError {
  try {
    readEdn(text)
  } catch (e) {
    if (e instanceof EdnParseError) return e
    throw e
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`)
}

/** Line and column of an offset, counted independently of the reader's own helper. */
function expectedPosition(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/)
  return { line: lines.length, column: lines[lines.length - 1].length + 1 }
}

describe('EdnParseError', () => {
  it('names the unexpected character, its place and what was expected', () => {
    const e = parseError('{:a [1 2\n  3]\n  :b [4 5}')
    expect(e.message).toBe('Unexpected "}" at line 3, column 10: expected a value or "]"')
    expect([e.line, e.column, e.offset]).toEqual([3, 10, 23])
    expect(e.expected).toBe('a value or "]"')
  })

  it.each([
    ['', 1, 1, 'a value'],
    ['   \n  ', 2, 3, 'a value'],
    [';; only a comment', 1, 18, 'a value'],
    ['#_ :gone', 1, 9, 'a value'],
    ['[1 2', 1, 5, 'a value or "]" to close "[" from line 1, column 1'],
    ['{:a\n #{1 2', 2, 7, 'a value or "}" to close "#{" from line 2, column 2'],
    ['(1 2]', 1, 5, 'a value or ")"'],
    ['1 2', 1, 3, 'end of input after the value (only one value is allowed)'],
    ['{:a 1\r\n :b}', 2, 4, 'a value for the key :b'],
    ['[1\r2\r)', 3, 1, 'a value or "]"'],
    ['"abc', 1, 5, 'the closing " of the string from line 1, column 1'],
    ['["ok"\n "bad \\q"]', 2, 7, 'an escape: \\t \\r \\n \\\\ \\" \\b \\f \\uXXXX or octal \\NNN'],
    ['{:a 1, :b 2, :a 3}', 1, 14, 'each key at most once in a map'],
    ['#{1 2\n 1N}', 2, 2, 'each element at most once in a set'],
    ['[09]', 1, 2, 'a number such as 42, -7N, 0x1F, 2r1010, 1.5, 1e-3 or 2.50M'],
    ['[:ok :a/1]', 1, 6, 'a symbol or keyword such as foo, :foo or :ns/foo'],
    ['\n\n  @deref', 3, 3, 'a value (`, ~ and @ are not EDN)'],
    ['[#=(+ 1 2)]', 1, 2, 'a tag or one of #{ ## #: #_ #^ (clojure.edn has no #( #" #\' #= or #?)'],
    ['#inst "2026-02-30"', 1, 7, 'an RFC 3339 timestamp such as #inst "2026-11-28T14:00:00.000-00:00"'],
    ['#uuid\n  "nope"', 2, 3, 'a UUID string such as #uuid "5f1c0d1e-0000-4000-8000-000000000000"'],
    ['#:shop [1]', 1, 8, '"{" after #:shop'],
    ['#: [1 2]{}', 1, 4, 'a namespace such as shop in #:shop{…}'],
    ['^ [1 2] x', 1, 3, 'metadata such as ^:flag or ^{:k v}'],
    ['[#\u4e2d 1]', 1, 2, 'a tag or one of #{ ## #: #_ #^ (clojure.edn has no #( #" #\' #= or #?)']
  ])('%j fails at line %i, column %i', (text, line, column, expected) => {
    const e = parseError(text)
    expect({ line: e.line, column: e.column, expected: e.expected }).toEqual({ line, column, expected })
    expect(e.message).toContain(`at line ${line}, column ${column}: expected ${expected}`)
  })

  it('states plainly what clojure.edn refuses', () => {
    expect(parseError('{:a 1 :a 2}').message).toMatch(/^Duplicate key: :a at line 1, column 7/)
    expect(parseError('1/3').message).toMatch(/^Unsupported ratio: 1\/3/)
    expect(parseError('#?(:clj 1)').message).toMatch(/^No dispatch macro for "\?" after "#"/)
    expect(parseError("#'a").message).toMatch(/^No dispatch macro for "'" after "#"/)
    expect(parseError('`a').message).toMatch(/^Invalid leading character "`"/)
    expect(parseError('~a').message).toMatch(/^Invalid leading character "~"/)
    expect(parseError('^:m 1').message).toMatch(/^Metadata can only be applied to symbols and collections/)
    expect(parseError('#<obj>').message).toMatch(/^Unreadable form/)
  })

  it('reports a stray closing delimiter at its exact line and column, whatever precedes it', () => {
    const separator = fc.constantFrom(' ', '\n', '\r\n', '\r', ', ', ' ; c\n', '\t')
    fc.assert(
      fc.property(fc.array(fc.tuple(arbitraryEdn({ maxDepth: 2 }), separator), { maxLength: 5 }), separator, (items, last) => {
        const body = items.map(([v, sep]) => printEdn(v) + sep).join('')
        const text = `[${body}${last}}]`
        const offset = text.length - 2
        const e = parseError(text)
        expect(e.offset).toBe(offset)
        expect({ line: e.line, column: e.column }).toEqual(expectedPosition(text, offset))
        expect(e.message).toMatch(/^Unexpected "}" at line \d+, column \d+: expected a value or "]"$/)
      }),
      { numRuns: 2_000 }
    )
  })

  it('reports absurdly deep nesting as a parse error, not a crash', () => {
    const e = parseError('['.repeat(200_000) + ']'.repeat(200_000))
    expect(e.message).toMatch(/^Nesting too deep at line 1, column \d+/)
  })

  it('readEdnAll reports errors in later values with their position', () => {
    expect(() => readEdnAll('1 2\n3 ]')).toThrow('Unexpected "]" at line 2, column 3: expected a value')
  })
})
