/**
 * File ▸ New store: where the file goes and which table names it uses (the
 * library's defaults, its own tests' singular names, or custom ones).
 */
import { useState, type ReactNode } from 'react'
import { Button, Code, Group, Modal, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { DEFAULT_TABLES, SINGULAR_TABLES, libraryTableNames, type TableNames } from '../../../shared/domain'
import type { ChosenLocation } from '../../../shared/ipc/types'
import { call } from '../../ipc/client'
import { notifyError } from '../../ui/notify'
import { IconFolderOpen } from '../../ui/icons'
import { TABLE_ROLES as ROLES, tableNamesProblem } from './table-names'
import { useWorkspace } from '../../workspace/WorkspaceProvider'
import { ModalActions } from '../../ui/modal/ModalActions'

type Preset = 'readme' | 'singular' | 'custom'
const PRESETS: Record<Exclude<Preset, 'custom'>, TableNames> = { readme: DEFAULT_TABLES, singular: SINGULAR_TABLES }
function NewStoreForm(): ReactNode {
  const { createStore, showNewStore } = useWorkspace()
  const [file, setFile] = useState<ChosenLocation | null>(null)
  const [preset, setPreset] = useState<Preset>('readme')
  const [tables, setTables] = useState<TableNames>(DEFAULT_TABLES)
  const [busy, setBusy] = useState(false)
  // Dashes become underscores, as the library names tables (`:my-events` is `my_events`).
  const created = libraryTableNames(tables)
  const problem = tableNamesProblem(created)

  const choosePath = async (): Promise<void> => {
    try {
      const chosen = await call('dialog:new-store', {})
      if (chosen) setFile(chosen)
    } catch (e) {
      notifyError('Could not show the Save dialog', e)
    }
  }
  const applyPreset = (value: string): void => {
    setPreset(value as Preset)
    if (value !== 'custom') setTables(PRESETS[value as Exclude<Preset, 'custom'>])
  }
  const create = async (): Promise<void> => {
    if (!file || problem) return
    setBusy(true)
    await createStore(file, created)
    setBusy(false)
  }

  return (
    <Stack>
      <div>
        <Text size="sm" fw={500} mb={4}>
          File
        </Text>
        <Group wrap="nowrap">
          <Code style={{ flex: 1, wordBreak: 'break-all' }} data-testid="new-store-path">
            {file?.path ?? 'No file chosen yet'}
          </Code>
          <Button variant="default" leftSection={<IconFolderOpen />} onClick={() => void choosePath()} data-autofocus>
            Choose…
          </Button>
        </Group>
      </div>
      <div>
        <Text size="sm" fw={500} mb={4}>
          Table names
        </Text>
        <SegmentedControl
          fullWidth
          value={preset}
          onChange={applyPreset}
          data={[
            { value: 'readme', label: 'events, actions, …' },
            { value: 'singular', label: 'event, action, …' },
            { value: 'custom', label: 'Custom' }
          ]}
        />
      </div>
      <SimpleGrid cols={2}>
        {ROLES.map((role) => (
          <TextInput
            key={role}
            label={`${role[0].toUpperCase()}${role.slice(1)} table`}
            value={tables[role]}
            onChange={(e) => {
              const value = e.currentTarget.value
              setPreset('custom')
              setTables((t) => ({ ...t, [role]: value }))
            }}
          />
        ))}
      </SimpleGrid>
      {problem && (
        <Text c="red" size="sm" role="alert">
          {problem}
        </Text>
      )}
      {!problem && ROLES.some((role) => created[role] !== tables[role]) && (
        <Text size="sm" data-testid="snake-tables">
          Dashes become underscores, as in the library: the tables are <Code>{ROLES.map((role) => created[role]).join(', ')}</Code>.
        </Text>
      )}
      <Text size="xs" c="dimmed">
        The tables are created exactly as the library's <Code>init-schema</Code> creates them. The new store opens read-only.
      </Text>
      <ModalActions>
        <Button variant="default" onClick={() => showNewStore(false)}>
          Cancel
        </Button>
        <Button onClick={() => void create()} disabled={!file || problem !== null} loading={busy}>
          Create store
        </Button>
      </ModalActions>
    </Stack>
  )
}

/** The New store modal. */
export function NewStoreModal(): ReactNode {
  const { newStoreOpen, showNewStore } = useWorkspace()
  return (
    <Modal opened={newStoreOpen} onClose={() => showNewStore(false)} title="New store" centered size="lg">
      {newStoreOpen && <NewStoreForm />}
    </Modal>
  )
}
