/**
 * `#uuid` as Clojure reads it: `java.util.UUID/fromString` of JDK 17, which is
 * lenient (`#uuid "1-2-3-4-5"` is `00000001-0002-0003-0004-000000000005`), and
 * `UUID.toString()` / `UUID.hashCode()`.
 */
import { javaDigit } from './java-chars'

const CANONICAL = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const LONG_MIN = -(2n ** 63n)
const LONG_MAX = 2n ** 63n - 1n

/** `Long.parseLong(s, begin, end, 16)`, or null where Java throws. */
function parseHexLong(s: string, begin: number, end: number): bigint | null {
  let i = begin
  let negative = false
  const first = s.charCodeAt(i)
  if (first === 45 || first === 43) {
    negative = first === 45
    i++
  }
  if (i >= end) return null
  let value = 0n
  for (; i < end; i++) {
    const d = javaDigit(s.charCodeAt(i), 16)
    if (d < 0) return null
    value = value * 16n + BigInt(d)
    if (value > LONG_MAX + 1n) return null
  }
  value = negative ? -value : value
  return value < LONG_MIN || value > LONG_MAX ? null : value
}

const hex = (v: bigint, width: number): string => v.toString(16).padStart(width, '0')

/**
 * `UUID.fromString(text).toString()`: the canonical lower-case form, or null
 * where Java throws ("Invalid UUID string").
 */
export function canonicalUuid(text: string): string | null {
  if (CANONICAL.test(text)) return text
  if (text.length > 36) return null
  const dash1 = text.indexOf('-')
  const dash2 = text.indexOf('-', dash1 + 1)
  const dash3 = text.indexOf('-', dash2 + 1)
  const dash4 = text.indexOf('-', dash3 + 1)
  const dash5 = text.indexOf('-', dash4 + 1)
  if (dash1 < 0 || dash4 < 0 || dash5 >= 0) return null
  const parts = [
    parseHexLong(text, 0, dash1),
    parseHexLong(text, dash1 + 1, dash2),
    parseHexLong(text, dash2 + 1, dash3),
    parseHexLong(text, dash3 + 1, dash4),
    parseHexLong(text, dash4 + 1, text.length)
  ]
  if (parts.some((p) => p === null)) return null
  const [a, b, c, d, e] = parts as bigint[]
  return [
    hex(a & 0xffffffffn, 8),
    hex(b & 0xffffn, 4),
    hex(c & 0xffffn, 4),
    hex(d & 0xffffn, 4),
    hex(e & 0xffffffffffffn, 12)
  ].join('-')
}

/** `UUID.hashCode()` of a canonical UUID string: the XOR of its four 32-bit words. */
export function javaUuidHash(canonical: string): number {
  const digits = canonical.replace(/-/g, '')
  let h = 0
  for (let i = 0; i < 32; i += 8) h ^= parseInt(digits.slice(i, i + 8), 16) | 0
  return h
}
