/**
 * "Copy to…": the active store, all or nothing, into a new file (main's save
 * dialog picks it) or an empty PostgreSQL database (chosen as in Connect to
 * PostgreSQL…). Progress while it runs; a refusal is main's one sentence and
 * the target is left as it was; on success a summary and Open the copy.
 */
import { useEffect, useState, type ReactNode } from 'react'
import { Button, Code, Fieldset, Modal, Stack, Text } from '@mantine/core'
import type { StoreInfo } from '../../../shared/ipc/types'
import { notifyError } from '../../ui/notify'
import { storeName } from '../../ui/format'
import { setViewState, useViewState, viewKey } from '../../workspace/view-state'
import { useWorkspace } from '../../workspace/WorkspaceProvider'
import { TABLE_ROLES } from '../open-store/table-names'
import { CopyTargetForm } from './CopyTargetForm'
import { CopyEndNotice, CopyProgress, CopySummary } from './CopyPhaseViews'
import { useCopyRun, type CopyDone } from './useCopyRun'
import { useCopyTarget, type CopyTo } from './useCopyTarget'
import { ModalActions } from '../../ui/modal/ModalActions'

const REQUEST = viewKey<boolean>('copy.request', false)

/** Open the "Copy to…" dialog for the store `storeId`. */
export function requestCopy(storeId: string): void {
  setViewState(storeId, REQUEST, true)
}

function TableNamesLine({ info }: { info: StoreInfo }): ReactNode {
  return (
    <Text size="sm" data-testid="copy-tables">
      Every row of {TABLE_ROLES.map((role, i) => <span key={role}>{i > 0 && ', '}<Code>{info.tables[role]}</Code></span>)} is copied in one transaction, into tables of the same names. The target must be new or empty; a copy that fails leaves nothing behind.
    </Text>
  )
}

/** The same request (a sentence about one target is not shown beside another). */
const sameTarget = (a: CopyTo, b: CopyTo | null): boolean => JSON.stringify(a) === JSON.stringify(b)

interface DialogProps {
  readonly info: StoreInfo
  close(): void
  busy(copying: boolean): void
}

function CopyDialog({ info, close, busy }: DialogProps): ReactNode {
  const { opener, refreshConnections } = useWorkspace()
  const target = useCopyTarget(info.storeId)
  const { phase, run, cancel } = useCopyRun(info.storeId)
  const copying = phase.kind === 'copying'
  useEffect(() => busy(copying), [busy, copying])
  const openCopy = async ({ file, target: label }: CopyDone, to: CopyTo): Promise<void> => {
    if (file) return void ((await opener.openPath(file, info.tables)) && close())
    if (to.kind !== 'postgres') return
    await opener.openConnection(to.target).then((opened) => opened && close(), (e: unknown) => notifyError(`Could not open ${label}`, e))
  }
  if (phase.kind === 'done') return <CopySummary name={storeName(info)} outcome={phase.outcome} openCopy={() => openCopy(phase.outcome, phase.to)} close={close} />
  const { postgres } = target
  const testing = postgres.status.kind === 'busy'
  const request = target.request()
  const copy = async (to: CopyTo): Promise<void> => {
    await run(to)
    refreshConnections() // main remembers a database copied into
  }
  return (
    <Stack gap="md">
      <TableNamesLine info={info} />
      <Fieldset variant="unstyled" disabled={copying}>
        <CopyTargetForm target={target} />
      </Fieldset>
      {(phase.kind === 'failed' || phase.kind === 'stopped') && sameTarget(phase.to, request) && <CopyEndNotice phase={phase} />}
      {copying ? (
        <CopyProgress done={phase.done} total={phase.total} cancelling={phase.cancelling} cancel={() => void cancel()} />
      ) : (
        <ModalActions>
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          {target.mode === 'postgres' && (
            <Button variant="light" onClick={() => void postgres.test()} loading={testing} disabled={!postgres.complete || testing}>
              Test connection
            </Button>
          )}
          <Button onClick={() => request && void copy(request)} disabled={!target.ready || !request || testing} data-testid="copy-start">
            Copy
          </Button>
        </ModalActions>
      )}
    </Stack>
  )
}

/** The dialog, mounted once beside the app's other dialogs, for the active store; it cannot be closed while a copy runs. */
export function CopyStoreModal(): ReactNode {
  const { active } = useWorkspace()
  const storeId = active?.info.storeId ?? ''
  const [opened, setOpened] = useViewState(storeId, REQUEST)
  const [copying, setCopying] = useState(false)
  if (!active) return null
  const close = (): void => setOpened(false)
  return (
    <Modal
      opened={opened}
      onClose={() => !copying && close()}
      closeOnEscape={!copying}
      closeOnClickOutside={!copying}
      withCloseButton={!copying}
      title={`Copy ${storeName(active.info)} to…`}
      size="lg"
      centered
      data-testid="copy-modal"
    >
      <CopyDialog key={storeId} info={active.info} close={close} busy={setCopying} />
    </Modal>
  )
}
