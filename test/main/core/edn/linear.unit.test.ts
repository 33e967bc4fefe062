/**
 * The reader's work is linear in its input. Instead of timing anything, the
 * test counts the characters the reader examines (every `charCodeAt` and every
 * character an `indexOf`/`lastIndexOf` scans) and bounds that count per input
 * character, over generated inputs and over 1× vs 4× inputs of the same shape.
 */
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { printEdn, readEdn, readEdnVectorItems } from '../../../../src/main/core/edn'
import { arbitraryEdn } from './arbitrary'

const proto = String.prototype
const original = { charCodeAt: proto.charCodeAt, indexOf: proto.indexOf, lastIndexOf: proto.lastIndexOf }
let examined = 0

/** Replaces the scanning methods of strings with counting ones while a test runs. */
function countWork(): void {
  examined = 0
  proto.charCodeAt = function (this: string, index: number): number {
    examined++
    return original.charCodeAt.call(this, index)
  }
  proto.indexOf = function (this: string, search: string, from = 0): number {
    const at = original.indexOf.call(this, search, from)
    examined += (at < 0 ? this.length : at + search.length) - Math.max(0, from)
    return at
  }
  proto.lastIndexOf = function (this: string, search: string, from?: number): number {
    const at = original.lastIndexOf.call(this, search, from)
    examined += (from ?? this.length) - (at < 0 ? 0 : at)
    return at
  }
}

function restore(): void {
  Object.assign(proto, original)
}

/** Characters examined while reading `text`, per character of `text`. */
function workPerChar(text: string): number {
  examined = 0
  readEdn(text)
  return examined / text.length
}

describe('the EDN reader examines each character a bounded number of times', () => {
  beforeEach(countWork)
  afterEach(restore)

  it('for any vector of generated values (1 000 cases), at most 8 examinations per character', () => {
    fc.assert(
      fc.property(fc.array(arbitraryEdn({ maxDepth: 2, maxItems: 6 }), { minLength: 1, maxLength: 30 }), (values) => {
        const text = `[${values.map((v) => printEdn(v)).join(' ')}]`
        expect(workPerChar(text)).toBeLessThanOrEqual(8)
      }),
      { numRuns: 1_000 }
    )
  })

  const shapes: Record<string, (i: number) => string> = {
    'plain strings': (i) => `{:id ${i}, :title "Title ${i}", :tags #{:a :b}}`,
    'strings with escapes': (i) => `{:note "line\\n${i} \\"q\\"", :x "\\u00e9"}`,
    'a backslash far behind plain strings': (i) => (i === 0 ? '\\a ' : `"s${i}" `),
    'keywords and numbers': (i) => `:k${i % 7} ${i} ${i}.5 -${i}N`,
    'comments and discards': (i) => `; c ${i}\n#_ "skip" [${i}]`
  }
  for (const [name, item] of Object.entries(shapes)) {
    it(`4× the input is at most 4.2× the work: ${name}`, () => {
      const text = (n: number): string => `[${Array.from({ length: n }, (_, i) => item(i)).join(' ')}]`
      const small = text(2_000)
      const large = text(8_000)
      examined = 0
      readEdn(small)
      const smallWork = examined
      examined = 0
      readEdn(large)
      const largeWork = examined
      expect(largeWork / smallWork).toBeLessThanOrEqual(4.2 * (large.length / small.length / 4))
      expect(largeWork / large.length).toBeLessThanOrEqual(8)
    })
  }
})

describe('readEdnVectorItems', () => {
  it('hands over exactly the items readEdn reads, with their text spans (2 000 cases)', () => {
    fc.assert(
      fc.property(fc.array(arbitraryEdn({ maxDepth: 2, maxItems: 5 }), { maxLength: 8 }), (values) => {
        const text = ` [${values.map((v) => printEdn(v)).join(' , ')}] `
        const seen: string[] = []
        const rest = readEdnVectorItems(text, (item, index, from, to) => {
          expect(index).toBe(seen.length)
          expect(text.slice(from, to)).toBe(printEdn(values[index]))
          seen.push(printEdn(item))
        })
        expect(rest).toBeNull()
        expect(seen).toEqual(values.map((v) => printEdn(v)))
      }),
      { numRuns: 2_000 }
    )
  })

  it('returns any other value as read', () => {
    expect(readEdnVectorItems('(1 2)', () => expect.unreachable())).toEqual(readEdn('(1 2)'))
    expect(() => readEdnVectorItems('[1 2', () => undefined)).toThrow(/Unexpected end of input/)
    expect(() => readEdnVectorItems('[1] 2', () => undefined)).toThrow(/only one value/)
  })
})
