/**
 * Replay: what a read model reading from an offset receives — `read(offset)`
 * or its filtered forms exactly as the library delivers them — with replayed
 * actions marked and the effects that cause them named.
 */
import type { ReactNode } from 'react'
import { Alert, Button, Group, Loader, NumberInput, Paper, SegmentedControl, Slider, Stack, Text, TextInput, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import type { ReplayQuery } from '../../../shared/replay'
import { showEvent } from '../../workspace/navigation'
import { useViewState, viewKey } from '../../workspace/view-state'
import { useWorkspace } from '../../workspace/WorkspaceProvider'
import type { StoreTab } from '../../workspace/workspace-state'
import { ReplayList } from './ReplayList'
import { replaySummary } from './summary'
import { REPLAY_PAGE_SIZE, useReplay } from './useReplay'
import { formatCount } from '../../ui/format'

type ScopeKind = 'all' | 'aggregates' | 'kinds'

/** The section's inputs, kept per store. */
interface ReplayInputs {
  readonly offset: number
  readonly scope: ScopeKind
  readonly aggregates: string
  readonly kinds: string
}

const REPLAY_INPUTS = viewKey<ReplayInputs>('replay.inputs', { offset: 1, scope: 'all', aggregates: '', kinds: '' })

const SCOPES = [
  { value: 'all', label: 'Whole store' },
  { value: 'aggregates', label: 'Aggregates' },
  { value: 'kinds', label: 'Kinds' }
]

function toQuery(inputs: ReplayInputs): ReplayQuery {
  if (inputs.scope === 'aggregates' && inputs.aggregates.trim() !== '') return { offset: inputs.offset, aggregates: inputs.aggregates }
  if (inputs.scope === 'kinds' && inputs.kinds.trim() !== '') return { offset: inputs.offset, kinds: inputs.kinds }
  return { offset: inputs.offset }
}

function Controls({ inputs, setInputs, seqNo }: { inputs: ReplayInputs; setInputs: (next: ReplayInputs) => void; seqNo: number }): ReactNode {
  const max = seqNo + 1
  const setOffset = (value: number | string): void => {
    const n = typeof value === 'number' ? value : Number.parseInt(value, 10)
    if (Number.isSafeInteger(n) && n >= 0) setInputs({ ...inputs, offset: n })
  }
  return (
    <Paper withBorder p="md" radius="md">
      <Group align="flex-end" gap="lg" wrap="wrap">
        <NumberInput
          label="Read from offset"
          description={`0 and 1 mean everything; the last seq-no is ${seqNo}`}
          value={inputs.offset}
          onChange={setOffset}
          min={0}
          allowDecimal={false}
          allowNegative={false}
          w={300}
          data-testid="replay-offset"
        />
        <Stack gap={4} style={{ flex: 1, minWidth: 240 }} pb={6}>
          <Slider
            value={Math.min(inputs.offset, max)}
            onChange={setOffset}
            min={0}
            max={Math.max(max, 1)}
            label={(v) => `offset ${v}`}
            aria-label="Offset"
            marks={[{ value: 0, label: '0' }, { value: Math.max(max, 1), label: String(Math.max(max, 1)) }]}
          />
        </Stack>
      </Group>
      <Group align="flex-end" gap="lg" mt="lg" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Restrict the read to
          </Text>
          <SegmentedControl value={inputs.scope} onChange={(scope) => setInputs({ ...inputs, scope: scope as ScopeKind })} data={SCOPES} aria-label="Restrict the read to" />
        </Stack>
        {inputs.scope === 'aggregates' && (
          <TextInput
            label="Aggregates (filter-events-by-aggregates)"
            description="An EDN vector of identities"
            placeholder={'[[:book "Neuromancer"] [:receipt 1]]'}
            value={inputs.aggregates}
            onChange={(e) => setInputs({ ...inputs, aggregates: e.currentTarget.value })}
            ff="monospace"
            style={{ flex: 1, minWidth: 280 }}
            data-testid="replay-aggregates"
          />
        )}
        {inputs.scope === 'kinds' && (
          <TextInput
            label="Kinds (filter-events-by-aggregate-kinds)"
            description="An EDN vector of aggregate kinds"
            placeholder="[:book :receipt]"
            value={inputs.kinds}
            onChange={(e) => setInputs({ ...inputs, kinds: e.currentTarget.value })}
            ff="monospace"
            style={{ flex: 1, minWidth: 280 }}
            data-testid="replay-kinds"
          />
        )}
      </Group>
    </Paper>
  )
}

/** The Replay section. */
export function ReplayView({ tab }: { tab: StoreTab }): ReactNode {
  const { storeId, seqNo } = tab.info
  const workspace = useWorkspace()
  const [inputs, setInputs] = useViewState(storeId, REPLAY_INPUTS)
  const [query] = useDebouncedValue(toQuery(inputs), 250)
  const data = useReplay(storeId, tab.revision, query)
  const onShow = (n: number): void => showEvent({ storeId, showSection: workspace.showSection }, n)
  const items = data.items ?? []
  return (
    <Stack gap="md" maw={1400}>
      <div>
        <Title order={2}>Replay</Title>
        <Text c="dimmed" size="sm" mt={4}>
          What a read model receives when it reads from an offset: every action from the offset on, preceded by the earlier actions of
          each aggregate that an effect from the offset on reaches through a trigger — replayed, so the read model can rebuild that
          aggregate. Effects themselves are never delivered.
        </Text>
      </div>
      <Controls inputs={inputs} setInputs={setInputs} seqNo={seqNo} />
      {data.error !== null ? (
        <Alert color="red" title="This read cannot be previewed" role="alert">
          {data.error}
        </Alert>
      ) : (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          {data.loading && <Loader size="xs" mt={4} />}
          <Text fw={500} data-testid="replay-summary" style={{ opacity: data.loading ? 0.5 : 1 }}>
            {data.items === null
              ? `Reading from ${query.offset}…`
              : seqNo === 0
                ? 'This store has no events yet, so a read delivers nothing.'
                : replaySummary(query.offset, data.count, items, data.hasMore)}
          </Text>
        </Group>
      )}
      {items.length > 0 && data.error === null && (
        <Paper withBorder radius="md" p="xs" style={{ opacity: data.loading ? 0.5 : 1 }}>
          <ReplayList items={items} offset={query.offset} onShow={onShow} />
          <Group justify="space-between" p="xs">
            <Text size="sm" c="dimmed" data-testid="replay-shown">
              {data.countError !== null
                ? `Showing the first ${formatCount(items.length)} delivered actions; counting all failed: ${data.countError}`
                : data.count !== null
                ? `Showing ${formatCount(items.length)} of ${formatCount(data.count.total)} delivered actions.`
                : `Showing the first ${formatCount(items.length)} delivered actions${data.hasMore ? ' (counting all…)' : '.'}`}
            </Text>
            {data.hasMore && (
              <Button variant="light" size="xs" onClick={data.loadMore} loading={data.loadingMore} disabled={data.loading}>
                Show the next {formatCount(REPLAY_PAGE_SIZE)}
              </Button>
            )}
          </Group>
        </Paper>
      )}
    </Stack>
  )
}
