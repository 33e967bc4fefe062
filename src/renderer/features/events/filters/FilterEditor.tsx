/**
 * The form for one filter field, in a small modal: typed values are checked
 * as the user types (a sentence under the field says what is wrong), and
 * keyword fields suggest the store's own values.
 */
import { useState, type ReactNode } from 'react'
import { Autocomplete, Button, Group, Modal, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import { identityText, type CellIdentity, type EventFilter, type SuggestableColumn } from '../../../../shared/browse'
import { call } from '../../../ipc/client'
import { useRequest } from '../../../ui/useRequest'
import { checkRange, dateTimeInput, FILTER_FIELDS, parseDateTimeIn, parseIdentity, parseKeyword, type FilterField, type Parsed } from './filter-model'
import { useTimeZone } from '../../../ui/time-zone'
import type { TimeZone } from '../../../ui/format'

/** Height of the suggestion list (px). */
const SUGGESTION_HEIGHT = 168

const SUGGESTED: Partial<Record<FilterField, SuggestableColumn>> = { reason: 'reason', source: 'source', aggregateKind: 'aggregateKind' }

function initialText(filter: EventFilter, field: FilterField, zone: TimeZone): [string, string] {
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

/** The filter with `field` set from the typed texts, or why the texts are not valid. */
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

function Suggestions({ storeId, column, value, onChange, label, placeholder, error }: { storeId: string; column: SuggestableColumn; value: string; onChange(v: string): void; label: string; placeholder: string; error?: string }): ReactNode {
  const values = useRequest(`${storeId}:${column}`, () => call('store:distinct-values', { storeId, column, limit: 200 }))
  // The list opens into room the form makes for it, so it never covers the dialog's buttons; the room
  // stays once made, so the buttons do not move back under the pointer when the list closes on a click.
  const [room, setRoom] = useState(false)
  return (
    <div style={{ paddingBottom: room ? SUGGESTION_HEIGHT + 8 : 0 }}>
      <Autocomplete
        data-autofocus
        label={label}
        placeholder={placeholder}
        data={values.data ?? []}
        value={value}
        onChange={onChange}
        error={error}
        limit={50}
        maxDropdownHeight={SUGGESTION_HEIGHT}
        onDropdownOpen={() => setRoom(true)}
        comboboxProps={{ position: 'bottom', middlewares: { flip: false, shift: false } }}
      />
    </div>
  )
}

/** The editor modal for `field` (null: closed). */
export function FilterEditor({ storeId, filter, field, onApply, onClose }: { storeId: string; filter: EventFilter; field: FilterField | null; onApply(next: EventFilter): void; onClose(): void }): ReactNode {
  return (
    <Modal opened={field !== null} onClose={onClose} title={field ? `Filter: ${FILTER_FIELDS.find((f) => f.field === field)?.label}` : ''} centered>
      {field && <FieldForm key={field} storeId={storeId} filter={filter} field={field} onApply={onApply} onClose={onClose} />}
    </Modal>
  )
}

function FieldForm({ storeId, filter, field, onApply, onClose }: { storeId: string; filter: EventFilter; field: FilterField; onApply(next: EventFilter): void; onClose(): void }): ReactNode {
  const { zone } = useTimeZone()
  const zoneLabel = zone === 'utc' ? 'UTC' : 'local time'
  const [initialFirst, initialSecond] = initialText(filter, field, zone)
  const [first, setFirst] = useState(initialFirst)
  const [second, setSecond] = useState(initialSecond)
  const [touched, setTouched] = useState(false)
  const result = applyField(filter, field, first, second, zone)
  const error = touched && !result.ok ? result.message : undefined
  const hint = FILTER_FIELDS.find((f) => f.field === field)?.hint ?? ''
  const column = SUGGESTED[field]
  const submit = (): void => {
    setTouched(true)
    if (result.ok) {
      onApply(result.value)
      onClose()
    }
  }
  const change = (setter: (v: string) => void) => (v: string) => {
    setter(v)
    setTouched(true)
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <Stack gap="sm">
        {field === 'type' && (
          <SegmentedControl value={first} onChange={setFirst} data={[{ value: 'action', label: 'Actions' }, { value: 'effect', label: 'Effects' }]} />
        )}
        {column && <Suggestions storeId={storeId} column={column} value={first} onChange={change(setFirst)} label="Value" placeholder={hint} error={error} />}
        {(field === 'aggregate' || field === 'actor' || field === 'trigger' || field === 'patchText') && (
          <TextInput data-autofocus label="Value" placeholder={hint} value={first} onChange={(e) => change(setFirst)(e.currentTarget.value)} error={error} ff="monospace" />
        )}
        {field === 'time' && (
          <Group grow align="flex-start">
            <TextInput type="datetime-local" label={`From (${zoneLabel})`} value={first} onChange={(e) => change(setFirst)(e.currentTarget.value)} />
            <TextInput type="datetime-local" label={`To (${zoneLabel})`} value={second} onChange={(e) => change(setSecond)(e.currentTarget.value)} error={error} />
          </Group>
        )}
        {field === 'seqNo' && (
          <Group grow align="flex-start">
            <NumberInput data-autofocus label="From seq-no" min={0} allowDecimal={false} value={first} onChange={(v) => change(setFirst)(String(v))} />
            <NumberInput label="To seq-no" min={0} allowDecimal={false} value={second} onChange={(v) => change(setSecond)(String(v))} error={error} />
          </Group>
        )}
        {field !== 'type' && (
          <Text size="xs" c="dimmed">
            {field === 'patchText' ? 'Matches patches whose stored EDN text contains this text (case-sensitive).' : `Compared with the stored cell text, ${hint}.`}
          </Text>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={touched && !result.ok}>
            Apply filter
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
