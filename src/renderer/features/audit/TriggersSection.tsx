/**
 * The Triggers section: the trigger index, the graph around a trigger, an
 * effect or an aggregate, and — for an effect — its blast radius.
 */
import { useState, type ReactNode } from 'react'
import { Button, Grid, Group, NumberInput, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core'
import type { GraphFocus } from '../../../shared/audit'
import { useViewState, viewKey } from '../../workspace/view-state'
import type { StoreTab } from '../../workspace/workspace-state'
import { BlastRadius } from './BlastRadius'
import { TriggerGraph, focusText } from './TriggerGraph'
import { TriggerIndex } from './TriggerIndex'

/** View-state name of the graph's focus (other features may set it to show a graph). */
export const AUDIT_FOCUS = viewKey<GraphFocus | null>('audit.focus', null)

type FocusType = GraphFocus['type']

/** A form to pick what the graph is drawn around. */
function FocusForm({ focus, onFocus }: { focus: GraphFocus | null; onFocus: (focus: GraphFocus) => void }): ReactNode {
  const [type, setType] = useState<FocusType>(focus?.type ?? 'trigger')
  const [kind, setKind] = useState(focus && focus.type !== 'effect' ? focus.kind : '')
  const [id, setId] = useState(focus && focus.type !== 'effect' ? focus.id : '')
  const [seqNo, setSeqNo] = useState<number | string>(focus?.type === 'effect' ? focus.seqNo : '')
  const [problem, setProblem] = useState<string | null>(null)
  const submit = (): void => {
    if (type === 'effect') {
      if (typeof seqNo !== 'number' || !Number.isSafeInteger(seqNo) || seqNo < 1) return setProblem('Type the seq-no of an effect, a whole number from 1.')
      setProblem(null)
      return onFocus({ type: 'effect', seqNo })
    }
    const k = kind.trim()
    const i = id.trim()
    if (!k.startsWith(':') || i === '') return setProblem('Type the kind as a keyword (e.g. :encryption-key) and the id as the store prints it (e.g. 1 or "alice").')
    setProblem(null)
    onFocus({ type, kind: k, id: i })
  }
  return (
    <form
      data-testid="focus-form"
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SegmentedControl
          value={type}
          onChange={(v) => setType(v as FocusType)}
          data={[
            { value: 'trigger', label: 'Trigger' },
            { value: 'effect', label: 'Effect' },
            { value: 'aggregate', label: 'Aggregate' }
          ]}
          aria-label="Draw the graph around"
        />
        {type === 'effect' ? (
          <NumberInput label="Effect seq-no" value={seqNo} onChange={setSeqNo} min={1} allowDecimal={false} allowNegative={false} w={160} data-testid="focus-seq-no" />
        ) : (
          <>
            <TextInput label="Kind" placeholder=":encryption-key" value={kind} onChange={(e) => setKind(e.currentTarget.value)} w={200} data-testid="focus-kind" />
            <TextInput label="Id" placeholder='1 or "alice"' value={id} onChange={(e) => setId(e.currentTarget.value)} w={200} data-testid="focus-id" />
          </>
        )}
        <Button type="submit" data-testid="focus-show">
          Draw
        </Button>
      </Group>
      {problem && (
        <Text c="red" size="sm" mt={4} role="alert">
          {problem}
        </Text>
      )}
    </form>
  )
}

/** The Triggers section. */
export function TriggersSection({ tab }: { tab: StoreTab }): ReactNode {
  const [focus, setFocus] = useViewState(tab.info.storeId, AUDIT_FOCUS)
  return (
    <Stack gap="lg" data-testid="triggers-section">
      <div>
        <Title order={2}>Triggers</Title>
        <Text c="dimmed" size="sm" maw={820}>
          An action carries triggers; an effect names one. When an effect fires, every read from an offset at or before it replays the earlier actions of
          each aggregate that carries its trigger.
        </Text>
      </div>
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, xl: 5 }}>
          <TriggerIndex tab={tab} onGraph={(t) => setFocus({ type: 'trigger', ...t })} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 7 }}>
          <Paper withBorder p="md" radius="md">
            <Text fw={600} mb="xs">
              {focus ? `Graph of ${focusText(focus)}` : 'Graph'}
            </Text>
            <FocusForm key={JSON.stringify(focus)} focus={focus} onFocus={setFocus} />
            <div style={{ marginTop: 'var(--mantine-spacing-md)' }}>
              {focus ? (
                <TriggerGraph
                  tab={tab}
                  focus={focus}
                  onBlastRadius={focus.type === 'effect' ? undefined : (seqNo) => setFocus({ type: 'effect', seqNo })}
                />
              ) : (
                <Text size="sm" c="dimmed">
                  Pick a trigger in the list (Graph), or type a trigger, an effect&apos;s seq-no or an aggregate above, to see trigger → actions →
                  aggregates → effects.
                </Text>
              )}
            </div>
          </Paper>
        </Grid.Col>
      </Grid>
      {focus?.type === 'effect' && (
        <Paper withBorder p="md" radius="md">
          <BlastRadius tab={tab} effectSeqNo={focus.seqNo} />
        </Paper>
      )}
    </Stack>
  )
}
