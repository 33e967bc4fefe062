/**
 * The composer's timestamp: "now at commit" by default (the preflight and the
 * commit stamp the event with the time they run), or an explicit `#inst`.
 * The store keeps whole seconds, which the field says where the user types.
 */
import type { ReactNode } from 'react'
import { Group, Paper, Stack, Switch, Text } from '@mantine/core'
import type { FieldDiagnostic } from '../../../shared/compose'
import { EdnField } from './Field'
import { instText } from './form-state'
import { wholeSeconds } from './timestamps'

/** Props of `TimestampField`. */
export interface TimestampFieldProps {
  readonly value: string
  readonly onChange: (timestamp: string) => void
  readonly nowAtCommit: boolean
  readonly setNowAtCommit: (on: boolean) => void
  readonly diagnostics: readonly FieldDiagnostic[]
}

const SECONDS_HINT = 'stored in whole seconds: milliseconds are dropped (the library keeps epoch seconds)'

/** The timestamp field with its "now at commit" switch. */
export function TimestampField({ value, onChange, nowAtCommit, setNowAtCommit, diagnostics }: TimestampFieldProps): ReactNode {
  const toggle = (on: boolean): void => {
    // An explicit time starts from now (whole seconds), not from when the form was last cleared.
    if (!on) onChange(instText(wholeSeconds(Date.now())))
    setNowAtCommit(on)
  }
  const onSwitch = <Switch size="xs" label="Now at commit" checked={nowAtCommit} onChange={(e) => toggle(e.currentTarget.checked)} data-testid="timestamp-now" />
  if (!nowAtCommit) {
    return (
      <Stack gap={2}>
        <EdnField field="timestamp" label="Timestamp" hint={SECONDS_HINT} value={value} onChange={onChange} diagnostics={diagnostics} />
        {onSwitch}
      </Stack>
    )
  }
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Timestamp
      </Text>
      <Paper withBorder radius="sm" px="xs" py={6} data-testid="timestamp-at-commit">
        <Group gap={6} wrap="nowrap">
          <Text size="sm">now at commit</Text>
          <Text size="xs" c="dimmed" truncate="end" title="the time of the preflight and of the commit, in whole seconds">
            (the time of the commit, whole seconds)
          </Text>
        </Group>
      </Paper>
      {onSwitch}
    </Stack>
  )
}
