/**
 * Clojure's `=` (`Util.equiv`) on EDN values, and Java's `equals`, which
 * Clojure falls back to for tagged literals (`TaggedLiteral.equals` compares
 * its form with `equals`: there `1` ≠ `1N`, `0.0` ≠ `-0.0`, `1.0M` ≠ `1.00M`).
 */
import type { EdnValue } from '../../../shared/edn-value'
import { decimalsEqual, decimalsIdentical, parseDecimal } from './bigdec'
import { hasheq, isBigInt } from './hash'

/** Collections up to this size are searched linearly; larger ones through a hasheq index. */
const LINEAR_LOOKUP_LIMIT = 8

/** Finds the member of a collection equal (by `=`) to a probe. */
type Finder<T> = (probe: EdnValue) => T | undefined

function finderOf<T>(members: readonly T[], keyOf: (m: T) => EdnValue): Finder<T> {
  if (members.length <= LINEAR_LOOKUP_LIMIT) {
    return (probe) => members.find((m) => equiv(keyOf(m), probe))
  }
  const index = new Map<number, T[]>()
  for (const m of members) {
    const h = hasheq(keyOf(m))
    const bucket = index.get(h)
    if (bucket) bucket.push(m)
    else index.set(h, [m])
  }
  return (probe) => index.get(hasheq(probe))?.find((m) => equiv(keyOf(m), probe))
}

const identity = (v: EdnValue): EdnValue => v
const entryKey = (e: readonly [EdnValue, EdnValue]): EdnValue => e[0]

function sequentialEquals(
  a: readonly EdnValue[],
  b: readonly EdnValue[],
  itemEquals: (x: EdnValue, y: EdnValue) => boolean
): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (!itemEquals(a[i], b[i])) return false
  return true
}

function setEquals(a: readonly EdnValue[], b: readonly EdnValue[]): boolean {
  if (a.length !== b.length) return false
  const find = finderOf(a, identity)
  return b.every((item) => find(item) !== undefined)
}

function mapEquals(
  a: readonly (readonly [EdnValue, EdnValue])[],
  b: readonly (readonly [EdnValue, EdnValue])[],
  valueEquals: (x: EdnValue, y: EdnValue) => boolean
): boolean {
  if (a.length !== b.length) return false
  const find = finderOf(b, entryKey)
  return a.every(([k, v]) => {
    const other = find(k)
    return other !== undefined && valueEquals(v, other[1])
  })
}

function isSequential(v: EdnValue): v is Extract<EdnValue, { t: 'list' | 'vec' }> {
  return v.t === 'list' || v.t === 'vec'
}

/** Equality of the non-numeric, non-collection kinds (the same under `=` and `equals`). */
function scalarEquals(a: EdnValue, b: EdnValue): boolean {
  switch (a.t) {
    case 'nil':
      return b.t === 'nil'
    case 'bool':
    case 'str':
    case 'char':
    case 'uuid':
      return b.t === a.t && b.v === a.v
    case 'kw':
    case 'sym':
      return b.t === a.t && b.ns === a.ns && b.name === a.name
    case 'inst':
      return b.t === 'inst' && b.ms === a.ms
    case 'tagged':
      return b.t === 'tagged' && b.tag === a.tag && javaEquals(a.value, b.value)
    default:
      return false
  }
}

function equiv(a: EdnValue, b: EdnValue): boolean {
  if (a === b) return true
  switch (a.t) {
    case 'int':
      return b.t === 'int' && a.v === b.v
    case 'float':
      // `##NaN` reads as one shared Double, so Clojure finds two of them `=` (identity).
      return b.t === 'float' && (a.v === b.v || (Number.isNaN(a.v) && Number.isNaN(b.v)))
    case 'bigdec':
      return b.t === 'bigdec' && decimalsEqual(parseDecimal(a.v), parseDecimal(b.v))
    case 'list':
    case 'vec':
      return isSequential(b) && sequentialEquals(a.items, b.items, equiv)
    case 'set':
      return b.t === 'set' && setEquals(a.items, b.items)
    case 'map':
      return b.t === 'map' && mapEquals(a.entries, b.entries, equiv)
    default:
      return scalarEquals(a, b)
  }
}

/** Java's `a.equals(b)` on the objects `clojure.edn` reads (keys of maps and sets still match by `=`). */
function javaEquals(a: EdnValue, b: EdnValue): boolean {
  if (a === b) return true
  switch (a.t) {
    case 'int':
      return b.t === 'int' && isBigInt(a) === isBigInt(b) && a.v === b.v
    case 'float':
      return b.t === 'float' && (Object.is(a.v, b.v) || (Number.isNaN(a.v) && Number.isNaN(b.v)))
    case 'bigdec':
      return b.t === 'bigdec' && decimalsIdentical(parseDecimal(a.v), parseDecimal(b.v))
    case 'list':
    case 'vec':
      return isSequential(b) && sequentialEquals(a.items, b.items, javaEquals)
    case 'set':
      return b.t === 'set' && setEquals(a.items, b.items)
    case 'map':
      return b.t === 'map' && mapEquals(a.entries, b.entries, javaEquals)
    default:
      return scalarEquals(a, b)
  }
}

/**
 * Clojure's `=` on two EDN values: `[1 2]` = `(1 2)`, `1` = `1N`, `1` ≠ `1.0`,
 * `1.0M` = `1.00M`, `0.0` = `-0.0`, maps and sets regardless of order, a string
 * never equals a keyword or symbol.
 */
export function ednEquals(a: EdnValue, b: EdnValue): boolean {
  return equiv(a, b)
}

/** `equiv`, short-cut for a keyword (the key of nearly every map in a store): it equals only a keyword of the same name. */
function sameKey(a: EdnValue, b: EdnValue): boolean {
  if (a.t === 'kw') return b.t === 'kw' && a.name === b.name && a.ns === b.ns
  return equiv(a, b)
}

/**
 * Index of the first of `items` whose key (`keyOf`) equals (by `=`) the key of
 * an earlier one, or -1: what makes `clojure.edn` refuse a set literal (the
 * items themselves) or a map literal (the entries' keys) with "Duplicate key: :a".
 */
export function firstDuplicate<T>(items: readonly T[], keyOf: (item: T) => EdnValue): number {
  const n = items.length
  if (n <= LINEAR_LOOKUP_LIMIT) {
    for (let j = 1; j < n; j++) {
      const key = keyOf(items[j])
      for (let i = 0; i < j; i++) if (sameKey(keyOf(items[i]), key)) return j
    }
    return -1
  }
  const seen = new Map<number, EdnValue[]>()
  for (let j = 0; j < n; j++) {
    const key = keyOf(items[j])
    const h = hasheq(key)
    const bucket = seen.get(h)
    if (!bucket) seen.set(h, [key])
    else if (bucket.some((earlier) => equiv(earlier, key))) return j
    else bucket.push(key)
  }
  return -1
}

/** The item itself, as a `keyOf` for sets. */
export const itemKey = identity
/** An entry's key, as a `keyOf` for maps. */
export { entryKey }
