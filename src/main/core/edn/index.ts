/**
 * The EDN codec: reads EDN exactly as `clojure.edn/read-string` does and prints
 * exactly what Clojure 1.11's `pr-str` prints, with Clojure's `=` and `hash`.
 * Pure functions, no I/O.
 *
 * Where it deliberately differs from `clojure.edn/read-string`:
 * - `readEdn` wants exactly one value: empty input and trailing values are errors
 *   (Clojure returns nil for empty input and ignores what follows the first form);
 * - a ratio that is not an integer (`1/2`) is refused, since the value model has no
 *   exact fraction (`4/2` reads as `2`, as in Clojure);
 * - unknown tags are kept as `tagged` values (Clojure needs `{:default tagged-literal}`).
 * Like clojure.edn it reads `^meta form` (dropping the metadata, which `pr-str` never
 * prints) and symbols such as `'a`; it refuses `` ` ``, `~`, `@`, `#'`, `#=`, `#(`, `#"`, `#?`.
 */
import type { EdnValue } from '../../../shared/edn-value'
import { EdnParseError, describeChar } from './parse-error'
import { EdnTextReader } from './reader'

export { EdnParseError } from './parse-error'
export { printEdn, printString, printDouble, type PrintOptions } from './printer'
export { ednEquals } from './equality'
export { hasheq } from './hash'
export { clojureOrder, trieOrderKey } from './hash-order'
export { ednToJson } from './json'
export { ednTree } from './tree'
export { javaDoubleToString } from './double-format'
export { formatInstant, parseInstant } from './instant'
export { canonicalDecimalText } from './bigdec'

/**
 * Reads exactly one EDN value. Whitespace, commas, `;` comments and `#_` discards
 * may surround it; anything else after it, or no value at all, is an error.
 * @throws EdnParseError with the line, column and what was expected
 */
export function readEdn(text: string): EdnValue {
  // No `guardNesting` closure here: this runs once per cell of millions.
  const reader = new EdnTextReader(text)
  try {
    const value = reader.readForm()
    if (!reader.atEnd()) reader.fail(`Unexpected ${describeChar(text, reader.pos)}`, reader.pos, 'end of input after the value (only one value is allowed)')
    return value
  } catch (e) {
    throw nestingError(reader, e)
  }
}

/**
 * Reads exactly one EDN value like `readEdn`, but when it is a vector each item is
 * handed to `onItem` as it is read and the vector is never built (returns null);
 * any other value is returned as read. `from`/`to` are the offsets of the item's text.
 * @throws EdnParseError with the line, column and what was expected
 */
export function readEdnVectorItems(text: string, onItem: (item: EdnValue, index: number, from: number, to: number) => void): EdnValue | null {
  const reader = new EdnTextReader(text)
  return guardNesting(reader, () => {
    const value = reader.readVectorItems(onItem)
    if (!reader.atEnd()) reader.fail(`Unexpected ${describeChar(text, reader.pos)}`, reader.pos, 'end of input after the value (only one value is allowed)')
    return value
  })
}

/**
 * Reads zero or more EDN values separated by whitespace.
 * @throws EdnParseError with the line, column and what was expected
 */
export function readEdnAll(text: string): EdnValue[] {
  const reader = new EdnTextReader(text)
  return guardNesting(reader, () => {
    const values: EdnValue[] = []
    while (!reader.atEnd()) values.push(reader.readForm())
    return values
  })
}

/** Turns a stack overflow on absurdly deep nesting into a parse error at the place reached. */
function guardNesting<T>(reader: EdnTextReader, read: () => T): T {
  try {
    return read()
  } catch (e) {
    throw nestingError(reader, e)
  }
}

/** `e`, or for a stack overflow (absurdly deep nesting) a parse error at the place reached. */
function nestingError(reader: EdnTextReader, e: unknown): unknown {
  return e instanceof RangeError ? new EdnParseError('Nesting too deep', reader.src, reader.pos, 'fewer nested collections') : e
}
