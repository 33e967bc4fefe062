/**
 * The inputs of one filter field's form: a choice (type), a value with the
 * store's own suggestions (keywords), a typed value (identities, patch text),
 * or a from/to pair (time, seq-no).
 */
import { useState, type ReactNode } from 'react'
import { Autocomplete, Group, NumberInput, SegmentedControl, TextInput } from '@mantine/core'
import type { SuggestableColumn } from '../../../../shared/browse'
import { call } from '../../../ipc/client'
import { useRequest } from '../../../ui/useRequest'
import type { FilterField } from './filter-model'

/** Height of the suggestion list (px). */
const SUGGESTION_HEIGHT = 168

const SUGGESTED: Partial<Record<FilterField, SuggestableColumn>> = { reason: 'reason', source: 'source', aggregateKind: 'aggregateKind' }

interface SuggestionsProps {
  readonly storeId: string
  readonly column: SuggestableColumn
  readonly value: string
  onChange(v: string): void
  readonly label: string
  readonly placeholder: string
  readonly error?: string
}

/** A value typed with the store's distinct values of `column` as suggestions. */
function Suggestions({ storeId, column, value, onChange, label, placeholder, error }: SuggestionsProps): ReactNode {
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

/** Props of the inputs: the two texts, how each changes (`edit*` marks the form touched; `setFirst` does not), the field's hint and error. */
export interface FilterValueInputsProps {
  readonly storeId: string
  readonly field: FilterField
  readonly first: string
  readonly second: string
  setFirst(v: string): void
  editFirst(v: string): void
  editSecond(v: string): void
  readonly hint: string
  readonly error?: string
  /** How times are typed: `local time` or `UTC`. */
  readonly zoneLabel: string
}

/** The inputs `field` is typed in. */
export function FilterValueInputs({ storeId, field, first, second, setFirst, editFirst, editSecond, hint, error, zoneLabel }: FilterValueInputsProps): ReactNode {
  const column = SUGGESTED[field]
  return (
    <>
      {field === 'type' && (
        <SegmentedControl value={first} onChange={setFirst} data={[{ value: 'action', label: 'Actions' }, { value: 'effect', label: 'Effects' }]} />
      )}
      {column && <Suggestions storeId={storeId} column={column} value={first} onChange={editFirst} label="Value" placeholder={hint} error={error} />}
      {(field === 'aggregate' || field === 'actor' || field === 'trigger' || field === 'patchText') && (
        <TextInput data-autofocus label="Value" placeholder={hint} value={first} onChange={(e) => editFirst(e.currentTarget.value)} error={error} ff="monospace" />
      )}
      {field === 'time' && (
        <Group grow align="flex-start">
          <TextInput type="datetime-local" label={`From (${zoneLabel})`} value={first} onChange={(e) => editFirst(e.currentTarget.value)} />
          <TextInput type="datetime-local" label={`To (${zoneLabel})`} value={second} onChange={(e) => editSecond(e.currentTarget.value)} error={error} />
        </Group>
      )}
      {field === 'seqNo' && (
        <Group grow align="flex-start">
          <NumberInput data-autofocus label="From seq-no" min={0} allowDecimal={false} value={first} onChange={(v) => editFirst(String(v))} />
          <NumberInput label="To seq-no" min={0} allowDecimal={false} value={second} onChange={(v) => editSecond(String(v))} error={error} />
        </Group>
      )}
    </>
  )
}
