/**
 * The error thrown for text that is not valid EDN (or that `clojure.edn` would
 * refuse), with the place it happened and what was expected there.
 */

/** 1-based line and column of a UTF-16 offset; lines end at `\n`, `\r\n` or a lone `\r`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  const end = Math.min(offset, text.length)
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}

/** How a character (or the end of the input) is named in an error message. */
export function describeChar(text: string, offset: number): string {
  if (offset >= text.length) return 'end of input'
  const c = text.charCodeAt(offset)
  if (c === 10) return 'newline'
  if (c === 13) return 'carriage return'
  if (c === 9) return 'tab'
  if (c < 32 || c === 0x7f) return `character U+${c.toString(16).toUpperCase().padStart(4, '0')}`
  const cp = text.codePointAt(offset) ?? c
  return `"${String.fromCodePoint(cp)}"`
}

/**
 * A parse error. `line`/`column` are 1-based (columns count UTF-16 code units),
 * `offset` is the 0-based UTF-16 offset, `expected` says what would have been valid.
 * The message reads like `Unexpected "}" at line 3, column 7: expected a value or "]"`.
 */
export class EdnParseError extends Error {
  readonly line: number
  readonly column: number
  readonly offset: number
  readonly expected: string

  /**
   * @param problem what is wrong, e.g. `Unexpected "}"` or `Duplicate key :a`
   * @param text the whole input (used to compute line and column)
   * @param offset where the problem starts
   * @param expected what would have been valid at that place
   */
  constructor(problem: string, text: string, offset: number, expected: string) {
    const { line, column } = lineAndColumn(text, offset)
    super(`${problem} at line ${line}, column ${column}: expected ${expected}`)
    this.name = 'EdnParseError'
    this.line = line
    this.column = column
    this.offset = offset
    this.expected = expected
  }
}
