/**
 * The event filter as chips: each set part of an `EventFilter` is one chip
 * with a label; chips are removed one by one; typed values are turned into
 * the cell texts the store compares (`create` → `:create`,
 * `[:book "Dune"]` → kind `:book`, id `"Dune"`). Pure, unit tested.
 */
import { identityText, type CellIdentity, type EventFilter } from '../../../../shared/browse'
import { formatTimeIn, type TimeZone } from '../../../ui/format'

/** A filter part the user can add. */
export type FilterField =
  | 'type'
  | 'aggregateKind'
  | 'aggregate'
  | 'reason'
  | 'source'
  | 'actor'
  | 'trigger'
  | 'time'
  | 'seqNo'
  | 'patchText'

/** Every field, in the "Add filter" menu's order, with its menu label. */
export const FILTER_FIELDS: readonly { readonly field: FilterField; readonly label: string; readonly hint: string }[] = [
  { field: 'type', label: 'Action or effect', hint: 'Only actions, or only effects' },
  { field: 'aggregateKind', label: 'Aggregate kind', hint: 'e.g. :book' },
  { field: 'aggregate', label: 'Aggregate', hint: 'e.g. [:book "Neuromancer"]' },
  { field: 'reason', label: 'Reason', hint: 'e.g. :create' },
  { field: 'source', label: 'Source', hint: 'e.g. :bookstore' },
  { field: 'actor', label: 'Actor', hint: 'e.g. [:user "alice"]' },
  { field: 'trigger', label: 'Trigger', hint: 'e.g. [:encryption-key 1]' },
  { field: 'time', label: 'Time range', hint: 'From and/or to, in the time zone chosen in the header' },
  { field: 'seqNo', label: 'Seq-no range', hint: 'From and/or to' },
  { field: 'patchText', label: 'Text in patch', hint: 'Finds the text anywhere in the patch cell' }
]

/** One chip. */
export interface FilterChip {
  readonly field: FilterField
  readonly label: string
}

/** `2026-01-05 09:00` in local time or `2026-01-05 09:00 UTC`, for epoch seconds. */
export function dateTimeIn(zone: TimeZone, seconds: number): string {
  const text = formatTimeIn(zone, seconds)
  return /^\d{4}-/.test(text) ? `${text.slice(0, 16)}${zone === 'utc' ? ' UTC' : ''}` : text
}

/** The value of a `datetime-local` input (`2026-01-05T09:00`) showing `seconds` in `zone`; '' for none. */
export function dateTimeInput(zone: TimeZone, seconds: number | undefined): string {
  if (seconds === undefined) return ''
  const text = formatTimeIn(zone, seconds)
  return /^\d{4}-/.test(text) ? `${text.slice(0, 10)}T${text.slice(11, 16)}` : ''
}

function range(from: number | undefined, to: number | undefined, show: (n: number) => string): string {
  if (from !== undefined && to !== undefined) return `${show(from)} – ${show(to)}`
  return from !== undefined ? `from ${show(from)}` : `up to ${show(to as number)}`
}

/** The chips of a filter, in menu order. */
export function filterChips(filter: EventFilter, zone: TimeZone = 'local'): FilterChip[] {
  const chips: FilterChip[] = []
  const add = (field: FilterField, label: string): void => void chips.push({ field, label })
  if (filter.type) add('type', filter.type === 'action' ? 'actions only' : 'effects only')
  if (filter.aggregateKind !== undefined) add('aggregateKind', `aggregate kind ${filter.aggregateKind}`)
  if (filter.aggregate) add('aggregate', `aggregate ${identityText(filter.aggregate)}`)
  if (filter.reason !== undefined) add('reason', `reason ${filter.reason}`)
  if (filter.source !== undefined) add('source', `source ${filter.source}`)
  if (filter.actor) add('actor', `actor ${identityText(filter.actor)}`)
  if (filter.trigger) add('trigger', `trigger ${identityText(filter.trigger)}`)
  if (filter.fromTime !== undefined || filter.toTime !== undefined) add('time', `time ${range(filter.fromTime, filter.toTime, (t) => dateTimeIn(zone, t))}`)
  if (filter.fromSeqNo !== undefined || filter.toSeqNo !== undefined) add('seqNo', `seq-no ${range(filter.fromSeqNo, filter.toSeqNo, String)}`)
  if (filter.patchText !== undefined) add('patchText', `patch contains ${JSON.stringify(filter.patchText)}`)
  return chips
}

/** The filter without one field. */
export function removeField(filter: EventFilter, field: FilterField): EventFilter {
  const keys: Record<FilterField, readonly (keyof EventFilter)[]> = {
    type: ['type'],
    aggregateKind: ['aggregateKind'],
    aggregate: ['aggregate'],
    reason: ['reason'],
    source: ['source'],
    actor: ['actor'],
    trigger: ['trigger'],
    time: ['fromTime', 'toTime'],
    seqNo: ['fromSeqNo', 'toSeqNo'],
    patchText: ['patchText']
  }
  const next: Record<string, unknown> = { ...filter }
  for (const key of keys[field]) delete next[key]
  return next as EventFilter
}

/** A parsed input: the value, or a sentence saying what is wrong. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string }

const KEYWORD = /^:?([^\s:[\]{}()"#,;\\^@`~][^\s[\]{}()",;\\^@`~]*)$/

/** `create` or `:create` → `:create`; `:shop/create` kept. */
export function parseKeyword(text: string, what: string): Parsed<string> {
  const trimmed = text.trim()
  const match = KEYWORD.exec(trimmed)
  if (!match) return { ok: false, message: `Type the ${what} as a keyword, e.g. :create (spaces, quotes and brackets cannot be part of it).` }
  return { ok: true, value: `:${match[1]}` }
}

/**
 * `[:book "Dune"]`, `[:receipt 1]` or `:book "Dune"` → cell texts. The id is
 * kept as typed (it must be written exactly as the library prints it:
 * strings in double quotes, integers plain, `#uuid "…"`).
 */
export function parseIdentity(text: string, what: string): Parsed<CellIdentity> {
  const inner = text.trim().replace(/^\[/, '').replace(/\]$/, '').trim()
  const space = inner.search(/\s/)
  if (space < 0) return { ok: false, message: `Type the ${what} as [kind id], e.g. [:book "Neuromancer"] or [:receipt 1].` }
  const kind = parseKeyword(inner.slice(0, space), `${what}'s kind`)
  if (!kind.ok) return kind
  const id = inner.slice(space).trim()
  const validId = /^-?\d+N?$/.test(id) || /^"(?:[^"\\]|\\.)*"$/.test(id) || /^#uuid\s+"[0-9a-fA-F-]{36}"$/.test(id)
  if (!validId) {
    return { ok: false, message: `The ${what}'s id ${id} is not an id the library allows: use an integer (1), a string in double quotes ("alice") or #uuid "…".` }
  }
  return { ok: true, value: { kind: kind.value, id: id.replace(/^#uuid\s+/, '#uuid ') } }
}

/** `YYYY-MM-DDTHH:MM` (a datetime-local input) read in `zone` → epoch seconds; '' → undefined. */
export function parseDateTimeIn(zone: TimeZone, text: string): Parsed<number | undefined> {
  if (text.trim() === '') return { ok: true, value: undefined }
  const ms = new Date(zone === 'utc' && /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?$/.test(text.trim()) ? `${text.trim()}Z` : text).getTime()
  if (Number.isNaN(ms)) return { ok: false, message: `${text} is not a date and time; pick one in the field.` }
  return { ok: true, value: Math.floor(ms / 1000) }
}

/** A range is valid when both ends are absent, or from ≤ to. */
export function checkRange(from: number | undefined, to: number | undefined, what: string): Parsed<{ from?: number; to?: number }> {
  if (from === undefined && to === undefined) return { ok: false, message: `Give at least one end of the ${what}.` }
  if (from !== undefined && to !== undefined && from > to) return { ok: false, message: `The ${what} starts after it ends; swap the two values.` }
  return { ok: true, value: { from, to } }
}

/** A short description of the whole filter ("all events" when empty). */
export function describeFilter(filter: EventFilter, zone: TimeZone = 'local'): string {
  const chips = filterChips(filter, zone)
  return chips.length === 0 ? 'all events' : chips.map((c) => c.label).join(', ')
}
