/**
 * Clojure's hashes of EDN values: `hasheq` (what `(hash x)` returns and what
 * orders hash sets and hash maps) and Java's `hashCode()` (needed because a
 * `TaggedLiteral` hashes its form with `hashCode`, not `hasheq`).
 */
import type { EdnInt, EdnValue } from '../../../shared/edn-value'
import { decimalHasheq, javaDecimalHash, parseDecimal } from './bigdec'
import {
  KEYWORD_HASH_OFFSET,
  fitsLong,
  hashCombine,
  javaBigIntegerHash,
  javaDoubleHash,
  javaLongHash,
  javaStringHash,
  mixCollHash,
  murmurHashInt,
  murmurHashLong,
  murmurHashUnencodedChars
} from './murmur3'
import { javaUuidHash } from './uuid'

/** True when Clojure holds `v` as a `clojure.lang.BigInt` (written with `N`, or beyond the long range). */
export function isBigInt(v: EdnInt): boolean {
  return v.big || !fitsLong(v.v)
}

/** `Symbol.hasheq()` */
function symbolHasheq(ns: string | null, name: string): number {
  return hashCombine(murmurHashUnencodedChars(name), ns === null ? 0 : javaStringHash(ns))
}

/** `Symbol.hashCode()` */
function symbolJavaHash(ns: string | null, name: string): number {
  return hashCombine(javaStringHash(name), ns === null ? 0 : javaStringHash(ns))
}

/** `Symbol.intern(text)`: namespace and name split at the first `/` (except for `/` itself). */
export function splitSymbolText(text: string): [string | null, string] {
  const slash = text.indexOf('/')
  if (slash === -1 || text === '/') return [null, text]
  return [text.slice(0, slash), text.slice(slash + 1)]
}

/** Hash of an entry `[k v]` as a `MapEntry` vector: `hashOrdered` of two items. */
function entryHasheq(k: EdnValue, v: EdnValue): number {
  const h = (Math.imul(31, (31 + hasheq(k)) | 0) + hasheq(v)) | 0
  return mixCollHash(h, 2)
}

/** `Murmur3.hashOrdered` */
function orderedHasheq(items: readonly EdnValue[]): number {
  let h = 1
  for (let i = 0; i < items.length; i++) h = (Math.imul(31, h) + hasheq(items[i])) | 0
  return mixCollHash(h, items.length)
}

/**
 * Clojure's `(hash x)` for a value read by `clojure.edn`, as a signed 32-bit integer.
 * Equal values (by `ednEquals`) hash the same: `1` and `1N`, `[1]` and `(1)`, `0.0` and `-0.0`.
 */
export function hasheq(v: EdnValue): number {
  switch (v.t) {
    case 'nil':
      return 0
    case 'bool':
      return v.v ? 1231 : 1237
    case 'str':
      return murmurHashInt(javaStringHash(v.v))
    case 'char':
      return v.v.charCodeAt(0)
    case 'int':
      return fitsLong(v.v) ? murmurHashLong(v.v) : javaBigIntegerHash(v.v)
    case 'float':
      return v.v === 0 ? 0 : javaDoubleHash(v.v)
    case 'bigdec':
      return decimalHasheq(parseDecimal(v.v))
    case 'kw':
      return (symbolHasheq(v.ns, v.name) + KEYWORD_HASH_OFFSET) | 0
    case 'sym':
      return symbolHasheq(v.ns, v.name)
    case 'list':
    case 'vec':
      return orderedHasheq(v.items)
    case 'set': {
      let h = 0
      for (const item of v.items) h = (h + hasheq(item)) | 0
      return mixCollHash(h, v.items.length)
    }
    case 'map': {
      let h = 0
      for (const [k, val] of v.entries) h = (h + entryHasheq(k, val)) | 0
      return mixCollHash(h, v.entries.length)
    }
    case 'inst':
      return javaLongHash(BigInt(v.ms))
    case 'uuid':
      return javaUuidHash(v.v)
    case 'tagged':
      return javaHashCode(v)
  }
}

/** Java's `hashCode()` of the object `clojure.edn` reads for `v` (`Util.hash`: 0 for nil). */
export function javaHashCode(v: EdnValue): number {
  switch (v.t) {
    case 'nil':
      return 0
    case 'str':
      return javaStringHash(v.v)
    case 'int':
      return fitsLong(v.v) ? javaLongHash(v.v) : javaBigIntegerHash(v.v)
    case 'float':
      return javaDoubleHash(v.v)
    case 'bigdec':
      return javaDecimalHash(parseDecimal(v.v))
    case 'kw':
      return (symbolJavaHash(v.ns, v.name) + KEYWORD_HASH_OFFSET) | 0
    case 'sym':
      return symbolJavaHash(v.ns, v.name)
    case 'list':
    case 'vec': {
      let h = 1
      for (const item of v.items) h = (Math.imul(31, h) + javaHashCode(item)) | 0
      return h
    }
    case 'set': {
      let h = 0
      for (const item of v.items) h = (h + javaHashCode(item)) | 0
      return h
    }
    case 'map': {
      let h = 0
      for (const [k, val] of v.entries) h = (h + (javaHashCode(k) ^ javaHashCode(val))) | 0
      return h
    }
    case 'tagged': {
      const [ns, name] = splitSymbolText(v.tag)
      return (Math.imul(31, symbolJavaHash(ns, name)) + javaHashCode(v.value)) | 0
    }
    default:
      // bool, char, inst and uuid hash the same way under both schemes.
      return hasheq(v)
  }
}
