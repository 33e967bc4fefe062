/**
 * The trigger index's controls and status line: the text filter, the sort,
 * and how many trigger identities there are (or match the filter).
 */
import type { ReactNode } from 'react'
import { Group, SegmentedControl, Text, TextInput } from '@mantine/core'
import type { TriggerSort } from '../../../shared/audit'
import { formatCount } from '../../ui/format'

const SORTS: { value: TriggerSort; label: string }[] = [
  { value: 'identity', label: 'Identity' },
  { value: 'actions', label: 'Most actions' },
  { value: 'effects', label: 'Most effects' }
]

/** The filter as typed and the sort chosen. */
export interface TriggerQuery {
  readonly text: string
  readonly sort: TriggerSort
}

/** The filter field and the sort control; `onChange` gets the whole query with the one part changed. */
export function TriggerIndexToolbar({ query, onChange }: { query: TriggerQuery; onChange: (query: TriggerQuery) => void }): ReactNode {
  return (
    <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
      <TextInput
        label="Filter"
        placeholder="kind or id, e.g. encryption-key 1"
        value={query.text}
        onChange={(e) => onChange({ ...query, text: e.currentTarget.value })}
        w={260}
        data-testid="trigger-filter"
      />
      <SegmentedControl size="xs" value={query.sort} onChange={(v) => onChange({ ...query, sort: v as TriggerSort })} data={SORTS} aria-label="Sort triggers by" />
    </Group>
  )
}

/** The sentence counting the trigger identities: `total` of all of them, or of those matching `text`; null while counting. */
export function triggerCountText(total: number | null, text: string): string {
  if (total === null) return 'Counting trigger identities…'
  if (text) return `${formatCount(total)} ${total === 1 ? 'trigger identity matches' : 'trigger identities match'} “${text}”.`
  return `${formatCount(total)} trigger ${total === 1 ? 'identity' : 'identities'}, carried by actions or named by effects.`
}

/** The count line under the toolbar. */
export function TriggerCount({ total, text }: { total: number | null; text: string }): ReactNode {
  return (
    <Text size="sm" c="dimmed" mb="xs" data-testid="trigger-count">
      {triggerCountText(total, text)}
    </Text>
  )
}
