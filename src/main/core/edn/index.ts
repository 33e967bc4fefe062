/**
 * The EDN codec: reads EDN exactly as `clojure.edn/read-string` does and prints
 * exactly what Clojure 1.11's `pr-str` prints, with Clojure's `=` and `hash`.
 * Pure functions, no I/O.
 */
import type { EdnValue } from '../../../shared/edn-value'
import { describeChar } from './parse-error'
import { EdnTextReader } from './reader'

export { EdnParseError } from './parse-error'
export { printEdn, printString, printDouble, type PrintOptions } from './printer'
export { ednEquals } from './equality'
export { hasheq } from './hash'
export { clojureOrder, trieOrderKey } from './hash-order'
export { ednToJson } from './json'
export { javaDoubleToString } from './double-format'
export { formatInstant, parseInstant } from './instant'
export { canonicalDecimalText } from './bigdec'

/**
 * Reads exactly one EDN value. Whitespace, commas, `;` comments and `#_` discards
 * may surround it; anything else after it, or no value at all, is an error.
 * @throws EdnParseError with the line, column and what was expected
 */
export function readEdn(text: string): EdnValue {
  const reader = new EdnTextReader(text)
  const value = reader.readForm()
  if (!reader.atEnd()) reader.fail(`Unexpected ${describeChar(text, reader.pos)}`, reader.pos, 'end of input after the value (only one value is allowed)')
  return value
}

/**
 * Reads zero or more EDN values separated by whitespace.
 * @throws EdnParseError with the line, column and what was expected
 */
export function readEdnAll(text: string): EdnValue[] {
  const reader = new EdnTextReader(text)
  const values: EdnValue[] = []
  while (!reader.atEnd()) values.push(reader.readForm())
  return values
}
