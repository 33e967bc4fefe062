/** Parts of the conflict resolver: the key-by-key choices, and the adjusted patch they give. */
import { useState, type ReactNode } from 'react'
import { Button, Code, Group, Loader, Paper, Switch, Text } from '@mantine/core'
import type { ConflictDetail } from '../../../../shared/resolve'
import { KeyTable } from './KeyTable'
import type { useResolution } from './useResolution'
import classes from './resolve.module.css'

type Resolution = ReturnType<typeof useResolution>

/** The aggregate's keys in base | theirs | ours, a choice per key, and "keep ours/theirs for all". */
export function KeyChoices({ detail, state, errors }: { detail: ConflictDetail; state: Resolution; errors: ReadonlyMap<string, string> }): ReactNode {
  const [showUnchanged, setShowUnchanged] = useState(detail.keys.length <= 12)
  const theirs = detail.theirs.seqNo
  const changed = detail.keys.filter((k) => k.mark !== 'none').length
  return (
    <Paper withBorder radius="md" p="sm">
      <Group justify="space-between" mb="xs">
        <Text size="sm">
          {changed === 0 ? 'No key differs between the three states.' : `${changed} of ${detail.keys.length} key${detail.keys.length === 1 ? '' : 's'} changed since the base. Choose what each keeps.`}
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => state.chooseAll('ours')} disabled={changed === 0}>Keep ours for all</Button>
          <Button size="xs" variant="default" onClick={() => state.chooseAll('theirs')} disabled={changed === 0}>Keep theirs for all</Button>
          <Switch size="xs" label="Show unchanged keys" checked={showUnchanged} onChange={(e) => setShowUnchanged(e.currentTarget.checked)} />
        </Group>
      </Group>
      <KeyTable
        keys={detail.keys}
        baseLabel={detail.baseAsOf === 0 ? 'Base (before any event)' : `Base (as of ${detail.baseAsOf})`}
        theirsLabel={`Theirs (after ${theirs})`}
        pickOf={state.pickOf}
        choose={state.choose}
        edit={state.edit}
        errors={errors}
        showUnchanged={showUnchanged}
      />
    </Paper>
  )
}

/** The patch the choices give and the state it leads to after theirs; or that it changes nothing; or which edited values to fix. */
export function AdjustedPatch({ state, theirs }: { state: Resolution; theirs: number }): ReactNode {
  const { resolution } = state
  return (
    <Paper withBorder radius="md" p="sm" data-testid="resolve-patch" data-pending={state.pending || undefined}>
      <Group gap="xs" mb={4}>
        <Text fw={600} size="sm">Adjusted patch</Text>
        {state.pending && <Loader size="xs" />}
      </Group>
      {state.error !== null && <Text c="red" size="sm" role="alert">{state.error}</Text>}
      {resolution !== null && resolution.errors.length === 0 && resolution.patch !== null && (
        <>
          <Code block className={classes.code} data-testid="resolve-patch-edn">{resolution.patch}</Code>
          <Text size="xs" c="dimmed" mt={4}>Applied after stored event {theirs}, it gives the state:</Text>
          <Code block className={classes.code} data-testid="resolve-state-edn">{resolution.chosenState?.text ?? ''}</Code>
        </>
      )}
      {resolution !== null && resolution.errors.length === 0 && resolution.patch === null && (
        <Text size="sm" data-testid="resolve-patch-none">
          Every key keeps theirs, so the staged event would change nothing. Resolving drops it from the batch.
        </Text>
      )}
      {resolution !== null && resolution.errors.length > 0 && (
        <Text size="sm" c="red" mt={4}>Fix the edited value{resolution.errors.length === 1 ? '' : 's'} above first ({resolution.errors.map((e) => e.key).join(', ')}).</Text>
      )}
    </Paper>
  )
}
