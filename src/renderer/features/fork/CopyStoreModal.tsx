/**
 * "Copy to…": the active store, all or nothing, into a new file (main asks
 * where) or an empty PostgreSQL database typed here (URL and password; main
 * validates them like the Connect dialog). The result is one sentence.
 */
import { useState, type ReactNode } from 'react'
import { Alert, Button, Divider, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import type { StoreCopyOutcome } from '../../../shared/fork'
import type { RequestOf } from '../../../shared/ipc/contract'
import { call, messageOf } from '../../ipc/client'
import { IconDatabase, IconFilePlus } from '../../ui/icons'
import { storeName } from '../../ui/format'
import { setViewState, useViewState, viewKey } from '../../workspace/view-state'
import { useWorkspace } from '../../workspace/WorkspaceProvider'

const REQUEST = viewKey<boolean>('copy.request', false)

/** Open the "Copy to…" dialog for the store `storeId`. */
export function requestCopy(storeId: string): void {
  setViewState(storeId, REQUEST, true)
}

type Status = { readonly kind: 'idle' | 'busy' } | { readonly kind: 'done' | 'failed'; readonly text: string }

const sentence = (name: string, outcome: StoreCopyOutcome): string | null =>
  outcome.result === 'cancelled' ? null : `Copied ${outcome.rows} rows of ${name} (seq-no 1–${outcome.seqNo}) to ${outcome.target}.`

/** The dialog, mounted once beside the app's other dialogs, for the active store. */
export function CopyStoreModal(): ReactNode {
  const { active } = useWorkspace()
  const storeId = active?.info.storeId ?? ''
  const [opened, setOpened] = useViewState(storeId, REQUEST)
  const [url, setUrl] = useState('')
  const [password, setPassword] = useState('')
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  if (!active) return null
  const name = storeName(active.info)
  const run = async (to: RequestOf<'store:copy'>['to']): Promise<void> => {
    setStatus({ kind: 'busy' })
    try {
      const text = sentence(name, await call('store:copy', { storeId, to }))
      setStatus(text === null ? { kind: 'idle' } : { kind: 'done', text })
    } catch (e) {
      setStatus({ kind: 'failed', text: messageOf(e) })
    }
  }
  const close = (): void => {
    setOpened(false)
    setStatus({ kind: 'idle' })
  }
  const busy = status.kind === 'busy'
  const form = { via: 'url' as const, url: url.trim(), ...(password ? { password } : {}) }
  return (
    <Modal opened={opened} onClose={close} title={`Copy ${name} to…`} size="md" data-testid="copy-modal">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">Every row is copied in one go; the target must be new or empty, and nothing is left behind when the copy fails.</Text>
        <Button variant="default" leftSection={<IconFilePlus size={16} />} loading={busy} onClick={() => void run({ kind: 'file' })} data-testid="copy-to-file">
          To a new file…
        </Button>
        <Divider label="or to a PostgreSQL database" labelPosition="center" />
        <TextInput label="URL" placeholder="postgresql://user@host:5432/database" value={url} onChange={(e) => setUrl(e.currentTarget.value)} data-testid="copy-url" />
        <PasswordInput label="Password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} data-testid="copy-password" />
        <Group justify="flex-end">
          <Button leftSection={<IconDatabase size={16} />} disabled={url.trim() === ''} loading={busy} onClick={() => void run({ kind: 'postgres', target: { source: 'form', form } })} data-testid="copy-to-postgres">
            To a PostgreSQL database
          </Button>
        </Group>
        {(status.kind === 'done' || status.kind === 'failed') && (
          <Alert color={status.kind === 'done' ? 'teal' : 'red'} data-testid="copy-result">
            {status.text}
          </Alert>
        )}
      </Stack>
    </Modal>
  )
}
