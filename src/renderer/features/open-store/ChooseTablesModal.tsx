/** Asks which store to open when a file holds several complete sets of coherence tables. */
import { useState, type ReactNode } from 'react'
import { Button, Code, Modal, Radio, Stack, Text } from '@mantine/core'
import type { TableNames } from '../../../shared/domain'
import { useWorkspace } from '../../workspace/WorkspaceProvider'
import { ModalActions } from '../../ui/modal/ModalActions'

function describe(tables: TableNames): string {
  return `${tables.event}, ${tables.action}, ${tables.effect}, ${tables.trigger}`
}

function Choice({ name, candidates, answer }: { name: string; candidates: readonly TableNames[]; answer: (t: TableNames | null) => void }): ReactNode {
  const [selected, setSelected] = useState('0')
  return (
    <Stack>
      <Text size="sm">
        <Code>{name}</Code> holds more than one set of coherence tables. Which store do you want to open?
      </Text>
      <Radio.Group value={selected} onChange={setSelected} name="table-set" label="Table sets (event, action, effect, trigger)">
        <Stack gap="xs" mt="xs">
          {candidates.map((tables, index) => (
            <Radio key={describe(tables)} value={String(index)} label={<Code>{describe(tables)}</Code>} />
          ))}
        </Stack>
      </Radio.Group>
      <ModalActions>
        <Button variant="default" onClick={() => answer(null)}>
          Cancel
        </Button>
        <Button onClick={() => answer(candidates[Number(selected)] ?? null)} data-autofocus>
          Open
        </Button>
      </ModalActions>
    </Stack>
  )
}

/** The modal; shown while the open flow waits for an answer. */
export function ChooseTablesModal(): ReactNode {
  const { choice } = useWorkspace().opener
  return (
    <Modal opened={choice !== null} onClose={() => choice?.answer(null)} title="Choose the tables" centered>
      {choice && <Choice key={choice.path} name={choice.name} candidates={choice.candidates} answer={choice.answer} />}
    </Modal>
  )
}
