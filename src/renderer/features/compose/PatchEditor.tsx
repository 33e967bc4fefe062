/**
 * The patch as a form: `:assoc` rows (a key or key path, and its new value)
 * and `:dissoc` keys, every key and value an EDN editor with its messages.
 */
import type { ReactNode } from 'react'
import { ActionIcon, Button, Group, Stack, Text, Tooltip } from '@mantine/core'
import type { ComposeForm, FieldDiagnostic } from '../../../shared/compose'
import { EdnEditor } from '../../ui/edn-editor/EdnEditor'
import { FieldMessages, marks } from './Field'
import { at } from './form-state'

/** Props of `PatchEditor`. */
export interface PatchEditorProps {
  readonly form: ComposeForm
  readonly onChange: (change: Pick<ComposeForm, 'assoc'> | Pick<ComposeForm, 'dissoc'>) => void
  readonly diagnostics: readonly FieldDiagnostic[]
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }): ReactNode {
  return (
    <Tooltip label={label} withArrow>
      <ActionIcon variant="subtle" color="gray" aria-label={label} onClick={onClick} mt={4}>
        ×
      </ActionIcon>
    </Tooltip>
  )
}

const invalid = (list: readonly FieldDiagnostic[]): boolean => list.some((d) => d.severity === 'error')

/** The patch form. */
export function PatchEditor({ form, onChange, diagnostics }: PatchEditorProps): ReactNode {
  const setAssoc = (index: number, part: 'key' | 'value', text: string): void =>
    onChange({ assoc: form.assoc.map((row, i) => (i === index ? { ...row, [part]: text } : row)) })
  const setDissoc = (index: number, text: string): void => onChange({ dissoc: form.dissoc.map((key, i) => (i === index ? text : key)) })
  return (
    <Stack gap="xs" data-testid="patch-editor">
      <Text size="sm" fw={600}>
        Patch
        <Text span size="xs" c="dimmed" ml={6}>
          the library applies :assoc first, then :dissoc
        </Text>
      </Text>
      <Text size="xs" fw={500} c="dimmed">
        Set (:assoc) — a keyword such as :title, or a path such as [:address :city], and its new value
      </Text>
      {form.assoc.map((row, index) => {
        const keyMessages = at(diagnostics, `assoc.${index}.key`)
        const valueMessages = at(diagnostics, `assoc.${index}.value`)
        return (
          <Stack gap={2} key={index} data-testid={`assoc-row-${index}`}>
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <div style={{ flex: '0 0 34%', minWidth: 0 }}>
                <EdnEditor value={row.key} onChange={(text) => setAssoc(index, 'key', text)} ariaLabel={`Key of row ${index + 1}`} placeholder=":title" diagnostics={marks(keyMessages)} invalid={invalid(keyMessages)} />
              </div>
              <div style={{ flex: 1, minWidth: 0 }}>
                <EdnEditor value={row.value} onChange={(text) => setAssoc(index, 'value', text)} ariaLabel={`Value of row ${index + 1}`} placeholder={'"Dune"'} diagnostics={marks(valueMessages)} invalid={invalid(valueMessages)} />
              </div>
              <RemoveButton label={`Remove row ${index + 1}`} onClick={() => onChange({ assoc: form.assoc.filter((_, i) => i !== index) })} />
            </Group>
            <FieldMessages field={`assoc.${index}.key`} diagnostics={keyMessages} />
            <FieldMessages field={`assoc.${index}.value`} diagnostics={valueMessages} />
          </Stack>
        )
      })}
      <Group>
        <Button size="compact-sm" variant="light" onClick={() => onChange({ assoc: [...form.assoc, { key: '', value: '' }] })}>
          Add a key to set
        </Button>
      </Group>
      <Text size="xs" fw={500} c="dimmed" mt={4}>
        Remove (:dissoc) — keys or paths to remove
      </Text>
      {form.dissoc.length === 0 && (
        <Text size="xs" c="dimmed">
          No keys are removed.
        </Text>
      )}
      {form.dissoc.map((key, index) => {
        const messages = at(diagnostics, `dissoc.${index}`)
        return (
          <Stack gap={2} key={index} data-testid={`dissoc-row-${index}`}>
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <div style={{ flex: 1, minWidth: 0 }}>
                <EdnEditor value={key} onChange={(text) => setDissoc(index, text)} ariaLabel={`Key to remove ${index + 1}`} placeholder=":draft" diagnostics={marks(messages)} invalid={invalid(messages)} />
              </div>
              <RemoveButton label={`Keep key ${index + 1}`} onClick={() => onChange({ dissoc: form.dissoc.filter((_, i) => i !== index) })} />
            </Group>
            <FieldMessages field={`dissoc.${index}`} diagnostics={messages} />
          </Stack>
        )
      })}
      <Group>
        <Button size="compact-sm" variant="light" onClick={() => onChange({ dissoc: [...form.dissoc, ''] })}>
          Add a key to remove
        </Button>
      </Group>
      <FieldMessages field="patch" diagnostics={at(diagnostics, 'patch')} />
    </Stack>
  )
}
