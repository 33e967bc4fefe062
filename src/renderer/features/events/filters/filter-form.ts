/**
 * The texts a filter field's form starts with, and the filter those texts
 * give once typed (or why they are not valid): pure, so the form and the
 * unit tests share one reading of every field.
 */
import { identityText, type CellIdentity, type EventFilter } from '../../../../shared/browse'
import type { TimeZone } from '../../../ui/format'
import { checkRange, dateTimeInput, parseDateTimeIn, parseIdentity, parseKeyword, type FilterField, type Parsed } from './filter-model'

/** The two texts (the second only for ranges) the form for `field` starts with, from the current filter (times in `zone`). */
export function initialText(filter: EventFilter, field: FilterField, zone: TimeZone): [string, string] {
  const identity = (i?: CellIdentity): string => (i ? identityText(i) : '')
  switch (field) {
    case 'type':
      return [filter.type ?? 'action', '']
    case 'aggregateKind':
      return [filter.aggregateKind ?? '', '']
    case 'aggregate':
      return [identity(filter.aggregate), '']
    case 'reason':
      return [filter.reason ?? '', '']
    case 'source':
      return [filter.source ?? '', '']
    case 'actor':
      return [identity(filter.actor), '']
    case 'trigger':
      return [identity(filter.trigger), '']
    case 'time':
      return [dateTimeInput(zone, filter.fromTime), dateTimeInput(zone, filter.toTime)]
    case 'seqNo':
      return [filter.fromSeqNo?.toString() ?? '', filter.toSeqNo?.toString() ?? '']
    case 'patchText':
      return [filter.patchText ?? '', '']
  }
}

const optionalInt = (text: string): Parsed<number | undefined> =>
  text.trim() === '' ? { ok: true, value: undefined } : /^\d+$/.test(text.trim()) ? { ok: true, value: Number(text.trim()) } : { ok: false, message: `${text} is not a seq-no (a whole number ≥ 0).` }

/** The filter with `field` set from the typed texts (times in `zone`), or why the texts are not valid. */
export function applyField(filter: EventFilter, field: FilterField, first: string, second: string, zone: TimeZone = 'local'): Parsed<EventFilter> {
  const set = (patch: Partial<EventFilter>): Parsed<EventFilter> => ({ ok: true, value: { ...filter, ...patch } })
  switch (field) {
    case 'type':
      return set({ type: first === 'effect' ? 'effect' : 'action' })
    case 'aggregateKind':
    case 'reason':
    case 'source': {
      const parsed = parseKeyword(first, field === 'aggregateKind' ? 'aggregate kind' : field)
      return parsed.ok ? set({ [field]: parsed.value }) : parsed
    }
    case 'aggregate':
    case 'actor':
    case 'trigger': {
      const parsed = parseIdentity(first, field)
      return parsed.ok ? set({ [field]: parsed.value }) : parsed
    }
    case 'time': {
      const from = parseDateTimeIn(zone, first)
      if (!from.ok) return from
      const to = parseDateTimeIn(zone, second)
      if (!to.ok) return to
      const checked = checkRange(from.value, to.value, 'time range')
      return checked.ok ? set({ fromTime: checked.value.from, toTime: checked.value.to }) : checked
    }
    case 'seqNo': {
      const from = optionalInt(first)
      if (!from.ok) return from
      const to = optionalInt(second)
      if (!to.ok) return to
      const checked = checkRange(from.value, to.value, 'seq-no range')
      return checked.ok ? set({ fromSeqNo: checked.value.from, toSeqNo: checked.value.to }) : checked
    }
    case 'patchText':
      return first === '' ? { ok: false, message: 'Type the text to look for in patches.' } : set({ patchText: first })
  }
}
