/** The active filter as chips (click to edit, × to remove), "Add filter" and "Clear". */
import { useState, type ReactNode } from 'react'
import { Button, Group, Menu, Text } from '@mantine/core'
import { IconX } from '../../../ui/icons'
import type { EventFilter } from '../../../../shared/browse'
import { FilterEditor } from './FilterEditor'
import { useTimeZone } from '../../../ui/time-zone'
import { FILTER_FIELDS, filterChips, removeField, type FilterField } from './filter-model'

/** Filter chips and their editor. */
export function FilterBar({ storeId, filter, onChange }: { storeId: string; filter: EventFilter; onChange(next: EventFilter): void }): ReactNode {
  const [editing, setEditing] = useState<FilterField | null>(null)
  const { zone } = useTimeZone()
  const chips = filterChips(filter, zone)
  const used = new Set(chips.map((c) => c.field))
  return (
    <Group gap={6} wrap="wrap" data-testid="filter-bar" aria-label="Filters">
      <Menu position="bottom-start" shadow="md" width={280}>
        <Menu.Target>
          <Button size="xs" variant="light" aria-label="Add a filter">
            + Filter
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {FILTER_FIELDS.map((f) => (
            <Menu.Item key={f.field} onClick={() => setEditing(f.field)} rightSection={used.has(f.field) ? <Text size="xs" c="dimmed">set</Text> : undefined}>
              <Text size="sm">{f.label}</Text>
              <Text size="xs" c="dimmed">
                {f.hint}
              </Text>
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {chips.length === 0 && (
        <Text size="sm" c="dimmed">
          No filter: every event of the store.
        </Text>
      )}
      {chips.map((chip) => (
        <Button.Group key={chip.field} data-testid="filter-chip">
          <Button size="compact-sm" variant="light" color="gray" ff="monospace" fw={500} onClick={() => setEditing(chip.field)} title="Change this filter">
            {chip.label}
          </Button>
          <Button size="compact-sm" variant="light" color="gray" px={6} onClick={() => onChange(removeField(filter, chip.field))} aria-label={`Remove the filter ${chip.label}`}>
            <IconX size={12} />
          </Button>
        </Button.Group>
      ))}
      {chips.length > 0 && (
        <Button size="xs" variant="subtle" color="gray" onClick={() => onChange({})}>
          Clear filters
        </Button>
      )}
      <FilterEditor storeId={storeId} filter={filter} field={editing} onApply={onChange} onClose={() => setEditing(null)} />
    </Group>
  )
}
