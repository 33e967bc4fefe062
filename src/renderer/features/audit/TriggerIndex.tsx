/**
 * Every trigger identity with the actions carrying it and the effects naming
 * it: filter by text, sort by identity or a count, keyset pages ("Show
 * more"). A row opens the Events section filtered by that trigger; "Graph"
 * draws it.
 */
import { useState, type ReactNode } from 'react'
import { Button, Group, Paper, SegmentedControl, Table, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import type { TriggerSort, TriggerSummary } from '../../../shared/audit'
import type { CellIdentity } from '../../../shared/browse'
import { call } from '../../ipc/client'
import { failureMessage, ReconnectHint, useConnectionLost } from '../../ui/connection-lost'
import { useRequest } from '../../ui/useRequest'
import { useWorkspace } from '../../workspace/WorkspaceProvider'
import { useViewState, viewKey } from '../../workspace/view-state'
import { showEvents } from '../../workspace/navigation'
import type { StoreTab } from '../../workspace/workspace-state'
import classes from './Audit.module.css'
import { identityText } from '../../../shared/browse'
import { formatCount } from '../../ui/format'

/** Rows per page. */
export const TRIGGER_PAGE = 100

const SORTS: { value: TriggerSort; label: string }[] = [
  { value: 'identity', label: 'Identity' },
  { value: 'actions', label: 'Most actions' },
  { value: 'effects', label: 'Most effects' }
]

interface IndexState {
  readonly text: string
  readonly sort: TriggerSort
}

const INDEX_STATE = viewKey<IndexState>('audit.triggers', { text: '', sort: 'identity' })

/** The trigger index; `onGraph` draws a trigger's graph. */
export function TriggerIndex({ tab, onGraph }: { tab: StoreTab; onGraph: (trigger: CellIdentity) => void }): ReactNode {
  const { storeId } = tab.info
  const { showSection } = useWorkspace()
  const lost = useConnectionLost()
  const [state, setState] = useViewState(storeId, INDEX_STATE)
  const [text] = useDebouncedValue(state.text, 250)
  const baseKey = `${storeId}:${tab.revision}:${state.sort}:${text}`
  const first = useRequest(baseKey, () => call('store:trigger-index', { storeId, sort: state.sort, text: text || undefined, limit: TRIGGER_PAGE }))
  const total = useRequest(`${storeId}:${tab.revision}:${text}`, () => call('store:count-triggers', { storeId, text: text || undefined }))
  const [more, setMore] = useState<{ key: string; rows: TriggerSummary[]; hasMore: boolean; loading: boolean; error: string | null } | null>(null)

  const extra = more !== null && more.key === baseKey ? more : null
  const rows = [...(first.data?.rows ?? []), ...(extra?.rows ?? [])]
  const hasMore = extra ? extra.hasMore : (first.data?.hasMore ?? false)

  const loadMore = (): void => {
    const last = rows.at(-1)
    if (!last) return
    const count = state.sort === 'effects' ? last.effects : last.actions
    setMore({ key: baseKey, rows: extra?.rows ?? [], hasMore, loading: true, error: null })
    call('store:trigger-index', { storeId, sort: state.sort, text: text || undefined, limit: TRIGGER_PAGE, after: { kind: last.kind, id: last.id, count } }).then(
      (page) => setMore({ key: baseKey, rows: [...(extra?.rows ?? []), ...page.rows], hasMore: page.hasMore, loading: false, error: null }),
      (e: unknown) => setMore({ key: baseKey, rows: extra?.rows ?? [], hasMore, loading: false, error: failureMessage(e) })
    )
  }

  const countText =
    total.data === null
      ? 'Counting trigger identities…'
      : text
        ? `${formatCount(total.data)} ${total.data === 1 ? 'trigger identity matches' : 'trigger identities match'} “${text}”.`
        : `${formatCount(total.data)} trigger ${total.data === 1 ? 'identity' : 'identities'}, carried by actions or named by effects.`

  return (
    <Paper withBorder p="md" radius="md" data-testid="trigger-index">
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <TextInput
          label="Filter"
          placeholder="kind or id, e.g. encryption-key 1"
          value={state.text}
          onChange={(e) => setState({ ...state, text: e.currentTarget.value })}
          w={260}
          data-testid="trigger-filter"
        />
        <SegmentedControl size="xs" value={state.sort} onChange={(v) => setState({ ...state, sort: v as TriggerSort })} data={SORTS} aria-label="Sort triggers by" />
      </Group>
      <Text size="sm" c="dimmed" mb="xs" data-testid="trigger-count">
        {countText}
      </Text>
      {first.error && (
        <Text c="red" size="sm" role="alert">
          The triggers could not be listed: {first.error}
        </Text>
      )}
      {first.data && rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {text ? 'No trigger identity matches this filter. Filter by part of the kind or the id as printed, e.g. consent or "mallory".' : 'No action in this store carries a trigger and no effect names one.'}
        </Text>
      )}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={0} mah={520}>
          <Table highlightOnHover stickyHeader verticalSpacing={4} data-testid="trigger-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Trigger</Table.Th>
                <Table.Th ta="right" title="Actions carrying the trigger">
                  Actions
                </Table.Th>
                <Table.Th ta="right" title="Effects naming the trigger">
                  Effects
                </Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr
                  key={`${r.kind} ${r.id}`}
                  className={classes.clickableRow}
                  onClick={() => showEvents({ storeId, showSection }, { trigger: { kind: r.kind, id: r.id } })}
                  title="Show the events of this trigger"
                  data-testid="trigger-row"
                >
                  <Table.Td className={classes.identityCell} title={identityText(r)}>
                    {identityText(r)}
                  </Table.Td>
                  <Table.Td ta="right">{formatCount(r.actions)}</Table.Td>
                  <Table.Td ta="right">{formatCount(r.effects)}</Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={(e) => {
                        e.stopPropagation()
                        onGraph({ kind: r.kind, id: r.id })
                      }}
                    >
                      Graph
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {extra?.error && (
        <Text c="red" size="sm" role="alert" mt="xs">
          More triggers could not be loaded: {extra.error}
        </Text>
      )}
      {hasMore && (
        <Group gap="sm" mt="sm">
          <Button variant="light" size="xs" onClick={loadMore} loading={extra?.loading ?? false} disabled={lost}>
            Show {TRIGGER_PAGE} more
          </Button>
          <ReconnectHint to="load more triggers" />
        </Group>
      )}
    </Paper>
  )
}
