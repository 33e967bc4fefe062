/**
 * A hand-rolled EDN reader that accepts exactly what `clojure.edn/read-string`
 * (Clojure 1.11, `{:default tagged-literal}`) accepts and builds the same values.
 * It walks UTF-16 code units with `charCodeAt`, slices strings and tokens
 * without copying them char by char, and never backtracks.
 */
import type { EdnValue } from '../../../shared/edn-value'
import { firstDuplicateIndex } from './equality'
import { parseInstant } from './instant'
import {
  isEdnWhitespace,
  isJavaDigit,
  isJavaLetter,
  isMacroChar,
  isNonConstituent,
  isTerminatingMacroChar
} from './java-chars'
import { EdnParseError, describeChar, lineAndColumn } from './parse-error'
import { printEdn } from './printer'
import { matchCharacter, matchNumber, matchSymbol } from './reader-atoms'
import { readStringBody } from './reader-strings'
import { canonicalUuid } from './uuid'

const NIL: EdnValue = { t: 'nil' }
const TRUE: EdnValue = { t: 'bool', v: true }
const FALSE: EdnValue = { t: 'bool', v: false }
const SYMBOLIC_VALUES: Readonly<Record<string, number>> = { Inf: Infinity, '-Inf': -Infinity, NaN: NaN }

const CLOSERS: Readonly<Record<number, string>> = { 41: ')', 93: ']', 125: '}' }

/** Kinds `clojure.edn` can attach `^metadata` to (symbols and collections). */
const META_TARGETS = new Set<EdnValue['t']>(['sym', 'list', 'vec', 'map', 'set'])

/** The reading state over one input text. */
export class EdnTextReader {
  pos = 0
  /** Where the form most recently started by `readForm` begins. */
  private formStart = 0
  private readonly len: number

  constructor(readonly src: string) {
    this.len = src.length
  }

  /** Throws an EdnParseError for `problem` at `offset`. */
  fail(problem: string, offset: number, expected: string): never {
    throw new EdnParseError(problem, this.src, offset, expected)
  }

  private unexpected(offset: number, expected: string): never {
    this.fail(offset >= this.len ? 'Unexpected end of input' : `Unexpected ${describeChar(this.src, offset)}`, offset, expected)
  }

  /** True when only whitespace, commas, comments and `#_` discards remain. */
  atEnd(): boolean {
    this.skipTrivia()
    return this.pos >= this.len
  }

  /** Skips whitespace, commas, `;` comments and `#_` discarded forms. */
  skipTrivia(): void {
    const src = this.src
    while (this.pos < this.len) {
      const c = src.charCodeAt(this.pos)
      if (isEdnWhitespace(c)) {
        this.pos++
      } else if (c === 59) {
        let p = this.pos + 1
        while (p < this.len) {
          const d = src.charCodeAt(p)
          if (d === 10 || d === 13) break
          p++
        }
        this.pos = p
      } else if (c === 35 && src.charCodeAt(this.pos + 1) === 95) {
        this.pos += 2
        this.readForm('a value to discard after "#_"')
      } else {
        return
      }
    }
  }

  /** Reads the next form; `expected` names what a missing form should have been. */
  readForm(expected = 'a value'): EdnValue {
    this.skipTrivia()
    const start = this.pos
    this.formStart = start
    if (start >= this.len) this.unexpected(start, expected)
    const c = this.src.charCodeAt(start)
    switch (c) {
      case 34:
        return readStringBody(this)
      case 40:
        this.pos++
        return { t: 'list', items: this.readItems(41, start, null) }
      case 91:
        this.pos++
        return { t: 'vec', items: this.readItems(93, start, null) }
      case 123:
        this.pos++
        return this.readMap(start, null)
      case 92:
        return this.readCharacter(start)
      case 35:
        return this.readDispatch(start)
      case 94:
        this.pos++
        return this.readMeta(start)
      case 41:
      case 93:
      case 125:
        return this.unexpected(start, expected)
      case 43:
      case 45:
        if (start + 1 < this.len && isJavaDigit(this.src.charCodeAt(start + 1))) return this.readNumber(start)
        return this.readToken(start)
      default:
        if (c < 128 ? c >= 48 && c <= 57 : isJavaDigit(c)) return this.readNumber(start)
        return this.readToken(start)
    }
  }

  /** Reads forms up to the closing delimiter `close`; records each form's start in `starts` when given. */
  private readItems(close: number, openAt: number, starts: number[] | null): EdnValue[] {
    const items: EdnValue[] = []
    const closeText = CLOSERS[close]
    for (;;) {
      this.skipTrivia()
      if (this.pos >= this.len) {
        const { line, column } = lineAndColumn(this.src, openAt)
        const opener = this.src[openAt] === '#' ? this.src.slice(openAt, openAt + 2) : this.src[openAt]
        this.unexpected(this.pos, `a value or "${closeText}" to close "${opener}" from line ${line}, column ${column}`)
      }
      const c = this.src.charCodeAt(this.pos)
      if (c === close) {
        this.pos++
        return items
      }
      if (c === 41 || c === 93 || c === 125) this.unexpected(this.pos, `a value or "${closeText}"`)
      if (starts) starts.push(this.pos)
      items.push(this.readForm())
    }
  }

  private readMap(openAt: number, keyNamespace: string | null): EdnValue {
    const starts: number[] = []
    const items = this.readItems(125, openAt, starts)
    if (items.length % 2 === 1) {
      const lastKey = items[items.length - 1]
      this.fail('Map literal must contain an even number of forms', this.pos - 1, `a value for the key ${printEdn(lastKey)}`)
    }
    const keys: EdnValue[] = []
    const entries: (readonly [EdnValue, EdnValue])[] = []
    for (let i = 0; i < items.length; i += 2) {
      const key = keyNamespace === null ? items[i] : qualifyKey(items[i], keyNamespace)
      keys.push(key)
      entries.push([key, items[i + 1]])
    }
    const dup = firstDuplicateIndex(keys)
    if (dup >= 0) this.fail(`Duplicate key: ${printEdn(keys[dup])}`, starts[2 * dup], 'each key at most once in a map')
    return { t: 'map', entries }
  }

  private readSet(openAt: number): EdnValue {
    const starts: number[] = []
    const items = this.readItems(125, openAt, starts)
    const dup = firstDuplicateIndex(items)
    if (dup >= 0) this.fail(`Duplicate key: ${printEdn(items[dup])}`, starts[dup], 'each element at most once in a set')
    return { t: 'set', items }
  }

  /** Scans a token from `start`: up to whitespace or a terminating macro character. */
  private scanToken(start: number, firstIsFree: boolean): string {
    const src = this.src
    if (!firstIsFree && isNonConstituent(src.charCodeAt(start))) {
      this.fail(`Invalid leading character ${describeChar(src, start)}`, start, 'a value (`, ~ and @ are not EDN)')
    }
    let p = start + 1
    while (p < this.len) {
      const c = src.charCodeAt(p)
      if (isEdnWhitespace(c) || isTerminatingMacroChar(c)) break
      if (isNonConstituent(c)) this.fail(`Invalid constituent character ${describeChar(src, p)}`, p, 'a symbol or keyword character')
      p++
    }
    this.pos = p
    return src.slice(start, p)
  }

  private readToken(start: number): EdnValue {
    const token = this.scanToken(start, false)
    if (token === 'nil') return NIL
    if (token === 'true') return TRUE
    if (token === 'false') return FALSE
    const v = matchSymbol(token)
    if (v === null) this.fail(`Invalid token: ${token}`, start, 'a symbol or keyword such as foo, :foo or :ns/foo')
    return v
  }

  private readNumber(start: number): EdnValue {
    const src = this.src
    const first = src.charCodeAt(start)
    const digitsFrom = first === 43 || first === 45 ? start + 1 : start
    let p = start + 1
    let asciiDigits = first !== 43 && first !== 45 ? first >= 48 && first <= 57 : true
    while (p < this.len) {
      const c = src.charCodeAt(p)
      if (isEdnWhitespace(c) || isMacroChar(c)) break
      if (c < 48 || c > 57) asciiDigits = false
      p++
    }
    this.pos = p
    const digitCount = p - digitsFrom
    // Fast path: a plain decimal integer that fits a double exactly (no leading 0, which means octal).
    if (asciiDigits && digitCount <= 15 && (digitCount === 1 || src.charCodeAt(digitsFrom) !== 48)) {
      return { t: 'int', v: BigInt(Number(src.slice(start, p))), big: false }
    }
    const v = matchNumber(src.slice(start, p))
    if (typeof v === 'string') this.fail(v, start, 'a number such as 42, -7N, 0x1F, 2r1010, 1.5, 1e-3 or 2.50M')
    return v
  }

  private readCharacter(start: number): EdnValue {
    if (start + 1 >= this.len) this.unexpected(start + 1, 'a character after "\\"')
    const token = this.scanToken(start + 1, true)
    const v = matchCharacter(token)
    if (typeof v === 'string') this.fail(v, start, 'a character such as \\a, \\newline, \\u00e9 or \\o101')
    return v
  }

  private readDispatch(start: number): EdnValue {
    const at = start + 1
    if (at >= this.len) this.unexpected(at, 'a dispatch character after "#"')
    const c = this.src.charCodeAt(at)
    this.pos = at + 1
    switch (c) {
      case 123: // #{
        return this.readSet(start)
      case 35: // ##
        return this.readSymbolic(start)
      case 58: // #:
        return this.readNamespacedMap(start)
      case 94: // #^
        return this.readMeta(start)
      case 95: // #_ (normally consumed as trivia)
        this.readForm('a value to discard after "#_"')
        return this.readForm()
      case 60: // #<
        return this.fail('Unreadable form "#<"', start, 'a readable value')
      default:
        if (isJavaLetter(c)) {
          this.pos = at
          return this.readTagged(start)
        }
        return this.fail(
          `No dispatch macro for ${describeChar(this.src, at)} after "#"`,
          start,
          'a tag or one of #{ ## #: #_ #^ (clojure.edn has no #( #" #\' #= or #?)'
        )
    }
  }

  private readSymbolic(start: number): EdnValue {
    const v = this.readForm('Inf, -Inf or NaN after "##"')
    if (v.t !== 'sym') this.fail(`Invalid token: ##${printEdn(v)}`, start, '##Inf, ##-Inf or ##NaN')
    const value = v.ns === null ? SYMBOLIC_VALUES[v.name] : undefined
    if (value === undefined) this.fail(`Unknown symbolic value: ##${printEdn(v)}`, start, '##Inf, ##-Inf or ##NaN')
    return { t: 'float', v: value }
  }

  private readNamespacedMap(start: number): EdnValue {
    const sym = this.readForm('a namespace after "#:"')
    if (sym.t !== 'sym' || sym.ns !== null) {
      this.fail(`Namespaced map must specify a valid namespace: ${printEdn(sym)}`, this.formStart, 'a namespace such as shop in #:shop{…}')
    }
    while (this.pos < this.len && isEdnWhitespace(this.src.charCodeAt(this.pos))) this.pos++
    if (this.src.charCodeAt(this.pos) !== 123) this.unexpected(this.pos, `"{" after #:${sym.name}`)
    this.pos++
    return this.readMap(start, sym.name)
  }

  private readMeta(start: number): EdnValue {
    const meta = this.readForm('metadata after "^"')
    if (meta.t !== 'sym' && meta.t !== 'str' && meta.t !== 'kw' && meta.t !== 'map') {
      this.fail('Metadata must be Symbol, Keyword, String or Map', this.formStart, 'metadata such as ^:flag or ^{:k v}')
    }
    const target = this.readForm('a value after the metadata')
    if (!META_TARGETS.has(target.t)) {
      this.fail('Metadata can only be applied to symbols and collections', start, 'a symbol or collection after ^metadata')
    }
    return target
  }

  private readTagged(start: number): EdnValue {
    const tag = this.readForm()
    if (tag.t !== 'sym') return this.fail('Reader tag must be a symbol', start, 'a tag symbol such as #my/tag')
    const valueStart = this.pos
    const value = this.readForm(`a value after the tag #${printEdn(tag)}`)
    const tagText = tag.ns === null ? tag.name : `${tag.ns}/${tag.name}`
    if (tagText === 'inst') {
      const ms = value.t === 'str' ? parseInstant(value.v) : '#inst needs a string'
      if (typeof ms === 'string') this.fail(ms, this.formStartAfter(valueStart), 'an RFC 3339 timestamp such as #inst "2026-11-28T14:00:00.000-00:00"')
      return { t: 'inst', ms }
    }
    if (tagText === 'uuid') {
      const uuid = value.t === 'str' ? canonicalUuid(value.v) : null
      if (uuid === null) this.fail(`Invalid UUID: ${printEdn(value)}`, this.formStartAfter(valueStart), 'a UUID string such as #uuid "5f1c0d1e-0000-4000-8000-000000000000"')
      return { t: 'uuid', v: uuid }
    }
    return { t: 'tagged', tag: tagText, value }
  }

  /** Offset of the first form at or after `offset` (skipping trivia, without moving the reader). */
  private formStartAfter(offset: number): number {
    const saved = this.pos
    this.pos = offset
    this.skipTrivia()
    const found = this.pos
    this.pos = saved
    return found
  }
}

/** Applies `#:ns{…}` to a key: unqualified keywords/symbols get `ns`, `_`-qualified ones lose theirs. */
function qualifyKey(key: EdnValue, ns: string): EdnValue {
  if (key.t !== 'kw' && key.t !== 'sym') return key
  const qualified = key.ns === null ? ns : key.ns === '_' ? null : key.ns
  if (qualified === key.ns) return key
  return key.t === 'kw' ? { t: 'kw', ns: qualified, name: key.name } : { t: 'sym', ns: qualified, name: key.name }
}
