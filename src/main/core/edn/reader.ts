/**
 * A hand-rolled EDN reader that accepts exactly what `clojure.edn/read-string`
 * (Clojure 1.11, `{:default tagged-literal}`) accepts and builds the same values.
 * It walks UTF-16 code units with `charCodeAt`, slices strings and tokens
 * without copying them char by char, and never backtracks.
 */
import type { EdnValue } from '../../../shared/edn-value'
import * as equality from './equality'
import { parseInstant } from './instant'
import * as javaChars from './java-chars'
import * as keywords from './keywords'
import { EdnParseError, describeChar, lineAndColumn } from './parse-error'
import { printEdn } from './printer'
import { matchCharacter, matchNumber, matchSymbol } from './reader-atoms'
import * as strings from './reader-strings'
import { canonicalUuid } from './uuid'

/**
 * The character classes called per character, bound to module constants once:
 * where imports compile to property reads on a module object (CommonJS interop
 * under tsx, vite-node in the tests) each call would otherwise go through a
 * getter — half the reader's time on a store's patch cells. Bundles (the app,
 * the CLI) are unaffected.
 */
const { ASCII_CLASS, NON_CONSTITUENT, WHITESPACE, endsNumber, endsToken, isEdnWhitespace, isJavaDigit, isJavaLetter, isNonConstituent } = javaChars
const { hashStep, keywordAt } = keywords
const { entryKey, firstDuplicate, itemKey } = equality
const { readStringBody } = strings

/** `ASCII_CLASS` bits of the characters that end a token (whitespace, terminating macros). */
const TOKEN_END = WHITESPACE | javaChars.TERMINATING_MACRO
/** `ASCII_CLASS` bits of the characters that end a number (whitespace, any macro). */
const NUMBER_END = WHITESPACE | javaChars.MACRO

const NIL: EdnValue = { t: 'nil' }
const TRUE: EdnValue = { t: 'bool', v: true }
const FALSE: EdnValue = { t: 'bool', v: false }
const SYMBOLIC_VALUES: Readonly<Record<string, number>> = { Inf: Infinity, '-Inf': -Infinity, NaN: NaN }

const CLOSERS: Readonly<Record<number, string>> = { 41: ')', 93: ']', 125: '}' }

/** Kinds `clojure.edn` can attach `^metadata` to (symbols and collections). */
const META_TARGETS = new Set<EdnValue['t']>(['sym', 'list', 'vec', 'map', 'set'])

/** The reading state over one input text. */
export class EdnTextReader {
  /** Offset of the next code unit to read. */
  pos = 0
  /** See `StringSource.nextBackslash`; reset whenever `pos` moves backwards. */
  nextBackslash = -1
  private readonly len: number

  /** @param src the whole input text */
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
      if (c < 128 ? (ASCII_CLASS[c] & WHITESPACE) !== 0 : isEdnWhitespace(c)) {
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
    return this.readHere(expected)
  }

  /** Reads the form at `pos`, where trivia is already skipped (`atClose` did it for collection items). */
  private readHere(expected: string): EdnValue {
    const start = this.pos
    if (start >= this.len) this.unexpected(start, expected)
    const c = this.src.charCodeAt(start)
    switch (c) {
      case 34:
        return readStringBody(this)
      case 40:
        this.pos++
        return { t: 'list', items: this.readItems(41, start) }
      case 91:
        this.pos++
        return { t: 'vec', items: this.readItems(93, start) }
      case 123:
        this.pos++
        return this.readMap(start, start, null)
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

  /** Reads forms up to the closing delimiter `close` of the collection opened at `openAt`. */
  private readItems(close: number, openAt: number): EdnValue[] {
    return this.readSized(close, openAt, this.readItem)
  }

  /**
   * Reads the items of the collection opened at `openAt` up to its closing
   * delimiter `close`, each with `readOne`. Up to three (most collections in
   * cells are that small) go into an array of exactly their number: an array
   * grown by `push` holds 17 slots or more, and every byte allocated brings the
   * next garbage collection nearer, which copies whatever is still live.
   */
  private readSized<T>(close: number, openAt: number, readOne: (this: EdnTextReader, openAt: number) => T): T[] {
    if (this.atClose(close, openAt)) return []
    const a = readOne.call(this, openAt)
    if (this.atClose(close, openAt)) return [a]
    const b = readOne.call(this, openAt)
    if (this.atClose(close, openAt)) return [a, b]
    const c = readOne.call(this, openAt)
    if (this.atClose(close, openAt)) return [a, b, c]
    const items = [a, b, c]
    do items.push(readOne.call(this, openAt))
    while (!this.atClose(close, openAt))
    return items
  }

  /** A collection item at `pos` (trivia skipped, not at the close). */
  private readItem(): EdnValue {
    return this.readHere('a value')
  }

  /** A map entry at `pos` (trivia skipped, not at the close of the map opened at `openAt`). */
  private readEntry(openAt: number): readonly [EdnValue, EdnValue] {
    const key = this.readHere('a value')
    if (this.atClose(125, openAt)) {
      this.fail('Map literal must contain an even number of forms', this.pos - 1, `a value for the key ${printEdn(key)}`)
    }
    return [key, this.readHere('a value')]
  }

  /**
   * Reads the next form; when it is a vector, hands each item to `onItem` as soon
   * as it is read (the vector itself is never built) and returns null, else
   * returns the form. A huge vector of events is read in the memory of one item.
   * `from` and `to` are the offsets of the item's text.
   */
  readVectorItems(onItem: (item: EdnValue, index: number, from: number, to: number) => void): EdnValue | null {
    this.skipTrivia()
    const start = this.pos
    if (this.src.charCodeAt(start) !== 91) return this.readForm()
    this.pos++
    for (let index = 0; !this.atClose(93, start); index++) {
      const from = this.pos
      const item = this.readForm()
      onItem(item, index, from, this.pos)
    }
    return null
  }

  /**
   * Skips trivia inside the collection opened at `openAt`; true (and past it)
   * at its closing delimiter `close`, false before its next item. Another
   * closer or the end of input is an error.
   */
  private atClose(close: number, openAt: number): boolean {
    this.skipTrivia()
    const c = this.src.charCodeAt(this.pos)
    if (c === close) {
      this.pos++
      return true
    }
    if (c === 41 || c === 93 || c === 125) this.unexpected(this.pos, `a value or "${CLOSERS[close]}"`)
    if (this.pos >= this.len) {
      const { line, column } = lineAndColumn(this.src, openAt)
      const opener = this.src[openAt] === '#' ? this.src.slice(openAt, openAt + 2) : this.src[openAt]
      this.unexpected(this.pos, `a value or "${CLOSERS[close]}" to close "${opener}" from line ${line}, column ${column}`)
    }
    return false
  }

  /** Reads map entries after the `{` at `braceAt`; `keyNamespace` is the `ns` of `#:ns{…}`. */
  private readMap(openAt: number, braceAt: number, keyNamespace: string | null): EdnValue {
    const entries = this.readSized(125, openAt, this.readEntry)
    if (keyNamespace !== null) for (let i = 0; i < entries.length; i++) entries[i] = [qualifyKey(entries[i][0], keyNamespace), entries[i][1]]
    const dup = firstDuplicate(entries, entryKey)
    if (dup >= 0) {
      this.fail(`Duplicate key: ${printEdn(entries[dup][0])}`, this.itemStart(braceAt, 2 * dup), 'each key at most once in a map')
    }
    return { t: 'map', entries }
  }

  private readSet(openAt: number): EdnValue {
    const items = this.readItems(125, openAt)
    const dup = firstDuplicate(items, itemKey)
    if (dup >= 0) {
      this.fail(`Duplicate key: ${printEdn(items[dup])}`, this.itemStart(openAt + 1, dup), 'each element at most once in a set')
    }
    return { t: 'set', items }
  }

  /** Where item `index` of the collection whose opening bracket is at `bracketAt` starts (re-reads it; errors only). */
  private itemStart(bracketAt: number, index: number): number {
    this.pos = bracketAt + 1
    this.nextBackslash = -1
    for (let i = 0; i < index; i++) this.readForm()
    this.skipTrivia()
    return this.pos
  }

  /** Scans a token from `start`: up to whitespace or a terminating macro character. */
  private scanToken(start: number, firstIsFree: boolean): string {
    const src = this.src
    if (!firstIsFree && isNonConstituent(src.charCodeAt(start))) {
      this.fail(`Invalid leading character ${describeChar(src, start)}`, start, 'a value (`, ~ and @ are not EDN)')
    }
    let p = start + 1
    for (let c = src.charCodeAt(p); !endsToken(c); c = src.charCodeAt(++p)) {
      if (isNonConstituent(c)) this.fail(`Invalid constituent character ${describeChar(src, p)}`, p, 'a symbol or keyword character')
    }
    this.pos = p
    return src.slice(start, p)
  }

  /**
   * Reads a symbol, keyword, `nil`, `true` or `false`. Plain names (`foo`, `:foo`,
   * `ns/foo`, `:ns/foo`) are sliced straight from the input (plain keywords seen
   * before are found without slicing); anything unusual (more slashes, colons
   * inside, leading `/`) goes through the full `matchSymbol`.
   */
  private readToken(start: number): EdnValue {
    const src = this.src
    const first = src.charCodeAt(start)
    if (isNonConstituent(first)) {
      this.fail(`Invalid leading character ${describeChar(src, start)}`, start, 'a value (`, ~ and @ are not EDN)')
    }
    const nameFrom = first === 58 ? start + 1 : start
    let slash = -1
    let plain = true
    let hash = hashStep(0, first)
    let p = start + 1
    for (;; p++) {
      const c = src.charCodeAt(p)
      if (c < 128) {
        const k = ASCII_CLASS[c]
        if (k !== 0) {
          if ((k & TOKEN_END) !== 0) break
          if (k === NON_CONSTITUENT) this.fail(`Invalid constituent character ${describeChar(src, p)}`, p, 'a symbol or keyword character')
          if (c === 47) {
            if (slash >= 0) plain = false
            slash = p
          } else {
            plain = false // a colon, or a `#` (rare inside a token): left to `matchSymbol`
          }
        }
      } else if (endsToken(c)) {
        break
      } else if (c === 0x85) {
        plain = false
      }
      hash = hashStep(hash, c)
    }
    this.pos = p
    const lead = src.charCodeAt(nameFrom)
    if (plain && nameFrom < p && lead !== 47 && !(lead >= 48 && lead <= 57)) {
      if (slash < 0) {
        if (first === 58) return keywordAt(src, start, p, -1, hash)
        const name = src.slice(nameFrom, p)
        if (name === 'nil') return NIL
        if (name === 'true') return TRUE
        if (name === 'false') return FALSE
        return { t: 'sym', ns: null, name }
      }
      const afterSlash = src.charCodeAt(slash + 1)
      if (slash < p - 1 && !(afterSlash >= 48 && afterSlash <= 57)) {
        if (first === 58) return keywordAt(src, start, p, slash, hash)
        const ns = src.slice(nameFrom, slash)
        const name = src.slice(slash + 1, p)
        return { t: 'sym', ns, name }
      }
    }
    const token = src.slice(start, p)
    const v = matchSymbol(token)
    if (v === null) this.fail(`Invalid token: ${token}`, start, 'a symbol or keyword such as foo, :foo or :ns/foo')
    return v
  }

  /**
   * Reads a number token (EdnReader's `readNumber`: up to whitespace or any macro
   * character). Plain decimal integers and `digits.digits` doubles take a fast path.
   */
  private readNumber(start: number): EdnValue {
    const src = this.src
    const first = src.charCodeAt(start)
    const signed = first === 43 || first === 45
    // shape: 0 = ASCII digits only, 1 = digits "." digits, 2 = anything else
    let shape = signed || (first >= 48 && first <= 57) ? 0 : 2
    let value = signed ? 0 : first - 48
    let p = start + 1
    for (let c = src.charCodeAt(p); c < 128 ? (ASCII_CLASS[c] & NUMBER_END) === 0 : !endsNumber(c); c = src.charCodeAt(++p)) {
      if (c >= 48 && c <= 57) value = value * 10 + (c - 48)
      else if (c === 46 && shape === 0) shape = 1
      else shape = 2
    }
    this.pos = p
    const digitsFrom = signed ? start + 1 : start
    const digitCount = p - digitsFrom
    if (shape === 0 && digitCount <= 15 && (digitCount === 1 || src.charCodeAt(digitsFrom) !== 48)) {
      return { t: 'int', v: BigInt(first === 45 ? -value : value), big: false }
    }
    if (shape === 1) return { t: 'float', v: Number(src.slice(start, p)) }
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
      case 60: // #<
        return this.fail('Unreadable form "#<"', start, 'a readable value')
      default:
        // EdnReader indexes a 256-entry table with the character, so anything beyond U+00FF fails there.
        if (c < 256 && isJavaLetter(c)) {
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

  /** Skips trivia and returns where the next form starts. */
  private nextFormStart(): number {
    this.skipTrivia()
    return this.pos
  }

  private readNamespacedMap(start: number): EdnValue {
    const symStart = this.nextFormStart()
    const sym = this.readForm('a namespace after "#:"')
    if (sym.t !== 'sym' || sym.ns !== null) {
      this.fail(`Namespaced map must specify a valid namespace: ${printEdn(sym)}`, symStart, 'a namespace such as shop in #:shop{…}')
    }
    while (this.pos < this.len && isEdnWhitespace(this.src.charCodeAt(this.pos))) this.pos++
    const braceAt = this.pos
    if (this.src.charCodeAt(braceAt) !== 123) this.unexpected(braceAt, `"{" after #:${sym.name}`)
    this.pos++
    return this.readMap(start, braceAt, sym.name)
  }

  /**
   * Reads `^meta form` like clojure.edn: the metadata must be a symbol, keyword,
   * string or map and the form a symbol or collection. The metadata is dropped
   * (the value model has none, and `pr-str` does not print it).
   */
  private readMeta(start: number): EdnValue {
    const metaStart = this.nextFormStart()
    const meta = this.readForm('metadata after "^"')
    if (meta.t !== 'sym' && meta.t !== 'str' && meta.t !== 'kw' && meta.t !== 'map') {
      this.fail('Metadata must be Symbol, Keyword, String or Map', metaStart, 'metadata such as ^:flag or ^{:k v}')
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
    const valueStart = this.nextFormStart()
    const value = this.readForm(`a value after the tag #${printEdn(tag)}`)
    const tagText = tag.ns === null ? tag.name : `${tag.ns}/${tag.name}`
    if (tagText === 'inst') {
      const ms = value.t === 'str' ? parseInstant(value.v) : '#inst needs a string'
      if (typeof ms === 'string') this.fail(ms, valueStart, 'an RFC 3339 timestamp such as #inst "2026-11-28T14:00:00.000-00:00"')
      return { t: 'inst', ms }
    }
    if (tagText === 'uuid') {
      const uuid = value.t === 'str' ? canonicalUuid(value.v) : null
      if (uuid === null) this.fail(`Invalid UUID: ${printEdn(value)}`, valueStart, 'a UUID string such as #uuid "5f1c0d1e-0000-4000-8000-000000000000"')
      return { t: 'uuid', v: uuid }
    }
    return { t: 'tagged', tag: tagText, value }
  }
}

/** Applies `#:ns{…}` to a key: unqualified keywords/symbols get `ns`, `_`-qualified ones lose theirs. */
function qualifyKey(key: EdnValue, ns: string): EdnValue {
  if (key.t !== 'kw' && key.t !== 'sym') return key
  const qualified = key.ns === null ? ns : key.ns === '_' ? null : key.ns
  if (qualified === key.ns) return key
  return key.t === 'kw' ? { t: 'kw', ns: qualified, name: key.name } : { t: 'sym', ns: qualified, name: key.name }
}
