/**
 * `clojure.lang.Murmur3` and the Java hash primitives Clojure builds on, in
 * 32-bit integer arithmetic (`Math.imul`, `| 0`) so results equal Java's `int`s.
 */

const C1 = 0xcc9e2d51 | 0
const C2 = 0x1b873593 | 0
const GOLDEN = 0x9e3779b9 | 0

function mixK1(k1: number): number {
  k1 = Math.imul(k1, C1)
  k1 = (k1 << 15) | (k1 >>> 17)
  return Math.imul(k1, C2)
}

function mixH1(h1: number, k1: number): number {
  h1 ^= k1
  h1 = (h1 << 13) | (h1 >>> 19)
  return (Math.imul(h1, 5) + (0xe6546b64 | 0)) | 0
}

function fmix(h1: number, length: number): number {
  h1 ^= length
  h1 ^= h1 >>> 16
  h1 = Math.imul(h1, 0x85ebca6b | 0)
  h1 ^= h1 >>> 13
  h1 = Math.imul(h1, 0xc2b2ae35 | 0)
  h1 ^= h1 >>> 16
  return h1
}

/** `Murmur3.hashInt` */
export function murmurHashInt(input: number): number {
  if (input === 0) return 0
  return fmix(mixH1(0, mixK1(input)), 4)
}

/** `Murmur3.hashLong` for a long given as its low and high 32-bit words. */
export function murmurHashLongWords(low: number, high: number): number {
  if (low === 0 && high === 0) return 0
  let h1 = mixH1(0, mixK1(low))
  h1 = mixH1(h1, mixK1(high))
  return fmix(h1, 8)
}

/** `Murmur3.hashUnencodedChars`: Murmur3 over the UTF-16 code units of `s`. */
export function murmurHashUnencodedChars(s: string): number {
  let h1 = 0
  const n = s.length
  for (let i = 1; i < n; i += 2) {
    h1 = mixH1(h1, mixK1(s.charCodeAt(i - 1) | (s.charCodeAt(i) << 16)))
  }
  if ((n & 1) === 1) h1 ^= mixK1(s.charCodeAt(n - 1))
  return fmix(h1, 2 * n)
}

/** `Murmur3.mixCollHash`: the final step of `hashOrdered` / `hashUnordered`. */
export function mixCollHash(hash: number, count: number): number {
  return fmix(mixH1(0, mixK1(hash)), count)
}

/** `Util.hashCombine(seed, hash)` */
export function hashCombine(seed: number, hash: number): number {
  seed ^= (hash + GOLDEN + (seed << 6) + (seed >> 2)) | 0
  return seed
}

/** `String.hashCode()` */
export function javaStringHash(s: string): number {
  let h = 0
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0
  return h
}

/** `Keyword`'s offset over its symbol's hash (`+ 0x9e3779b9`). */
export const KEYWORD_HASH_OFFSET = GOLDEN

const TWO_32 = 4294967296
const LONG_MIN = -(2n ** 63n)
const LONG_MAX = 2n ** 63n - 1n

/** True when `v` fits a Java `long`. */
export function fitsLong(v: bigint): boolean {
  return v >= LONG_MIN && v <= LONG_MAX
}

/** Low and high 32-bit words of a value in the Java `long` range. */
export function longWords(v: bigint): [number, number] {
  if (v >= -9007199254740991n && v <= 9007199254740991n) {
    const n = Number(v)
    return [n | 0, Math.floor(n / TWO_32) | 0]
  }
  return [Number(BigInt.asIntN(32, v)), Number(BigInt.asIntN(32, v >> 32n))]
}

/** `Long.hashCode()` (also `BigInt.hashCode()` in the long range and `Date.hashCode()`). */
export function javaLongHash(v: bigint): number {
  const [low, high] = longWords(v)
  return low ^ high
}

/** `Murmur3.hashLong(v)` for a value in the long range. */
export function murmurHashLong(v: bigint): number {
  const [low, high] = longWords(v)
  return murmurHashLongWords(low, high)
}

/** `BigInteger.hashCode()`: 31-polynomial over the big-endian 32-bit words of |v|, times the sign. */
export function javaBigIntegerHash(v: bigint): number {
  if (v === 0n) return 0
  let mag = v < 0n ? -v : v
  const words: number[] = []
  while (mag > 0n) {
    words.push(Number(mag & 0xffffffffn))
    mag >>= 32n
  }
  let h = 0
  for (let i = words.length - 1; i >= 0; i--) h = (Math.imul(31, h) + words[i]) | 0
  return v < 0n ? -h | 0 : h
}

const doubleView = new Float64Array(1)
const wordView = new Int32Array(doubleView.buffer)
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

/** `Double.hashCode()`: high word XOR low word of `doubleToLongBits` (NaN canonical). */
export function javaDoubleHash(x: number): number {
  if (Number.isNaN(x)) return 0x7ff80000
  doubleView[0] = x
  return LITTLE_ENDIAN ? wordView[0] ^ wordView[1] : wordView[1] ^ wordView[0]
}
