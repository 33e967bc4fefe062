/**
 * A JSON view of EDN values for "copy as JSON" and exports. It keeps every
 * value readable and distinguishes the kinds where JSON allows it:
 *
 * | EDN | JSON |
 * |---|---|
 * | `nil`, `true`/`false` | `null`, `true`/`false` |
 * | string `"a"` | `"a"` |
 * | keyword `:a`, `:ns/a` | `":a"`, `":ns/a"` (the printed keyword) |
 * | symbol `a`, `ns/a` | `"a"`, `"ns/a"` |
 * | character `\a` | `"a"` |
 * | integer within ±(2^53 − 1) | number |
 * | integer beyond that | string of its digits, `"12345678901234567890"` |
 * | double | number; `##Inf`, `##-Inf`, `##NaN` as those strings |
 * | BigDecimal `1.50M` | string `"1.50"` (exact digits, as Clojure prints them) |
 * | list, vector, set | array (a set in Clojure's print order) |
 * | map with only string/keyword keys | object keyed by the string or `":keyword"` text |
 * | any other map (or keys whose texts collide) | array of `[key, value]` pairs |
 * | `#inst` | ISO-8601 string `"2026-11-28T14:00:00.000Z"` (proleptic Gregorian, unlike Clojure's Julian dates before 1582) |
 * | `#uuid` | the UUID string |
 * | other tagged `#my/tag v` | `{"#my/tag": v}` |
 */
import type { EdnValue } from '../../../shared/edn-value'
import { canonicalDecimalText } from './bigdec'
import { clojureOrder } from './hash-order'

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER)

function keyText(k: EdnValue): string | null {
  if (k.t === 'str') return k.v
  if (k.t === 'kw') return k.ns === null ? `:${k.name}` : `:${k.ns}/${k.name}`
  return null
}

function mapToJson(entries: readonly (readonly [EdnValue, EdnValue])[]): unknown {
  const object: Record<string, unknown> = {}
  for (const [k, v] of entries) {
    const text = keyText(k)
    if (text === null || Object.prototype.hasOwnProperty.call(object, text)) {
      return entries.map(([key, value]) => [ednToJson(key), ednToJson(value)])
    }
    object[text] = ednToJson(v)
  }
  return object
}

/** Converts an EDN value to plain JSON data following the table above. */
export function ednToJson(value: EdnValue): unknown {
  switch (value.t) {
    case 'nil':
      return null
    case 'bool':
    case 'str':
    case 'char':
    case 'uuid':
      return value.v
    case 'int':
      return value.v >= -MAX_SAFE && value.v <= MAX_SAFE ? Number(value.v) : value.v.toString()
    case 'float':
      if (Number.isFinite(value.v)) return value.v
      return Number.isNaN(value.v) ? '##NaN' : value.v > 0 ? '##Inf' : '##-Inf'
    case 'bigdec':
      return canonicalDecimalText(value.v)
    case 'kw':
    case 'sym':
      return (value.t === 'kw' ? ':' : '') + (value.ns === null ? value.name : `${value.ns}/${value.name}`)
    case 'list':
    case 'vec':
      return value.items.map(ednToJson)
    case 'set':
      return clojureOrder(value).map(ednToJson)
    case 'map':
      return mapToJson(clojureOrder(value))
    case 'inst':
      return new Date(value.ms).toISOString()
    case 'tagged':
      return { [`#${value.tag}`]: ednToJson(value.value) }
  }
}
