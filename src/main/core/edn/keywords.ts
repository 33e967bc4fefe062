/**
 * Keywords read so far, found straight from the input text. Keywords are
 * immutable values, so each distinct one is made once and shared: a batch of
 * events or a store's cells repeat the same few keys and kinds millions of
 * times. The reader hashes a token's code units while it scans them, so a
 * keyword seen before is found without slicing the token out of the input
 * (a slice is a new string V8 would have to flatten and hash for a `Map`).
 */
import type { EdnKeyword } from '../../../shared/edn-value'

/** One interned keyword: its token text (colon included) and the next entry of its bucket. */
interface Entry {
  readonly token: string
  readonly kw: EdnKeyword
  readonly next: Entry | null
}

const BUCKETS = 1 << 14
const MASK = BUCKETS - 1
/** At most this many are kept; then the table starts afresh (a store of unbounded distinct keywords). */
const KEPT = 50_000

let table: (Entry | null)[] = new Array<Entry | null>(BUCKETS).fill(null)
let count = 0

/** The hash `keywordAt` expects: fold each code unit of the token into `hash`, starting from 0. */
export function hashStep(hash: number, c: number): number {
  return (Math.imul(hash, 31) + c) | 0
}

/** True when `src` holds `token` at `start`. */
function sameText(token: string, src: string, start: number): boolean {
  for (let i = token.length - 1; i >= 0; i--) if (token.charCodeAt(i) !== src.charCodeAt(start + i)) return false
  return true
}

/**
 * The keyword of the plain token `src[start, end)` (such as `:a` or `:ns/a`;
 * `slash` is the offset of its `/` in `src`, or -1), whose code units fold to
 * `hash` under `hashStep`.
 */
export function keywordAt(src: string, start: number, end: number, slash: number, hash: number): EdnKeyword {
  const length = end - start
  const bucket = hash & MASK
  for (let e = table[bucket]; e !== null; e = e.next) {
    if (e.token.length === length && sameText(e.token, src, start)) return e.kw
  }
  const kw: EdnKeyword = slash < 0
    ? { t: 'kw', ns: null, name: src.slice(start + 1, end) }
    : { t: 'kw', ns: src.slice(start + 1, slash), name: src.slice(slash + 1, end) }
  if (count >= KEPT) {
    table = new Array<Entry | null>(BUCKETS).fill(null)
    count = 0
  }
  table[bucket] = { token: src.slice(start, end), kw, next: table[bucket] }
  count++
  return kw
}
