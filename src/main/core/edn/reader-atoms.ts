/**
 * Interpretation of the atoms EdnReader reads as one token: numbers
 * (`matchNumber`), symbols and keywords (`matchSymbol`) and character literals.
 * Each function returns the value, or a string saying what is wrong.
 */
import type { EdnValue } from '../../../shared/edn-value'
import { splitSymbolText } from './hash'
import { javaDigit } from './java-chars'
import { fitsLong } from './murmur3'

/** EdnReader's `intPat`, `floatPat` and `ratioPat`, verbatim. */
const INT_PATTERN = /^([-+]?)(?:(0)|([1-9][0-9]*)|0[xX]([0-9A-Fa-f]+)|0([0-7]+)|([1-9][0-9]?)[rR]([0-9A-Za-z]+)|0[0-9]+)(N)?$/
const FLOAT_PATTERN = /^([-+]?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?)(M)?$/
const RATIO_PATTERN = /^([-+]?[0-9]+)\/([0-9]+)$/

function intValue(v: bigint, big: boolean): EdnValue {
  return { t: 'int', v, big: big || !fitsLong(v) }
}

/** `new BigInteger(digits, radix)`, or null for a radix outside 2–36 or a digit too large. */
function parseRadix(digits: string, radix: number): bigint | null {
  if (radix < 2 || radix > 36) return null
  const r = BigInt(radix)
  let value = 0n
  for (let i = 0; i < digits.length; i++) {
    const d = javaDigit(digits.charCodeAt(i), radix)
    if (d < 0) return null
    value = value * r + BigInt(d)
  }
  return value
}

function matchInteger(m: RegExpExecArray, text: string): EdnValue | string {
  const big = m[8] !== undefined
  if (m[2] !== undefined) return intValue(0n, big)
  let magnitude: bigint | null
  if (m[3] !== undefined) magnitude = BigInt(m[3])
  else if (m[4] !== undefined) magnitude = BigInt(`0x${m[4]}`)
  else if (m[5] !== undefined) magnitude = BigInt(`0o${m[5]}`)
  else if (m[7] !== undefined) magnitude = parseRadix(m[7], Number(m[6]))
  else return `Invalid number: ${text} (a leading 0 means octal)`
  if (magnitude === null) return `Invalid number: ${text} (digit out of range for radix ${m[6]})`
  return intValue(m[1] === '-' ? -magnitude : magnitude, big)
}

/**
 * A ratio as `clojure.edn` reads it (`Numbers.divide`): an integral quotient
 * becomes that integer (a `BigInt` when either part exceeds the long range);
 * a true fraction would be a `clojure.lang.Ratio`, which this codec does not model.
 */
function matchRatio(m: RegExpExecArray, text: string): EdnValue | string {
  const numerator = BigInt(m[1])
  const denominator = BigInt(m[2])
  if (denominator === 0n) return `Invalid number: ${text} (divide by zero)`
  if (numerator % denominator !== 0n) {
    return `Unsupported ratio: ${text} (Coherence Studio cannot keep a fraction exact; write a decimal such as 0.5 or 0.5M)`
  }
  return intValue(numerator / denominator, !(fitsLong(numerator) && fitsLong(denominator)))
}

/**
 * EdnReader's `matchNumber`: integers (decimal, `0x` hex, leading-0 octal, `NrDIGITS`
 * radix, `N` suffix), doubles, `M` BigDecimals and ratios.
 */
export function matchNumber(text: string): EdnValue | string {
  const int = INT_PATTERN.exec(text)
  if (int) return matchInteger(int, text)
  const float = FLOAT_PATTERN.exec(text)
  if (float) {
    if (float[4] !== undefined) return { t: 'bigdec', v: float[1] }
    return { t: 'float', v: Number(text) }
  }
  const ratio = RATIO_PATTERN.exec(text)
  if (ratio) return matchRatio(ratio, text)
  return `Invalid number: ${text}`
}

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57
}

/**
 * Matches `([\D&&[^/]].*\/)?(/|[\D&&[^/]][^/]*)` against `s` from `from` to its end.
 * Returns the end of the namespace group (just past its `/`), `from` when the
 * group is absent, or -1 when there is no match. Mirrors Java's backtracking:
 * the greedy `.*` (which stops at U+0085) makes the namespace end at the last usable `/`.
 */
function matchSymbolBody(s: string, from: number): number {
  const end = s.length
  if (from >= end) return -1
  const first = s.charCodeAt(from)
  const lastSlash = s.lastIndexOf('/')
  if (lastSlash < from) return isAsciiDigit(first) ? -1 : from
  if (end - from === 1) return from // just "/"
  if (isAsciiDigit(first) || first === 47) return -1
  let nsSlash: number
  if (lastSlash < end - 1) {
    if (isAsciiDigit(s.charCodeAt(lastSlash + 1))) return -1
    nsSlash = lastSlash
  } else if (s.charCodeAt(end - 2) === 47 && end - 2 > from) {
    nsSlash = end - 2 // name is "/"
  } else {
    return -1
  }
  if (nsSlash <= from) return -1
  for (let i = from + 1; i < nsSlash; i++) if (s.charCodeAt(i) === 0x85) return -1
  return nsSlash + 1
}

/** EdnReader's `matchSymbol`: a keyword or symbol for a token, or null when the token is invalid. */
export function matchSymbol(s: string): EdnValue | null {
  const isKeyword = s.charCodeAt(0) === 58
  let nsEnd = isKeyword ? matchSymbolBody(s, 1) : -1
  let from = 1
  if (nsEnd < 0) {
    nsEnd = matchSymbolBody(s, 0)
    from = 0
  }
  if (nsEnd < 0) return null
  if (nsEnd > from && s.charCodeAt(nsEnd - 2) === 58) return null // namespace ends with ":/"
  if (s.charCodeAt(s.length - 1) === 58 || s.indexOf('::', 1) !== -1 || s.startsWith('::')) return null
  const [ns, name] = splitSymbolText(isKeyword ? s.slice(1) : s)
  return isKeyword ? { t: 'kw', ns, name } : { t: 'sym', ns, name }
}

const NAMED_CHARS: Readonly<Record<string, string>> = {
  newline: '\n',
  space: ' ',
  tab: '\t',
  backspace: '\b',
  formfeed: '\f',
  return: '\r'
}

/** Reads `token.length - 1` digits after the first character (`\uXXXX`, `\oNNN`), or an error. */
function codeFromToken(token: string, base: number): number | string {
  let code = 0
  for (let i = 1; i < token.length; i++) {
    const d = javaDigit(token.charCodeAt(i), base)
    if (d < 0) return `Invalid digit "${token[i]}" in character \\${token}`
    code = code * base + d
  }
  return code
}

/** The character a `\token` literal denotes (EdnReader's CharacterReader), or an error. */
export function matchCharacter(token: string): EdnValue | string {
  if (token.length === 1) return { t: 'char', v: token }
  const named = NAMED_CHARS[token]
  if (named !== undefined) return { t: 'char', v: named }
  if (token[0] === 'u') {
    if (token.length !== 5) return `Invalid unicode character: \\${token}`
    const code = codeFromToken(token, 16)
    if (typeof code === 'string') return code
    if (code >= 0xd800 && code <= 0xdfff) return `Invalid character constant: \\u${code.toString(16)} (a surrogate)`
    return { t: 'char', v: String.fromCharCode(code) }
  }
  if (token[0] === 'o') {
    if (token.length > 4) return `Invalid octal escape sequence length: ${token.length - 1}`
    const code = codeFromToken(token, 8)
    if (typeof code === 'string') return code
    if (code > 0o377) return 'Octal escape sequence must be in range [0, 377]'
    return { t: 'char', v: String.fromCharCode(code) }
  }
  return `Unsupported character: \\${token}`
}
