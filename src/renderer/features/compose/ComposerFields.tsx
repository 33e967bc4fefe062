/**
 * What the composer edits: the form's fields (timestamp, source, reason, then
 * an action's actor, aggregate, patch and triggers, or an effect's trigger),
 * with the store's known identities as completions, or the whole event as
 * raw EDN.
 */
import type { ReactNode } from 'react'
import { Grid, SimpleGrid, Stack, Text } from '@mantine/core'
import type { ComposeForm, FieldDiagnostic, IdentityRole } from '../../../shared/compose'
import { call } from '../../ipc/client'
import { EdnEditor, type EdnCompletion } from '../../ui/edn-editor/EdnEditor'
import { EdnField, FieldMessages, marks } from './Field'
import { at } from './form-state'
import { PatchEditor } from './PatchEditor'
import { TimestampField } from './TimestampField'

function completer(storeId: string, role: IdentityRole): (text: string) => Promise<readonly EdnCompletion[]> {
  return async (text) => {
    const found = await call('store:known-identities', { storeId, role, prefix: text, limit: 30 })
    return found.map((identity) => ({ text: identity.text, detail: `${identity.count.toLocaleString('en-US')} ${role === 'trigger' ? 'events' : 'actions'}` }))
  }
}

/** Props of the form: the form, its shown diagnostics, and how it changes. */
export interface ComposerFormProps {
  readonly storeId: string
  readonly form: ComposeForm
  readonly diagnostics: readonly FieldDiagnostic[]
  change(part: Partial<ComposeForm>): void
  readonly nowAtCommit: boolean
  setNowAtCommit(value: boolean): void
}

/** The event as a form, one EDN field per key. */
export function ComposerForm({ storeId, form, diagnostics, change, nowAtCommit, setNowAtCommit }: ComposerFormProps): ReactNode {
  return (
    <>
      <Grid gap="sm" columns={24}>
        <Grid.Col span={{ base: 24, md: 14 }}>
          <TimestampField value={form.timestamp} onChange={(timestamp) => change({ timestamp })} nowAtCommit={nowAtCommit} setNowAtCommit={setNowAtCommit} diagnostics={at(diagnostics, 'timestamp')} />
        </Grid.Col>
        <Grid.Col span={{ base: 24, md: 5 }}>
          <EdnField field="source" label="Source" value={form.source} onChange={(source) => change({ source })} diagnostics={at(diagnostics, 'source')} placeholder=":bookstore" />
        </Grid.Col>
        <Grid.Col span={{ base: 24, md: 5 }}>
          <EdnField field="reason" label="Reason" value={form.reason} onChange={(reason) => change({ reason })} diagnostics={at(diagnostics, 'reason')} placeholder={form.type === 'action' ? ':update' : ':key-expired'} />
        </Grid.Col>
      </Grid>
      {form.type === 'action' ? (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            <EdnField field="actor" label="Actor" hint="who acts, [kind id]" value={form.actor} onChange={(actor) => change({ actor })} diagnostics={at(diagnostics, 'actor')} placeholder={'[:user "alice"]'} complete={completer(storeId, 'actor')} />
            <EdnField field="aggregate" label="Aggregate" hint="what changes, [kind id]" value={form.aggregate} onChange={(aggregate) => change({ aggregate })} diagnostics={at(diagnostics, 'aggregate')} placeholder={'[:book "Dune"]'} complete={completer(storeId, 'aggregate')} />
          </SimpleGrid>
          <PatchEditor form={form} onChange={change} diagnostics={diagnostics} />
          <EdnField field="triggers" label="Triggers" hint="optional: identities an effect may later reach this action through" value={form.triggers} onChange={(triggers) => change({ triggers })} diagnostics={at(diagnostics, 'triggers')} placeholder="#{[:encryption-key 1]}" />
        </>
      ) : (
        <EdnField field="trigger" label="Trigger" hint="the identity whose actions this effect reaches" value={form.trigger} onChange={(trigger) => change({ trigger })} diagnostics={at(diagnostics, 'trigger')} placeholder="[:encryption-key 1]" complete={completer(storeId, 'trigger')} />
      )}
      <FieldMessages field="event" diagnostics={at(diagnostics, 'event')} />
    </>
  )
}

/** The whole event as one EDN map in a code editor, its problems marked. */
export function RawEventEditor({ raw, setRaw, diagnostics, invalid }: { raw: string; setRaw(text: string): void; diagnostics: readonly FieldDiagnostic[]; invalid: boolean }): ReactNode {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        The event as EDN
        <Text span size="xs" c="dimmed" ml={6}>
          one map, without :seq-no (the store gives it one)
        </Text>
      </Text>
      <EdnEditor value={raw} onChange={setRaw} ariaLabel="Raw event EDN" minLines={8} diagnostics={marks(at(diagnostics, 'raw'))} invalid={invalid} testId="field-raw" />
      <FieldMessages field="raw" diagnostics={at(diagnostics, 'raw')} />
    </Stack>
  )
}
