/** One composer field: label, EDN editor, and its messages as sentences right below it. */
import type { ReactNode } from 'react'
import { Stack, Text } from '@mantine/core'
import type { FieldDiagnostic } from '../../../shared/compose'
import { EdnEditor, type EdnCompletion, type EdnDiagnostic } from '../../ui/edn-editor/EdnEditor'

/** The messages of one field (errors first), each a sentence. */
export function FieldMessages({ field, diagnostics }: { field: string; diagnostics: readonly FieldDiagnostic[] }): ReactNode {
  if (diagnostics.length === 0) return null
  const sorted = [...diagnostics].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
  return (
    <Stack gap={2} data-testid={`message-${field}`}>
      {sorted.map((d, index) => (
        <Text key={index} size="xs" c={d.severity === 'error' ? 'red' : 'orange'} role={d.severity === 'error' ? 'alert' : undefined}>
          {d.severity === 'warning' ? 'Warning: ' : ''}
          {d.message}
        </Text>
      ))}
    </Stack>
  )
}

/** Marks for the editor: parse errors where they are. */
export function marks(diagnostics: readonly FieldDiagnostic[]): EdnDiagnostic[] {
  return diagnostics.flatMap((d) => (d.from === undefined ? [] : [{ from: d.from, to: d.to ?? d.from + 1, severity: d.severity, message: d.message }]))
}

/** Props of `EdnField`. */
export interface EdnFieldProps {
  readonly field: string
  readonly label: string
  readonly hint?: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly diagnostics: readonly FieldDiagnostic[]
  readonly placeholder?: string
  readonly complete?: (text: string) => Promise<readonly EdnCompletion[]>
  readonly minLines?: number
}

/** A labelled EDN field. */
export function EdnField({ field, label, hint, value, onChange, diagnostics, placeholder, complete, minLines }: EdnFieldProps): ReactNode {
  return (
    <Stack gap={4} style={{ minWidth: 0 }}>
      <Text size="sm" fw={500}>
        {label}
        {hint && (
          <Text span size="xs" c="dimmed" ml={6}>
            {hint}
          </Text>
        )}
      </Text>
      <EdnEditor
        value={value}
        onChange={onChange}
        ariaLabel={label}
        diagnostics={marks(diagnostics)}
        invalid={diagnostics.some((d) => d.severity === 'error')}
        placeholder={placeholder}
        complete={complete}
        minLines={minLines}
        testId={`field-${field}`}
      />
      <FieldMessages field={field} diagnostics={diagnostics} />
    </Stack>
  )
}
