/** The aggregate kinds of the store with how many aggregates each has. */
import type { ReactNode } from 'react'
import { Badge, Group, Loader, NavLink, ScrollArea, Text } from '@mantine/core'
import type { AggregateKindCount } from '../../../shared/aggregates'
import type { RequestState } from '../../ui/useRequest'
import { formatBadgeCount, formatCount } from '../../ui/format'

/** Props of `KindList`. */
export interface KindListProps {
  readonly kinds: RequestState<AggregateKindCount[]>
  readonly selected: string | null
  readonly onSelect: (kind: string) => void
}

/** The list. */
export function KindList({ kinds, selected, onSelect }: KindListProps): ReactNode {
  const rows = kinds.data ?? []
  return (
    <div>
      <Group justify="space-between" mb={4} px={4}>
        <Text fw={600} size="sm">
          Kinds
        </Text>
        {kinds.loading && <Loader size="xs" aria-label="Loading the kinds" />}
      </Group>
      {kinds.error && (
        <Text c="red" size="sm" role="alert" px={4}>
          The kinds could not be read: {kinds.error}
        </Text>
      )}
      {kinds.data && rows.length === 0 && (
        <Text c="dimmed" size="sm" px={4}>
          This store has no actions, so it has no aggregates yet.
        </Text>
      )}
      <ScrollArea.Autosize mah={220} type="auto" scrollbars="y" offsetScrollbars="y">
        <div data-testid="aggregate-kinds">
          {rows.map((k) => (
            <NavLink
              key={k.kind}
              active={k.kind === selected}
              onClick={() => onSelect(k.kind)}
              variant="light"
              py={4}
              label={<Text ff="monospace" size="sm" truncate="end">{k.kind}</Text>}
              rightSection={
                <Badge size="sm" variant="default" title={`${formatCount(k.aggregates)} aggregates`} style={{ flex: 'none', maxWidth: 'none' }} styles={{ label: { overflow: 'visible' } }}>
                  {formatBadgeCount(k.aggregates)}
                </Badge>
              }
              styles={{ body: { minWidth: 0, overflow: 'hidden' }, section: { flex: 'none' } }}
              data-kind={k.kind}
              aria-label={`${k.kind}: ${k.aggregates} aggregates`}
            />
          ))}
        </div>
      </ScrollArea.Autosize>
    </div>
  )
}
