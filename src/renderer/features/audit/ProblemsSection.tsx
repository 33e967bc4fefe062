/**
 * The Problems section: the integrity check (run in the store's worker, with
 * progress in the header), each problem a sentence with its severity,
 * grouped by kind, with a jump to the event. Read-only: it never changes the
 * store. The last result is kept per store; a change to the store marks it
 * as out of date.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import type { Problem, ProblemSeverity } from '../../../shared/browse'
import { call, messageOf } from '../../ipc/client'
import { useWorkspace } from '../../app/workspace/WorkspaceProvider'
import { useViewState } from '../../app/workspace/view-state'
import { showEvent } from '../../app/navigation'
import type { StoreTab } from '../../app/workspace/workspace-state'
import { formatCount } from './graph-layout'

/** A heading per problem code, in the order groups are shown. */
export const PROBLEM_GROUPS: Readonly<Record<Problem['code'], string>> = {
  schema: 'Schema',
  'orphan-action': 'Action rows without an event',
  'orphan-effect': 'Effect rows without an event',
  'orphan-trigger': 'Trigger rows without an event',
  'event-without-body': 'Events with neither an action nor an effect',
  'event-with-both': 'Events with both an action and an effect',
  'invalid-edn': 'Cells that are not valid EDN',
  'not-canonical': 'Cells not printed as Clojure prints them',
  'invalid-value': 'Cells with a value of the wrong type',
  'invalid-patch': 'Invalid patches',
  'trigger-without-action': 'Triggers on events that are not actions',
  'effect-trigger-unused': 'Effects whose trigger no action carries',
  'seq-no-gap': 'Gaps in the seq-nos',
  'sqlite-integrity': 'Damage SQLite reports'
}

const SEVERITY_COLOR: Record<ProblemSeverity, string> = { error: 'red', warning: 'yellow', notice: 'gray' }
const SEVERITY_RANK: Record<ProblemSeverity, number> = { error: 0, warning: 1, notice: 2 }

/** Codes whose seq-no has no event to show. */
const NO_EVENT: ReadonlySet<Problem['code']> = new Set(['orphan-action', 'orphan-effect', 'orphan-trigger'])

interface CheckResult {
  readonly problems: readonly Problem[]
  /** The store revision the check ran on. */
  readonly revision: number
  readonly at: number
}

/** Problems by code, the most severe groups first. */
export function groupProblems(problems: readonly Problem[]): [Problem['code'], Problem[]][] {
  const groups = new Map<Problem['code'], Problem[]>()
  for (const p of problems) groups.set(p.code, [...(groups.get(p.code) ?? []), p])
  const worst = (list: Problem[]): number => Math.min(...list.map((p) => SEVERITY_RANK[p.severity]))
  const order = Object.keys(PROBLEM_GROUPS)
  return [...groups.entries()].sort((a, b) => worst(a[1]) - worst(b[1]) || order.indexOf(a[0]) - order.indexOf(b[0]))
}

function summary(problems: readonly Problem[]): string {
  const n = (severity: ProblemSeverity): number => problems.filter((p) => p.severity === severity).length
  const parts = [
    [n('error'), 'error', 'errors'],
    [n('warning'), 'warning', 'warnings'],
    [n('notice'), 'notice', 'notices']
  ] as const
  return parts.filter(([count]) => count > 0).map(([count, one, many]) => `${formatCount(count)} ${count === 1 ? one : many}`).join(', ')
}

function ProblemGroup({ code, problems, onShow }: { code: Problem['code']; problems: Problem[]; onShow: (seqNo: number) => void }): ReactNode {
  return (
    <Paper withBorder p="md" radius="md" data-testid={`problem-group-${code}`}>
      <Group gap="xs" mb="xs">
        <Text fw={600}>{PROBLEM_GROUPS[code]}</Text>
        <Badge variant="light" color="gray" size="sm">
          {formatCount(problems.length)}
        </Badge>
        <Text size="xs" c="dimmed" ff="monospace">
          {code}
        </Text>
      </Group>
      <Stack gap={6}>
        {problems.map((p, i) => (
          <Group key={i} gap="sm" wrap="nowrap" align="flex-start" data-testid="problem">
            <Badge color={SEVERITY_COLOR[p.severity]} variant="light" size="sm" w={74} styles={{ label: { overflow: 'visible' } }}>
              {p.severity}
            </Badge>
            <Text size="sm" style={{ flex: 1 }}>
              {p.message}
            </Text>
            {p.seqNo !== undefined && !NO_EVENT.has(p.code) && (
              <Button size="compact-xs" variant="subtle" onClick={() => onShow(p.seqNo as number)}>
                Show event {p.seqNo}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  )
}

/** The Problems section. */
export function ProblemsSection({ tab }: { tab: StoreTab }): ReactNode {
  const { storeId } = tab.info
  const { showSection } = useWorkspace()
  const [result, setResult] = useViewState<CheckResult | null>(storeId, 'audit.problems', null)
  const [running, setRunning] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = useCallback(() => {
    setRunning(true)
    setError(null)
    const revision = tab.revision
    call('store:check', { storeId }).then(
      (problems) => setResult({ problems, revision, at: Date.now() }),
      (e: unknown) => setError(messageOf(e))
    ).finally(() => setRunning(false))
  }, [storeId, tab.revision, setResult])
  // The first visit runs the check; later visits show the last result.
  const started = useRef(result !== null)
  useEffect(() => {
    if (started.current) return
    started.current = true
    run()
  }, [run])

  const stale = result !== null && result.revision !== tab.revision
  return (
    <Stack gap="lg" data-testid="problems-section">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Problems</Title>
          <Text c="dimmed" size="sm" maw={760}>
            The integrity check reads every row — schema, orphan rows, events with neither or both bodies, every EDN cell, patches and triggers — and
            never changes the store.
          </Text>
        </div>
        <Button onClick={run} loading={running} variant="light" data-testid="problems-run">
          Run the check again
        </Button>
      </Group>
      {error && (
        <Alert color="red" variant="light" role="alert">
          The check could not run: {error}
        </Alert>
      )}
      {result === null && running && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            Checking every row of the store; the header shows how far it is.
          </Text>
        </Group>
      )}
      {stale && !running && (
        <Alert color="blue" variant="light">
          The store changed since this check ran. Run it again to see its current state.
        </Alert>
      )}
      {result !== null && result.problems.length === 0 && (
        <Alert color="green" variant="light" data-testid="problems-none">
          No problems found: every table, row and cell is as the library writes it.
        </Alert>
      )}
      {result !== null && result.problems.length > 0 && (
        <>
          <Text fw={600} data-testid="problems-summary">
            {summary(result.problems)} in {formatCount(groupProblems(result.problems).length)} {groupProblems(result.problems).length === 1 ? 'kind' : 'kinds'}.
          </Text>
          {groupProblems(result.problems).map(([code, problems]) => (
            <ProblemGroup key={code} code={code} problems={problems} onShow={(seqNo) => showEvent({ storeId, showSection }, seqNo)} />
          ))}
        </>
      )}
    </Stack>
  )
}
