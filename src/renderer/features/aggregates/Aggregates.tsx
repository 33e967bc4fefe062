/**
 * The Aggregates section: kinds with their counts → the aggregates of a kind
 * (searchable, paged as it scrolls) → one aggregate's history, its state as
 * of any of its seq-nos with per-key blame, and the diff of two states.
 * Other features open an aggregate through `showAggregate` (NAV_STATE.aggregateShown).
 */
import { useCallback, type ReactNode } from 'react'
import { Paper, Stack, Text, Title } from '@mantine/core'
import type { AggregateKindCount } from '../../../shared/aggregates'
import type { CellIdentity } from '../../../shared/browse'
import { NAV_STATE } from '../../workspace/navigation'
import { useRequest } from '../../ui/useRequest'
import { useViewState } from '../../workspace/view-state'
import { useWorkspace } from '../../workspace/WorkspaceProvider'
import type { StoreTab } from '../../workspace/workspace-state'
import { call } from '../../ipc/client'
import { AggregateList } from './AggregateList'
import { AggregateView } from './AggregateView'
import { KindList } from './KindList'
import { useAggregatePages } from './useAggregatePages'
import { AGGREGATE_STATE } from './view-state'
import classes from './Aggregates.module.css'
import { identityText } from '../../../shared/browse'

/** The section. */
export function Aggregates({ tab }: { tab: StoreTab }): ReactNode {
  const { storeId } = tab.info
  const { showSection } = useWorkspace()
  const [kindChoice, setKindChoice] = useViewState(storeId, AGGREGATE_STATE.kind)
  const [shown, setShown] = useViewState(storeId, NAV_STATE.aggregateShown)
  const [search, setSearch] = useViewState(storeId, AGGREGATE_STATE.search)
  const [mode, setMode] = useViewState(storeId, AGGREGATE_STATE.mode)
  const [points, setPoints] = useViewState(storeId, AGGREGATE_STATE.diff)

  const kinds = useRequest<AggregateKindCount[]>(`${storeId}:${tab.revision}`, () => call('store:aggregate-kinds', { storeId }))
  const kind =
    shown && (!kindChoice || shown.at > kindChoice.at) ? shown.aggregate.kind : (kindChoice?.kind ?? kinds.data?.[0]?.kind ?? null)
  const pages = useAggregatePages(storeId, kind, search, tab.revision)

  const selectKind = (next: string): void => {
    setKindChoice({ kind: next, at: Date.now() })
    setSearch('')
  }
  const select = (aggregate: CellIdentity): void => setShown({ aggregate, at: Date.now() })
  const onSearch = useCallback((text: string) => setSearch(text), [setSearch])
  const nav = { storeId, showSection }
  const aggregateKey = shown ? identityText(shown.aggregate) : ''

  return (
    <Stack gap="md" data-testid="aggregates">
      <Title order={2}>Aggregates</Title>
      <div className={classes.layout}>
        <Paper withBorder p="xs" radius="md" style={{ position: 'sticky', top: 0 }}>
          <KindList kinds={kinds} selected={kind} onSelect={selectKind} />
          {kind !== null && (
            <div style={{ marginTop: 12 }}>
              <AggregateList
                key={kind}
                kind={kind}
                pages={pages}
                search={search}
                onSearch={onSearch}
                selected={shown?.aggregate ?? null}
                onSelect={select}
                height="max(240px, calc(100vh - 520px))"
              />
            </div>
          )}
        </Paper>
        {shown ? (
          <AggregateView
            key={aggregateKey}
            nav={nav}
            revision={tab.revision}
            aggregate={shown.aggregate}
            asOf={shown.asOf ?? null}
            onAsOf={(asOf) => setShown({ ...shown, asOf })}
            mode={mode}
            onMode={setMode}
            points={points.key === aggregateKey ? points : AGGREGATE_STATE.diff.fallback}
            onPoints={(next) => setPoints({ ...next, key: aggregateKey })}
          />
        ) : (
          <Paper withBorder p="xl" radius="md">
            <Text c="dimmed" ta="center" data-testid="aggregate-none">
              {kinds.data && kinds.data.length === 0
                ? 'Nothing to show: this store has no actions yet.'
                : 'Pick an aggregate on the left to see its history, its state as of any of its events, and what each event changed.'}
            </Text>
          </Paper>
        )}
      </div>
    </Stack>
  )
}
