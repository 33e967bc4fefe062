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
import { NAV_STATE } from '../../app/navigation'
import { useRequest } from '../../app/useRequest'
import { useViewState } from '../../app/workspace/view-state'
import { useWorkspace } from '../../app/workspace/WorkspaceProvider'
import type { StoreTab } from '../../app/workspace/workspace-state'
import { call } from '../../ipc/client'
import { AggregateList } from './AggregateList'
import { AggregateView } from './AggregateView'
import { KindList } from './KindList'
import { useAggregatePages } from './useAggregatePages'
import { AGGREGATE_STATE, type AggregateMode, type DiffPoints, type KindChoice, type ShownAggregate } from './view-state'
import classes from './Aggregates.module.css'
import { identityText } from '../../../shared/browse'

/** Diff points belong to one aggregate. */
type KeyedPoints = DiffPoints & { readonly key: string }

const NO_POINTS: KeyedPoints = { key: '', from: null, to: null }

/** The section. */
export function Aggregates({ tab }: { tab: StoreTab }): ReactNode {
  const { storeId } = tab.info
  const { showSection } = useWorkspace()
  const [kindChoice, setKindChoice] = useViewState<KindChoice | null>(storeId, AGGREGATE_STATE.kind, null)
  const [shown, setShown] = useViewState<ShownAggregate | null>(storeId, NAV_STATE.aggregateShown, null)
  const [search, setSearch] = useViewState<string>(storeId, AGGREGATE_STATE.search, '')
  const [mode, setMode] = useViewState<AggregateMode>(storeId, AGGREGATE_STATE.mode, 'state')
  const [points, setPoints] = useViewState<KeyedPoints>(storeId, AGGREGATE_STATE.diff, NO_POINTS)

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
        <Paper withBorder p="xs" radius="md" style={{ position: 'sticky', top: 'calc(var(--app-shell-header-height, 0px) + var(--mantine-spacing-lg))' }}>
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
            points={points.key === aggregateKey ? points : NO_POINTS}
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
