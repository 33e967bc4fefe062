/**
 * Character classes exactly as `clojure.lang.EdnReader` sees them. The reader
 * works on UTF-16 code units (a Java `char`), so every function here takes one
 * code unit. ASCII is decided with plain comparisons; the rare non-ASCII cases
 * fall back to Unicode property regexes (Node's Unicode tables are newer than
 * JDK 17's Unicode 13, which only matters for characters added since).
 */

const UNICODE_DIGIT = /^\p{Nd}$/u
const UNICODE_LETTER = /^\p{L}$/u

/** Bit in `ASCII_CLASS`: EDN whitespace (Java whitespace or `,`). */
export const WHITESPACE = 1
/** Bit in `ASCII_CLASS`: a macro character that ends a token (`" ; ^ ( ) [ ] { } \`). */
export const TERMINATING_MACRO = 2
/** Bit in `ASCII_CLASS`: any macro character (the terminating ones and `#`). */
export const MACRO = 4

/** Bit in `ASCII_CLASS`: `@`, `` ` `` or `~`, which may not appear in a token. */
export const NON_CONSTITUENT = 8
/** Bit in `ASCII_CLASS`: `/` or `:`, which split or qualify a symbol's or keyword's name. */
export const NAME_MARK = 16

/** Character classes of the ASCII range, for table lookups in the reader's hot loops. */
export const ASCII_CLASS: Uint8Array = (() => {
  const table = new Uint8Array(128)
  for (const c of [9, 10, 11, 12, 13, 28, 29, 30, 31, 32, 44]) table[c] = WHITESPACE
  for (const ch of '";^()[]{}\\') table[ch.charCodeAt(0)] = TERMINATING_MACRO | MACRO
  table[35] = MACRO
  for (const ch of '@`~') table[ch.charCodeAt(0)] = NON_CONSTITUENT
  for (const ch of '/:') table[ch.charCodeAt(0)] = NAME_MARK
  return table
})()

/** `Character.isWhitespace(c) || c == ','` — EdnReader's notion of whitespace. */
export function isEdnWhitespace(c: number): boolean {
  if (c < 128) return (ASCII_CLASS[c] & WHITESPACE) !== 0
  if (c < 0x1680) return false
  return (
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x2006) ||
    (c >= 0x2008 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x205f ||
    c === 0x3000
  )
}

/** `Character.isDigit(c)`: ASCII digits and every other Unicode decimal digit (category Nd). */
export function isJavaDigit(c: number): boolean {
  if (c < 128) return c >= 48 && c <= 57
  return UNICODE_DIGIT.test(String.fromCharCode(c))
}

/** `Character.isLetter(c)` for one code unit (decides whether `#x…` is a tagged literal). */
export function isJavaLetter(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
  return UNICODE_LETTER.test(String.fromCharCode(c))
}

/** Value of a Unicode Nd digit: its distance from the start of its run of ten (runs are contiguous by Unicode policy). */
function unicodeDigitValue(c: number): number {
  let start = c
  while (start > 0 && isJavaDigit(start - 1)) start--
  return (c - start) % 10
}

/**
 * `Character.digit(c, radix)`: the value of `c` as a digit in `radix`, or -1.
 * Accepts ASCII letters, the full-width Latin letters and any Unicode decimal digit, as Java does.
 */
export function javaDigit(c: number, radix: number): number {
  let value: number
  if (c >= 48 && c <= 57) value = c - 48
  else if (c >= 97 && c <= 122) value = c - 87
  else if (c >= 65 && c <= 90) value = c - 55
  else if (c >= 0xff21 && c <= 0xff3a) value = c - 0xff21 + 10
  else if (c >= 0xff41 && c <= 0xff5a) value = c - 0xff41 + 10
  else if (c >= 128 && isJavaDigit(c)) value = unicodeDigitValue(c)
  else return -1
  return value < radix ? value : -1
}

/** Characters with a reader macro in EdnReader: `" ; ^ ( ) [ ] { } \ #`. */
export function isMacroChar(c: number): boolean {
  return c < 128 && (ASCII_CLASS[c] & MACRO) !== 0
}

/** True where a number ends: end of input (NaN), whitespace or any macro character. */
export function endsNumber(c: number): boolean {
  return c < 128 ? (ASCII_CLASS[c] & (WHITESPACE | MACRO)) !== 0 : c !== c || isEdnWhitespace(c)
}

/** True where a token ends: end of input (NaN), whitespace or a macro character other than `#`. */
export function endsToken(c: number): boolean {
  return c < 128 ? (ASCII_CLASS[c] & (WHITESPACE | TERMINATING_MACRO)) !== 0 : c !== c || isEdnWhitespace(c)
}

/** `@`, `` ` `` and `~` may not appear in a token (EdnReader's `nonConstituent`). */
export function isNonConstituent(c: number): boolean {
  return c === 64 || c === 96 || c === 126
}
