/**
 * fast-check generators of EDN values for property tests across the code base.
 *
 * Every generated value is one `clojure.edn` could have read: keyword and symbol
 * names a reader accepts, BigInts flagged as such, no duplicate map keys or set
 * members (by `ednEquals`), `#inst` within years 1–9999 and never on a Julian-only
 * leap day (Clojure prints those but cannot read them back). So for any value v,
 * `readEdn(printEdn(v))` equals v.
 *
 * Usage: `fc.assert(fc.property(arbitraryEdn(), (v) => …))`.
 */
import fc from 'fast-check'
import type { EdnValue } from '../../../../src/shared/edn-value'
import { ednEquals, formatInstant } from '../../../../src/main/core/edn'

/** Options of `arbitraryEdn`. */
export interface ArbitraryEdnOptions {
  /** How deep collections may nest (default 3). */
  readonly maxDepth?: number
  /** Most items per collection (default 12, so maps beyond 8 entries appear). */
  readonly maxItems?: number
}

const NAME_START = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ*!_?<>=', 'é', '中', 'ß']
const NAME_REST = [...NAME_START, ...'0123456789-+.\'#']
const RESERVED = new Set(['nil', 'true', 'false', 'inst', 'uuid'])

/** A keyword/symbol name or namespace the EDN reader accepts (no `/`, `:` or leading digit). */
export const arbitraryEdnName: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...NAME_START), fc.array(fc.constantFrom(...NAME_REST), { maxLength: 8 }))
  .map(([first, rest]) => first + rest.join(''))
  .filter((name) => !RESERVED.has(name))

const namespace = fc.option(fc.oneof(arbitraryEdnName, fc.constantFrom('shop', 'user', 'a.b', 'coherence.specs')), {
  nil: null,
  freq: 2
})

/** Keywords such as `:a`, `:shop/book`. */
export const arbitraryKeyword: fc.Arbitrary<EdnValue> = fc
  .tuple(namespace, arbitraryEdnName)
  .map(([ns, name]) => ({ t: 'kw', ns, name }))

/** Symbols such as `a`, `shop/book`. */
export const arbitrarySymbol: fc.Arbitrary<EdnValue> = fc
  .tuple(namespace, arbitraryEdnName)
  .map(([ns, name]) => ({ t: 'sym', ns, name }))

const LONG_MIN = -(2n ** 63n)
const LONG_MAX = 2n ** 63n - 1n

/** Integers: longs (sometimes marked as BigInt, i.e. written with `N`) and BigInts beyond the long range. */
export const arbitraryInt: fc.Arbitrary<EdnValue> = fc.oneof(
  fc.tuple(fc.bigInt({ min: -1000n, max: 1000n }), fc.boolean()).map(([v, big]): EdnValue => ({ t: 'int', v, big })),
  fc.tuple(fc.bigInt({ min: LONG_MIN, max: LONG_MAX }), fc.boolean()).map(([v, big]): EdnValue => ({ t: 'int', v, big })),
  fc.bigInt({ min: -(2n ** 130n), max: 2n ** 130n }).map((v): EdnValue => ({ t: 'int', v, big: true }))
)

/** BigDecimals with unscaled values up to 40 digits and scales from -20 to 30. */
export const arbitraryBigDec: fc.Arbitrary<EdnValue> = fc
  .tuple(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.integer({ min: -20, max: 30 }))
  .map(([unscaled, scale]) => ({ t: 'bigdec', v: `${unscaled}E${-scale}` }))

const MIN_INST = -62_135_596_800_000 // 0001-01-01T00:00:00Z (proleptic Gregorian)
const MAX_INST = 253_402_300_799_999 // 9999-12-31T23:59:59.999Z

function readableInstant(ms: number): boolean {
  const text = formatInstant(ms)
  if (!text.includes('-02-29')) return true
  const year = Number(text.slice(0, 4))
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
}

/** Every kind that is not a collection. */
export const arbitraryEdnScalar: fc.Arbitrary<EdnValue> = fc.oneof(
  fc.constant<EdnValue>({ t: 'nil' }),
  fc.boolean().map((v): EdnValue => ({ t: 'bool', v })),
  fc.string({ unit: 'binary', maxLength: 12 }).map((v): EdnValue => ({ t: 'str', v })),
  fc
    .string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 6 })
    .map((v): EdnValue => ({ t: 'str', v })),
  fc.integer({ min: 0, max: 0xffff }).map((c): EdnValue => ({ t: 'char', v: String.fromCharCode(c) })),
  arbitraryInt,
  fc.double().map((v): EdnValue => ({ t: 'float', v })),
  arbitraryBigDec,
  arbitraryKeyword,
  arbitrarySymbol,
  fc.integer({ min: MIN_INST, max: MAX_INST }).filter(readableInstant).map((ms): EdnValue => ({ t: 'inst', ms })),
  fc.uuid().map((v): EdnValue => ({ t: 'uuid', v: v.toLowerCase() }))
)

const tagSymbol = fc
  .tuple(fc.option(arbitraryEdnName, { nil: null }), arbitraryEdnName)
  .filter(([ns, name]) => /^\p{L}/u.test(ns ?? name) && (ns ?? name).charCodeAt(0) < 256)
  .map(([ns, name]) => (ns === null ? name : `${ns}/${name}`))

/** Any EDN value, collections nested up to `maxDepth`. */
export function arbitraryEdn(options: ArbitraryEdnOptions = {}): fc.Arbitrary<EdnValue> {
  const maxDepth = options.maxDepth ?? 3
  const maxLength = options.maxItems ?? 12
  const { value } = fc.letrec<{ value: EdnValue; collection: EdnValue }>((tie) => ({
    value: fc.oneof({ maxDepth, depthIdentifier: 'edn', withCrossShrink: true }, arbitraryEdnScalar, tie('collection')),
    collection: fc.oneof(
      { depthIdentifier: 'edn' },
      fc.array(tie('value'), { maxLength }).map((items): EdnValue => ({ t: 'list', items })),
      fc.array(tie('value'), { maxLength }).map((items): EdnValue => ({ t: 'vec', items })),
      fc.uniqueArray(tie('value'), { maxLength, comparator: ednEquals }).map((items): EdnValue => ({ t: 'set', items })),
      fc
        .uniqueArray(fc.tuple(tie('value'), tie('value')), { maxLength, comparator: (a, b) => ednEquals(a[0], b[0]) })
        .map((entries): EdnValue => ({ t: 'map', entries })),
      fc
        .uniqueArray(fc.tuple(arbitraryKeyword, tie('value')), { maxLength, comparator: (a, b) => ednEquals(a[0], b[0]) })
        .map((entries): EdnValue => ({ t: 'map', entries })),
      fc
        .uniqueArray(fc.tuple(arbitraryEdnName, tie('value')), { maxLength, selector: (e) => e[0] })
        .map((entries): EdnValue => ({ t: 'map', entries: entries.map(([name, v]) => [{ t: 'kw', ns: 'shop', name }, v]) })),
      fc.tuple(tagSymbol, tie('value')).map(([tag, v]): EdnValue => ({ t: 'tagged', tag, value: v }))
    )
  }))
  return value
}
