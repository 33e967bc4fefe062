/**
 * The EDN value model shared by main, CLI and renderer.
 *
 * Every value keeps the Clojure kind it was read as, so that reading a cell and
 * printing it again gives back what Clojure's `pr-str` would print: a keyword is
 * not a string, `1` is not `1.0`, a list is not a vector, and integers beyond
 * 2^53 stay exact (`bigint`).
 *
 * This module holds types and tiny constructors only; the reader and the
 * printer live in `src/main/core/edn`.
 */

/** `nil` */
export interface EdnNil {
  readonly t: 'nil'
}
/** `true` / `false` */
export interface EdnBool {
  readonly t: 'bool'
  readonly v: boolean
}
/** A string (JS string, any Unicode). */
export interface EdnString {
  readonly t: 'str'
  readonly v: string
}
/** A character such as `\a` or `\newline`; `v` is exactly one code point. */
export interface EdnChar {
  readonly t: 'char'
  readonly v: string
}
/**
 * An integer. `big` is true for a `clojure.lang.BigInt`: either written with the
 * `N` suffix or too large for a Java long; such values print with `N`.
 */
export interface EdnInt {
  readonly t: 'int'
  readonly v: bigint
  readonly big: boolean
}
/** A double (Java `double`), printed like `Double.toString` (`1.0`, `1.0E100`, `##NaN`). */
export interface EdnFloat {
  readonly t: 'float'
  readonly v: number
}
/** A `java.math.BigDecimal` written with the `M` suffix; `v` is the digits as read, without `M`. */
export interface EdnBigDec {
  readonly t: 'bigdec'
  readonly v: string
}
/** A keyword `:name` or `:ns/name`. */
export interface EdnKeyword {
  readonly t: 'kw'
  readonly ns: string | null
  readonly name: string
}
/** A symbol `name` or `ns/name`. */
export interface EdnSymbol {
  readonly t: 'sym'
  readonly ns: string | null
  readonly name: string
}
/** `(a b c)` */
export interface EdnList {
  readonly t: 'list'
  readonly items: readonly EdnValue[]
}
/** `[a b c]` */
export interface EdnVector {
  readonly t: 'vec'
  readonly items: readonly EdnValue[]
}
/** `#{a b c}`; `items` keeps the order it was read or built in (printing uses Clojure's hash order). */
export interface EdnSet {
  readonly t: 'set'
  readonly items: readonly EdnValue[]
}
/** `{k v …}`; `entries` keeps the order it was read or built in. */
export interface EdnMap {
  readonly t: 'map'
  readonly entries: readonly (readonly [EdnValue, EdnValue])[]
}
/** `#inst "…"`, held as milliseconds since the epoch (a `java.util.Date`, as `clojure.edn` reads it). */
export interface EdnInst {
  readonly t: 'inst'
  readonly ms: number
}
/** `#uuid "…"`, `v` in lower case. */
export interface EdnUuid {
  readonly t: 'uuid'
  readonly v: string
}
/** Any other tagged literal `#my/tag value`, kept as it was read. */
export interface EdnTagged {
  readonly t: 'tagged'
  readonly tag: string
  readonly value: EdnValue
}

/** Any EDN value. */
export type EdnValue =
  | EdnNil
  | EdnBool
  | EdnString
  | EdnChar
  | EdnInt
  | EdnFloat
  | EdnBigDec
  | EdnKeyword
  | EdnSymbol
  | EdnList
  | EdnVector
  | EdnSet
  | EdnMap
  | EdnInst
  | EdnUuid
  | EdnTagged

/** Small constructors so code building values reads naturally. */
export const edn = {
  nil: { t: 'nil' } as EdnNil,
  bool: (v: boolean): EdnBool => ({ t: 'bool', v }),
  str: (v: string): EdnString => ({ t: 'str', v }),
  char: (v: string): EdnChar => ({ t: 'char', v }),
  int: (v: bigint | number, big = false): EdnInt => ({ t: 'int', v: BigInt(v), big }),
  float: (v: number): EdnFloat => ({ t: 'float', v }),
  bigdec: (v: string): EdnBigDec => ({ t: 'bigdec', v }),
  /** `kw('book')` → `:book`, `kw('shop', 'a')` → `:shop/a` */
  kw: (nsOrName: string, name?: string): EdnKeyword =>
    name === undefined ? { t: 'kw', ns: null, name: nsOrName } : { t: 'kw', ns: nsOrName, name },
  sym: (nsOrName: string, name?: string): EdnSymbol =>
    name === undefined ? { t: 'sym', ns: null, name: nsOrName } : { t: 'sym', ns: nsOrName, name },
  list: (items: readonly EdnValue[]): EdnList => ({ t: 'list', items }),
  vec: (items: readonly EdnValue[]): EdnVector => ({ t: 'vec', items }),
  set: (items: readonly EdnValue[]): EdnSet => ({ t: 'set', items }),
  map: (entries: readonly (readonly [EdnValue, EdnValue])[]): EdnMap => ({ t: 'map', entries }),
  inst: (ms: number): EdnInst => ({ t: 'inst', ms }),
  uuid: (v: string): EdnUuid => ({ t: 'uuid', v: v.toLowerCase() }),
  tagged: (tag: string, value: EdnValue): EdnTagged => ({ t: 'tagged', tag, value })
} as const
