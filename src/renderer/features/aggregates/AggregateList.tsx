/** The aggregates of one kind: an id search and a virtualized, keyset-paged list. */
import { useEffect, useState, type KeyboardEvent, type ReactNode } from 'react'
import { Group, Loader, Text, TextInput, UnstyledButton } from '@mantine/core'
import type { CellIdentity } from '../../../shared/browse'
import { IconSearch } from '../../ui/icons'
import { sameAggregate } from './view-state'
import type { AggregatePages } from './useAggregatePages'
import { VirtualRows } from './VirtualRows'
import classes from './Aggregates.module.css'
import { formatCount } from '../../ui/format'

/** Props of `AggregateList`. */
export interface AggregateListProps {
  readonly kind: string
  readonly pages: AggregatePages
  readonly search: string
  readonly onSearch: (text: string) => void
  readonly selected: CellIdentity | null
  readonly onSelect: (aggregate: CellIdentity) => void
  readonly height: number | string
}

const ROW_HEIGHT = 46

/** The list with its search box (typing settles for a moment before it searches). */
export function AggregateList({ kind, pages, search, onSearch, selected, onSelect, height }: AggregateListProps): ReactNode {
  const [typed, setTyped] = useState(search)
  useEffect(() => {
    if (typed === search) return
    const timer = setTimeout(() => onSearch(typed), 250)
    return () => clearTimeout(timer)
  }, [typed, search, onSearch])
  const { rows } = pages
  const selectedIndex = rows.findIndex((row) => sameAggregate(row, selected))
  const move = (event: KeyboardEvent<HTMLDivElement>): void => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0
    if (step === 0 || rows.length === 0) return
    event.preventDefault()
    const next = rows[Math.min(rows.length - 1, Math.max(0, selectedIndex < 0 ? 0 : selectedIndex + step))]
    onSelect({ kind: next.kind, id: next.id })
  }
  return (
    <div>
      <Group justify="space-between" mb={4} px={4} wrap="nowrap">
        <Text fw={600} size="sm" truncate="end">
          Aggregates of <Text span ff="monospace" size="sm">{kind}</Text>
        </Text>
        {pages.loading && <Loader size="xs" aria-label="Loading aggregates" />}
      </Group>
      <TextInput
        size="xs"
        mb={6}
        placeholder="Search ids"
        aria-label="Search aggregate ids"
        leftSection={<IconSearch size={14} />}
        value={typed}
        onChange={(e) => setTyped(e.currentTarget.value)}
        data-testid="aggregate-search"
      />
      {pages.error && (
        <Text c="red" size="sm" role="alert" px={4}>
          The aggregates could not be read: {pages.error}
        </Text>
      )}
      {!pages.loading && !pages.error && rows.length === 0 && (
        <Text c="dimmed" size="sm" px={4} data-testid="aggregate-list-empty">
          {search ? `No ${kind} id contains “${search}”. Clear the search to see them all.` : `There are no aggregates of kind ${kind}.`}
        </Text>
      )}
      {rows.length > 0 && (
        <VirtualRows
          count={rows.length}
          rowHeight={ROW_HEIGHT}
          height={height}
          onNearEnd={pages.loadMore}
          testId="aggregate-list"
          scrollTo={selectedIndex >= 0 ? selectedIndex : null}
          onKeyDown={move}
          label={`Aggregates of ${kind}`}
          renderRow={(index) => {
            const row = rows[index]
            const active = sameAggregate(row, selected)
            return (
              <UnstyledButton className={classes.listRow} data-active={active || undefined} onClick={() => onSelect({ kind: row.kind, id: row.id })} data-id={row.id}>
                <Text ff="monospace" size="sm" truncate="end">
                  {row.id}
                </Text>
                <Text size="xs" c="dimmed" truncate="end">
                  {formatCount(row.actions)} {row.actions === 1 ? 'action' : 'actions'} · seq-no {row.firstSeqNo}
                  {row.lastSeqNo !== row.firstSeqNo ? `–${row.lastSeqNo}` : ''}
                </Text>
              </UnstyledButton>
            )
          }}
        />
      )}
      {pages.hasMore && rows.length > 0 && (
        <Text size="xs" c="dimmed" px={4} mt={4}>
          {formatCount(rows.length)} loaded; scroll for more.
        </Text>
      )}
    </div>
  )
}
