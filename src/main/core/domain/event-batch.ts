/**
 * A batch of new events read from EDN text (what `coherence rebase` reads on
 * stdin) into a compact form. The vector is read one event at a time: each
 * event is checked, turned into its domain value and printed once for the
 * result, then its tree is dropped, so memory stays a small multiple of the
 * text however many events it holds (the reader shares repeated keywords).
 */
import type { EdnMap, EdnValue } from '../../../shared/edn-value'
import type { Action, Identity, NewEvent } from '../../../shared/domain'
import { EdnParseError, printEdn, readEdn, readEdnVectorItems } from '../edn'
import { ARRAY_MAP_MAX_ENTRIES } from '../edn/hash-order'
import { lengthNotice } from '../cell-limits'
import { identityCells } from './convert'
import { kindName, show, type FieldError } from './field'
import { parseNewEventAt } from './validate-events'

/** New events read from text, each also kept as the caller wrote it (for the result). */
export interface EventBatch {
  readonly events: readonly NewEvent[]
  /**
   * Event `index` as the caller gave it with `:seq-no` added after its keys (the
   * library's `assoc`: last in a map of up to 7 keys, hash order beyond), as
   * `pr-str` prints it.
   */
  printGiven(index: number, seqNo: number): string
}

/** The outcome of `readEventBatch`: the batch with notices, or why the text is not a batch. */
export type ReadEventBatchResult =
  | { readonly ok: true; readonly batch: EventBatch; readonly notices: readonly string[] }
  | { readonly ok: false; readonly reason: 'edn'; readonly error: EdnParseError }
  | { readonly ok: false; readonly reason: 'invalid'; readonly errors: readonly FieldError[]; readonly more: number }

/** At most this many problems are listed; the rest are counted. */
export const BATCH_ERRORS_SHOWN = 20

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Where a printed event holds a lone surrogate (UTF-8 cannot encode it), as a sentence end; or null. */
function loneSurrogate(printed: string): string | null {
  const m = LONE_SURROGATE.exec(printed)
  if (m === null) return null
  const code = m[0].charCodeAt(0).toString(16).toUpperCase()
  const before = printed.slice(Math.max(0, m.index - 30), m.index)
  return `holds a lone surrogate \\u${code} (after …${before}), which UTF-8 cannot store; write a whole surrogate pair or leave it out.`
}

/** The cells of an event that have declared lengths, by column name. */
function lengthCells(event: NewEvent, printed: string): [string, string][] {
  const cells: [string, string][] = [['source', printEdn(event.source)]]
  if (event.type === 'effect') {
    const trigger = identityCells(event.effect.trigger)
    return [...cells, ['reason', printEdn(event.effect.reason)], ['trigger_kind', trigger.kind], ['trigger_id', trigger.id]]
  }
  const { reason, actor, aggregate, patch } = event.action
  const a = identityCells(actor)
  const g = identityCells(aggregate)
  cells.push(['reason', printEdn(reason)], ['actor_kind', a.kind], ['actor_id', a.id], ['aggregate_kind', g.kind], ['aggregate_id', g.id])
  // The patch prints inside the event, so only an event this long can hold a patch that is too long.
  if (printed.length > 10_000) cells.push(['patch', printEdn(patch)])
  for (const t of event.triggers) {
    const c = identityCells(t)
    cells.push(['trigger_kind', c.kind], ['trigger_id', c.id])
  }
  return cells
}

/**
 * An action whose patch is kept as its cell text (one short string instead of a
 * tree of objects, the bulk of an event's memory) and read back only if asked;
 * the store writes `patchCell` as it is.
 */
class CompactAction implements Action {
  constructor(
    readonly reason: Action['reason'],
    readonly actor: Identity,
    readonly aggregate: Identity,
    readonly patchCell: string
  ) {}

  get patch(): EdnValue {
    return readEdn(this.patchCell)
  }
}

/**
 * `text` as one flat string. The printer builds its result by concatenation, a
 * rope of one small node per piece; flattening it keeps one copy of the
 * characters instead (a third of a batch's memory otherwise).
 */
function flat(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string
}

/** The event with its action made compact. */
function compact(event: NewEvent): NewEvent {
  if (event.type !== 'action') return event
  const { reason, actor, aggregate, patch } = event.action
  return { ...event, action: new CompactAction(reason, actor, aggregate, flat(printEdn(patch))) }
}

/** One printed event as given, waiting for its seq-no. */
type Given = { readonly head: string } | { readonly map: EdnMap }

function printGiven(given: Given, seqNo: number): string {
  if ('head' in given) return `${given.head}, :seq-no ${seqNo}}`
  const entries: (readonly [EdnValue, EdnValue])[] = [...given.map.entries, [{ t: 'kw', ns: null, name: 'seq-no' }, { t: 'int', v: BigInt(seqNo), big: false }]]
  return printEdn({ t: 'map', entries })
}

/** Collects the problems of a batch, listing the first few. */
class BatchProblems {
  readonly shown: FieldError[] = []
  more = 0

  add(errors: readonly FieldError[]): void {
    for (const e of errors) {
      if (this.shown.length < BATCH_ERRORS_SHOWN) this.shown.push(e)
      else this.more++
    }
  }

  get any(): boolean {
    return this.shown.length > 0
  }
}

function notVectorError(value: EdnValue): FieldError {
  const hint = value.t === 'list' ? ' — write the events in [ ], not ( )' : value.t === 'map' ? ' — wrap a single event in [ ]' : ''
  return { path: '', message: `The events must be a vector [{:timestamp … :source … :action {…}} …]; got ${show(value)} (${kindName(value)}${hint}).` }
}

/**
 * Reads a vector of new events from EDN text, checking each against the
 * library's specs (as `parseNewEvents` does), refusing strings UTF-8 cannot
 * store, and noting cells longer than the library's schema declares.
 */
export function readEventBatch(text: string): ReadEventBatchResult {
  const events: NewEvent[] = []
  const given: Given[] = []
  const notices: string[] = []
  const problems = new BatchProblems()
  let other: EdnValue | null
  try {
    other = readEdnVectorItems(text, (item, index, from, to) => {
      const parsed = parseNewEventAt(item, index)
      if (Array.isArray(parsed)) {
        problems.add(parsed)
        return
      }
      const map = item as EdnMap
      const printed = printEdn(map)
      const surrogate = loneSurrogate(printed)
      if (surrogate !== null) {
        problems.add([{ path: `[${index}]`, message: `Event ${index + 1} ${surrogate}` }])
        return
      }
      for (const [column, cell] of lengthCells(parsed, printed)) {
        const tooLong = lengthNotice(column, cell)
        if (tooLong !== null) notices.push(`Event ${index + 1}: the ${column} cell ${tooLong}.`)
      }
      if (problems.any) return
      events.push(compact(parsed))
      // Input written as pr-str prints it (the usual case) is kept as a slice of the text, not a copy.
      const head = text.slice(from, to) === printed ? text.slice(from, to - 1) : flat(printed).slice(0, -1)
      given.push(map.entries.length < ARRAY_MAP_MAX_ENTRIES ? { head } : { map })
    })
  } catch (e) {
    if (e instanceof EdnParseError) return { ok: false, reason: 'edn', error: e }
    throw e
  }
  if (other !== null) problems.add([notVectorError(other)])
  else if (!problems.any && events.length === 0) problems.add([{ path: '', message: 'The events must not be empty: give at least one new event.' }])
  if (problems.any) return { ok: false, reason: 'invalid', errors: problems.shown, more: problems.more }
  return { ok: true, batch: { events, printGiven: (index, seqNo) => printGiven(given[index], seqNo) }, notices }
}
