/** The Columns menu: show or hide each column, move it left or right, back to the defaults. */
import type { ReactNode } from 'react'
import { ActionIcon, Button, Checkbox, Group, Popover, Stack, Text } from '@mantine/core'
import { IconArrowLeft, IconArrowRight, IconColumns } from '../../../ui/icons'
import { COLUMN_INFO, DEFAULT_LAYOUT, shiftColumn, toggleColumn, type ColumnLayout } from './column-layout'

/** The menu's button and popover. */
export function ColumnsMenu({ layout, onLayout }: { layout: ColumnLayout; onLayout(next: ColumnLayout): void }): ReactNode {
  return (
    <Popover position="bottom-end" shadow="md" withinPortal>
      <Popover.Target>
        <Button size="xs" variant="default" leftSection={<IconColumns size={14} />}>
          Columns
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-label="Columns">
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            Drag headers to reorder, their edges to resize.
          </Text>
          {layout.order.map((id, i) => (
            <Group key={id} justify="space-between" gap="xs" wrap="nowrap">
              <Checkbox size="xs" label={COLUMN_INFO[id].label} checked={!layout.hidden.includes(id)} onChange={() => onLayout(toggleColumn(layout, id))} />
              <Group gap={2} wrap="nowrap">
                <ActionIcon size="sm" variant="subtle" aria-label={`Move ${COLUMN_INFO[id].label} left`} disabled={i === 0} onClick={() => onLayout(shiftColumn(layout, id, -1))}>
                  <IconArrowLeft size={14} />
                </ActionIcon>
                <ActionIcon size="sm" variant="subtle" aria-label={`Move ${COLUMN_INFO[id].label} right`} disabled={i === layout.order.length - 1} onClick={() => onLayout(shiftColumn(layout, id, 1))}>
                  <IconArrowRight size={14} />
                </ActionIcon>
              </Group>
            </Group>
          ))}
          <Button size="compact-xs" variant="subtle" onClick={() => onLayout(DEFAULT_LAYOUT)}>
            Reset columns
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  )
}
