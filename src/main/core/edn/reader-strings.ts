/**
 * String literals as EdnReader's StringReader reads them: escapes `\t \r \n \\ \" \b \f`,
 * `\uXXXX` (exactly four hex digits; surrogates allowed, so pairs make astral
 * characters) and octal `\N`, `\NN`, `\NNN` up to `\377` (ending early at
 * whitespace or a macro character).
 */
import type { EdnValue } from '../../../shared/edn-value'
import * as javaChars from './java-chars'
import { describeChar, lineAndColumn } from './parse-error'

/** What `readStringBody` needs from the reader. */
export interface StringSource {
  readonly src: string
  pos: number
  /**
   * Offset of the first backslash at or after the place it was last searched
   * from, `src.length` when there is none, or -1 before the first search. Kept
   * across strings so the search for it covers each character of the input at
   * most once (a fresh search per string would scan to the end every time).
   */
  nextBackslash: number
  fail(problem: string, offset: number, expected: string): never
}

/** The first backslash at or after `from` (or `src.length`), searching only past the last one found. */
function backslashFrom(r: StringSource, from: number): number {
  if (r.nextBackslash < from) {
    const at = r.src.indexOf('\\', from)
    r.nextBackslash = at < 0 ? r.src.length : at
  }
  return r.nextBackslash
}

/** Bound once (see the note in `reader.ts`): these are called per character. */
const { isEdnWhitespace, isJavaDigit, isMacroChar, javaDigit } = javaChars

const SIMPLE_ESCAPES: Readonly<Record<number, string>> = {
  116: '\t', // t
  114: '\r', // r
  110: '\n', // n
  92: '\\',
  34: '"',
  98: '\b', // b
  102: '\f' // f
}

const ESCAPE_HELP = 'an escape: \\t \\r \\n \\\\ \\" \\b \\f \\uXXXX or octal \\NNN'

/**
 * Reads up to `maxDigits` digits in `base` starting at `at` (the first one is already
 * known to be a digit), stopping early at the end, whitespace or a macro character.
 * Returns the code and the offset after the digits.
 */
function readEscapeDigits(r: StringSource, at: number, base: number, maxDigits: number): [number, number] {
  const src = r.src
  let code = 0
  let p = at
  for (let i = 0; i < maxDigits; i++, p++) {
    if (p >= src.length) break
    const c = src.charCodeAt(p)
    if (i > 0 && (isEdnWhitespace(c) || isMacroChar(c))) break
    const d = javaDigit(c, base)
    if (d < 0) r.fail(`Invalid digit ${describeChar(src, p)} in string escape`, p, base === 8 ? 'an octal digit 0-7' : 'a hex digit')
    code = code * base + d
  }
  return [code, p]
}

/** Decodes the escape whose backslash is at `at`; returns the text and the offset after it. */
function readEscape(r: StringSource, at: number): [string, number] {
  const src = r.src
  const p = at + 1
  if (p >= src.length) r.fail('Unexpected end of input in a string', p, ESCAPE_HELP)
  const c = src.charCodeAt(p)
  const simple = SIMPLE_ESCAPES[c]
  if (simple !== undefined) return [simple, p + 1]
  if (c === 117) {
    if (p + 1 >= src.length || javaDigit(src.charCodeAt(p + 1), 16) < 0) {
      r.fail(`Invalid unicode escape: \\u${p + 1 < src.length ? src[p + 1] : ''}`, at, 'four hex digits after \\u')
    }
    const [code, end] = readEscapeDigits(r, p + 1, 16, 4)
    if (end - (p + 1) !== 4) r.fail(`Invalid character length: ${end - (p + 1)}, should be: 4`, at, 'four hex digits after \\u')
    return [String.fromCharCode(code), end]
  }
  if (isJavaDigit(c)) {
    if (javaDigit(c, 8) < 0) r.fail(`Invalid digit ${describeChar(src, p)} in string escape`, p, 'an octal digit 0-7')
    const [code, end] = readEscapeDigits(r, p, 8, 3)
    if (code > 0o377) r.fail('Octal escape sequence must be in range [0, 377]', at, 'an octal escape from \\0 to \\377')
    return [String.fromCharCode(code), end]
  }
  return r.fail(`Unsupported escape character: \\${String.fromCodePoint(src.codePointAt(p) ?? c)}`, at, ESCAPE_HELP)
}

/** Reads a string literal whose opening quote is at `r.pos`; leaves `r.pos` after the closing quote. */
export function readStringBody(r: StringSource): EdnValue {
  const src = r.src
  const open = r.pos
  let from = open + 1
  const close = src.indexOf('"', from)
  if (close >= 0 && backslashFrom(r, from) > close) {
    r.pos = close + 1
    return { t: 'str', v: src.slice(from, close) }
  }
  let text = ''
  let p = from
  for (;;) {
    if (p >= src.length) {
      const { line, column } = lineAndColumn(src, open)
      r.fail('Unexpected end of input in a string', p, `the closing " of the string from line ${line}, column ${column}`)
    }
    const c = src.charCodeAt(p)
    if (c === 34) break
    if (c === 92) {
      const [decoded, next] = readEscape(r, p)
      text += src.slice(from, p) + decoded
      p = next
      from = p
    } else {
      p++
    }
  }
  r.pos = p + 1
  return { t: 'str', v: text + src.slice(from, p) }
}
