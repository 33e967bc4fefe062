/**
 * `pr-str` of Clojure 1.11, byte for byte, for values read by `clojure.edn`:
 * strings escape only `" \ newline tab return formfeed backspace`, maps print
 * `{k v, k v}` in Clojure's iteration order, sets in hash order, doubles like
 * `Double.toString` (JDK ≥ 19), BigInts with `N`, BigDecimals with `M`.
 */
import type { EdnMap, EdnValue } from '../../../shared/edn-value'
import { canonicalDecimalText } from './bigdec'
import { javaDoubleToString } from './double-format'
import { isBigInt } from './hash'
import { mapPrintOrder, setPrintOrder } from './hash-order'
import { formatInstant } from './instant'

/** Options of `printEdn`. */
export interface PrintOptions {
  /**
   * Clojure's `*print-namespace-maps*`: when true, a map whose keys are all
   * keywords/symbols of one namespace prints as `#:ns{:a 1}`. Default false,
   * Clojure's default outside the REPL, and the form stores should be written in.
   */
  readonly namespaceMaps?: boolean
}

const STRING_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\t': '\\t',
  '\r': '\\r',
  '\f': '\\f',
  '\b': '\\b'
}
const NEEDS_ESCAPE = /["\\\n\t\r\f\b]/
const ESCAPED_CHARS = /["\\\n\t\r\f\b]/g

const CHAR_NAMES: Readonly<Record<string, string>> = {
  '\n': 'newline',
  '\t': 'tab',
  ' ': 'space',
  '\b': 'backspace',
  '\f': 'formfeed',
  '\r': 'return'
}

/** A string literal as `pr-str` prints it. */
export function printString(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`
  return `"${s.replace(ESCAPED_CHARS, (c) => STRING_ESCAPES[c])}"`
}

/** A double as `pr-str` prints it: `##Inf`, `##-Inf`, `##NaN`, else `Double.toString`. */
export function printDouble(x: number): string {
  if (Number.isInteger(x) && x > -1e7 && x < 1e7) return Object.is(x, -0) ? '-0.0' : `${x}.0`
  if (x === Infinity) return '##Inf'
  if (x === -Infinity) return '##-Inf'
  if (Number.isNaN(x)) return '##NaN'
  return javaDoubleToString(x)
}

function nameText(ns: string | null, name: string): string {
  return ns === null ? name : `${ns}/${name}`
}

/** The namespace `lift-ns` would lift out of a map's keys, or null. */
function liftableNamespace(m: EdnMap): string | null {
  let ns: string | null = null
  for (const [k] of m.entries) {
    if ((k.t !== 'kw' && k.t !== 'sym') || k.ns === null) return null
    if (ns === null) ns = k.ns
    else if (k.ns !== ns) return null
  }
  return ns
}

function printValue(v: EdnValue, nsMaps: boolean): string {
  switch (v.t) {
    case 'nil':
      return 'nil'
    case 'bool':
      return v.v ? 'true' : 'false'
    case 'str':
      return printString(v.v)
    case 'char':
      return `\\${CHAR_NAMES[v.v] ?? v.v}`
    case 'int':
      return isBigInt(v) ? `${v.v}N` : `${v.v}`
    case 'float':
      return printDouble(v.v)
    case 'bigdec':
      return `${canonicalDecimalText(v.v)}M`
    case 'kw':
      return `:${nameText(v.ns, v.name)}`
    case 'sym':
      return nameText(v.ns, v.name)
    case 'list':
      return `(${printItems(v.items, nsMaps)})`
    case 'vec':
      return `[${printItems(v.items, nsMaps)}]`
    case 'set':
      return `#{${printItems(setPrintOrder(v), nsMaps)}}`
    case 'map':
      return printMap(v, nsMaps)
    case 'inst':
      return `#inst "${formatInstant(v.ms)}"`
    case 'uuid':
      return `#uuid "${v.v}"`
    case 'tagged':
      return `#${v.tag} ${printValue(v.value, nsMaps)}`
  }
}

function printItems(items: readonly EdnValue[], nsMaps: boolean): string {
  let out = ''
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ' '
    out += printValue(items[i], nsMaps)
  }
  return out
}

/** A key of a lifted map after `strip-ns`: `:shop/a` → `:a`, `shop/a` → `a`. */
function printStrippedKey(k: EdnValue, nsMaps: boolean): string {
  if (k.t === 'kw') return `:${k.name}`
  if (k.t === 'sym') return k.name
  return printValue(k, nsMaps)
}

function printMap(m: EdnMap, nsMaps: boolean): string {
  const ns = nsMaps && m.entries.length > 0 ? liftableNamespace(m) : null
  let out = ns === null ? '{' : `#:${ns}{`
  const entries = mapPrintOrder(m)
  for (let i = 0; i < entries.length; i++) {
    if (i > 0) out += ', '
    const [k, val] = entries[i]
    out += ns === null ? printValue(k, nsMaps) : printStrippedKey(k, nsMaps)
    out += ' '
    out += printValue(val, nsMaps)
  }
  return `${out}}`
}

/**
 * Prints a value exactly as Clojure 1.11's `pr-str` does (with
 * `*print-namespace-maps*` false unless `options.namespaceMaps`).
 */
export function printEdn(value: EdnValue, options?: PrintOptions): string {
  return printValue(value, options?.namespaceMaps === true)
}
