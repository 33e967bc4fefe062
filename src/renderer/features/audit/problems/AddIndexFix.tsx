/**
 * The fix under the "no index on seq_no" notice: what adding the index runs,
 * and an "Add index" button once the store is unlocked (locked, it offers the
 * usual Unlock, which main confirms). The outcome is data: created or already
 * there (a short confirmation; the check runs again and the notice goes),
 * or refused with the store's one sentence, nothing changed.
 */
import { useState, type ReactNode } from 'react'
import { Alert, Button, Code, Group, Stack, Text, Tooltip } from '@mantine/core'
import type { AddIndexOutcome, ProblemFix } from '../../../../shared/browse'
import { call, messageOf } from '../../../ipc/client'
import { notifyInfo } from '../../../ui/notify'
import { useWorkspace } from '../../../workspace/WorkspaceProvider'
import type { StoreTab } from '../../../workspace/workspace-state'
import { runCheck } from './problems-check'

/** What the statement does to the store, in words. */
const EFFECT = 'It holds a lock on the trigger table while it builds (writers wait); it changes no rows, and the library reads and writes the store as before.'

function confirmAdded(outcome: Exclude<AddIndexOutcome, { result: 'refused' }>): void {
  if (outcome.result === 'created') notifyInfo('Index added', `Created the index "${outcome.name}"; conflict checks now find an action's triggers through it.`)
  else notifyInfo('Index already there', `The trigger table already has an index on seq_no ("${outcome.name}"); nothing changed.`)
}

function LockedHint({ tab }: { tab: StoreTab }): ReactNode {
  const { requestUnlock } = useWorkspace()
  const { fileReadOnly, kind } = tab.info
  return (
    <Group gap="xs">
      <Text size="sm" c="dimmed">
        {fileReadOnly
          ? `This ${kind === 'postgres' ? 'role may not write to the store' : 'file is read-only'}, so the index cannot be added here.`
          : 'The store is read-only: unlock it to add the index here.'}
      </Text>
      {!fileReadOnly && (
        <Button size="compact-xs" variant="light" onClick={() => void requestUnlock(tab.info.storeId)} data-testid="add-index-unlock">
          Unlock…
        </Button>
      )}
    </Group>
  )
}

/** Props: the store's tab and the fix the notice carries. */
export function AddIndexFix({ tab, fix }: { tab: StoreTab; fix: ProblemFix }): ReactNode {
  const { storeId, locked } = tab.info
  const [running, setRunning] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  const add = async (): Promise<void> => {
    setRunning(true)
    setRefusal(null)
    try {
      const outcome = await call('store:add-trigger-index', { storeId })
      if (outcome.result === 'refused') setRefusal(outcome.message)
      else {
        confirmAdded(outcome)
        runCheck(storeId, tab.revision)
      }
    } catch (e) {
      setRefusal(messageOf(e))
    } finally {
      setRunning(false)
    }
  }
  return (
    <Stack gap={6} data-testid="add-index-fix">
      <Text size="xs" c="dimmed">
        Adding it here runs <Code>{fix.sql}</Code>. {EFFECT}
      </Text>
      {locked ? (
        <LockedHint tab={tab} />
      ) : (
        <Group>
          <Tooltip label={`Runs ${fix.sql}`} multiline maw={640} position="right">
            <Button size="compact-sm" variant="light" loading={running} onClick={() => void add()} data-testid="add-index">
              Add index
            </Button>
          </Tooltip>
        </Group>
      )}
      {refusal !== null && (
        <Alert color="red" variant="light" role="alert" data-testid="add-index-refused">
          The index was not added: {refusal}
        </Alert>
      )}
    </Stack>
  )
}
