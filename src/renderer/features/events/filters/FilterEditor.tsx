/**
 * The form for one filter field, in a small modal: typed values are checked
 * as the user types (a sentence under the field says what is wrong), and
 * keyword fields suggest the store's own values.
 */
import { useState, type ReactNode } from 'react'
import { Button, Modal, Stack, Text } from '@mantine/core'
import type { EventFilter } from '../../../../shared/browse'
import { FILTER_FIELDS, type FilterField } from './filter-model'
import { applyField, initialText } from './filter-form'
import { FilterValueInputs } from './FilterValueInputs'
import { useTimeZone } from '../../../ui/time-zone'
import { ModalActions } from '../../../ui/modal/ModalActions'

/** Props of the editor: the current filter, the field being edited (null: closed), and what Apply and Cancel do. */
export interface FilterEditorProps {
  readonly storeId: string
  readonly filter: EventFilter
  readonly field: FilterField | null
  onApply(next: EventFilter): void
  onClose(): void
}

/** The editor modal for `field` (null: closed). */
export function FilterEditor({ storeId, filter, field, onApply, onClose }: FilterEditorProps): ReactNode {
  return (
    <Modal opened={field !== null} onClose={onClose} title={field ? `Filter: ${FILTER_FIELDS.find((f) => f.field === field)?.label}` : ''} centered>
      {field && <FieldForm key={field} storeId={storeId} filter={filter} field={field} onApply={onApply} onClose={onClose} />}
    </Modal>
  )
}

function FieldForm({ storeId, filter, field, onApply, onClose }: FilterEditorProps & { field: FilterField }): ReactNode {
  const { zone } = useTimeZone()
  const [initialFirst, initialSecond] = initialText(filter, field, zone)
  const [first, setFirst] = useState(initialFirst)
  const [second, setSecond] = useState(initialSecond)
  const [touched, setTouched] = useState(false)
  const result = applyField(filter, field, first, second, zone)
  const error = touched && !result.ok ? result.message : undefined
  const hint = FILTER_FIELDS.find((f) => f.field === field)?.hint ?? ''
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
        <FilterValueInputs storeId={storeId} field={field} first={first} second={second} setFirst={setFirst} editFirst={change(setFirst)} editSecond={change(setSecond)} hint={hint} error={error} zoneLabel={zone === 'utc' ? 'UTC' : 'local time'} />
        {field !== 'type' && (
          <Text size="xs" c="dimmed">
            {field === 'patchText' ? 'Matches patches whose stored EDN text contains this text (case-sensitive).' : `Compared with the stored cell text, ${hint}.`}
          </Text>
        )}
        <ModalActions gap="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={touched && !result.ok}>
            Apply filter
          </Button>
        </ModalActions>
      </Stack>
    </form>
  )
}
