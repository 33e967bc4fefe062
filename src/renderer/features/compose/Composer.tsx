/**
 * The composer: one new action or effect, as a form (every value EDN in a
 * code editor) or as the whole event in raw EDN, validated live with the
 * library's rules. A valid event is staged (or replaces the staged event
 * being edited).
 */
import { useEffect, useState, type ReactNode } from 'react'
import { Alert, Button, Grid, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core'
import type { ComposeForm, ComposeInput, IdentityRole } from '../../../shared/compose'
import type { StoreTab } from '../../workspace/workspace-state'
import { call, messageOf } from '../../ipc/client'
import { EdnEditor, type EdnCompletion } from '../../ui/edn-editor/EdnEditor'
import { EdnField, FieldMessages, marks } from './Field'
import { at, emptyForm, formToRawText, shownDiagnostics, useComposerState } from './form-state'
import { PatchEditor } from './PatchEditor'
import { TimestampField } from './TimestampField'
import { canRestamp } from './timestamps'
import { getStaging, replaceStagedEvent, stageEvent, startBatch } from './staging'
import { useValidation, validateNow } from './useValidation'

function completer(storeId: string, role: IdentityRole): (text: string) => Promise<readonly EdnCompletion[]> {
  return async (text) => {
    const found = await call('store:known-identities', { storeId, role, prefix: text, limit: 30 })
    return found.map((identity) => ({ text: identity.text, detail: `${identity.count.toLocaleString('en-US')} ${role === 'trigger' ? 'events' : 'actions'}` }))
  }
}

/** The composer for the store of `tab`. */
export function Composer({ tab }: { tab: StoreTab }): ReactNode {
  const storeId = tab.info.storeId
  const state = useComposerState(storeId)
  const { mode, setMode, raw, setRaw, editing, setEditing, setForm, touched, setTouched } = state
  const [initialForm] = useState(() => emptyForm(Date.now()))
  const form = state.storedForm ?? initialForm
  const [switchProblem, setSwitchProblem] = useState<string | null>(null)
  const input: ComposeInput = mode === 'form' ? { form } : { raw }
  const validation = useValidation(storeId, input)
  const allDiagnostics = validation.result?.diagnostics ?? []
  const diagnostics = mode === 'form' ? shownDiagnostics(form, allDiagnostics, touched) : allDiagnostics
  const errors = diagnostics.filter((d) => d.severity === 'error')
  const hiddenErrors = allDiagnostics.filter((d) => d.severity === 'error').length - errors.length
  const ready = !validation.pending && validation.result?.edn != null && errors.length === 0 && hiddenErrors === 0
  const editingIndex = editing === null ? -1 : getStaging(storeId).events.findIndex((e) => e.id === editing)

  useEffect(() => startBatch(storeId, tab.info.seqNo), [storeId, tab.info.seqNo])

  const change = (part: Partial<ComposeForm>): void => {
    setForm({ ...form, ...part })
    const fields = Object.keys(part).map((key) => (key === 'assoc' || key === 'dissoc' ? 'patch' : key))
    if (fields.some((field) => !touched.includes(field))) setTouched([...new Set([...touched, ...fields])])
  }

  const toRaw = (): void => {
    setRaw(validation.result?.edn && !validation.pending ? validation.result.edn : formToRawText(form))
    setSwitchProblem(null)
    setMode('raw')
  }

  const toForm = async (): Promise<void> => {
    try {
      const result = await validateNow(storeId, { raw })
      if (result.form === null) {
        setSwitchProblem(result.formProblem ?? 'The form cannot show this event.')
        return
      }
      setForm(result.form)
      setSwitchProblem(null)
      setMode('form')
    } catch (e) {
      setSwitchProblem(messageOf(e))
    }
  }

  const reset = (): void => {
    setForm(emptyForm(Date.now(), { type: form.type, source: form.source, actor: form.actor }))
    setRaw('')
    setEditing(null)
    setSwitchProblem(null)
    setTouched([])
  }

  const stage = (): void => {
    const edn = validation.result?.edn
    if (!ready || !edn) return
    startBatch(storeId, tab.info.seqNo)
    const stampAtCommit = mode === 'form' && state.nowAtCommit && canRestamp(edn)
    if (editing !== null && editingIndex >= 0) replaceStagedEvent(storeId, editing, edn, stampAtCommit)
    else stageEvent(storeId, edn, undefined, stampAtCommit)
    reset()
  }

  const status = validation.error
    ? `The event could not be checked: ${validation.error}`
    : validation.pending || validation.result === null
      ? 'Checking…'
      : errors.length > 0
        ? `Fix the ${errors.length === 1 ? 'problem' : `${errors.length} problems`} marked in red to stage this event.`
        : hiddenErrors > 0
          ? 'Fill in the fields to compose an event; each one is checked as you type.'
          : 'The event is valid and can be staged.'

  return (
    <Paper withBorder p="md" radius="md" data-testid="composer">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600}>{editingIndex >= 0 ? `Editing staged event ${editingIndex + 1}` : 'New event'}</Text>
          <Group gap="xs">
            {mode === 'form' && (
              <SegmentedControl
                size="xs"
                aria-label="Event type"
                value={form.type}
                onChange={(value) => change({ type: value as ComposeForm['type'] })}
                data={[{ value: 'action', label: 'Action' }, { value: 'effect', label: 'Effect' }]}
              />
            )}
            <SegmentedControl
              size="xs"
              aria-label="Editing mode"
              value={mode}
              onChange={(value) => (value === 'raw' ? toRaw() : void toForm())}
              data={[{ value: 'form', label: 'Form' }, { value: 'raw', label: 'Raw EDN' }]}
            />
          </Group>
        </Group>

        {mode === 'form' ? (
          <>
            <Grid gap="sm" columns={24}>
              <Grid.Col span={{ base: 24, md: 14 }}>
                <TimestampField value={form.timestamp} onChange={(timestamp) => change({ timestamp })} nowAtCommit={state.nowAtCommit} setNowAtCommit={state.setNowAtCommit} diagnostics={at(diagnostics, 'timestamp')} />
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
        ) : (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              The event as EDN
              <Text span size="xs" c="dimmed" ml={6}>
                one map, without :seq-no (the store gives it one)
              </Text>
            </Text>
            <EdnEditor value={raw} onChange={setRaw} ariaLabel="Raw event EDN" minLines={8} diagnostics={marks(at(diagnostics, 'raw'))} invalid={errors.length > 0} testId="field-raw" />
            <FieldMessages field="raw" diagnostics={at(diagnostics, 'raw')} />
          </Stack>
        )}
        {switchProblem && (
          <Alert color="orange" variant="light" data-testid="switch-problem">
            {switchProblem}
          </Alert>
        )}
        <Group justify="space-between" wrap="nowrap" align="center">
          <Text size="sm" c={errors.length > 0 || validation.error ? 'red' : 'dimmed'} data-testid="compose-status">
            {status}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Button variant="default" onClick={reset}>
              {editingIndex >= 0 ? 'Cancel editing' : 'Clear'}
            </Button>
            <Button onClick={stage} disabled={!ready} data-testid="stage-button">
              {editingIndex >= 0 ? `Save staged event ${editingIndex + 1}` : 'Stage event'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  )
}

/** Load staged event `id` into the composer (as raw EDN, switching to the form when it can show it). */
export async function editStagedEvent(
  storeId: string,
  id: string,
  edn: string,
  state: Pick<ReturnType<typeof useComposerState>, 'setForm' | 'setRaw' | 'setMode' | 'setEditing'>
): Promise<void> {
  state.setEditing(id)
  state.setRaw(edn)
  try {
    const result = await validateNow(storeId, { raw: edn })
    if (result.form !== null) {
      state.setForm(result.form)
      state.setMode('form')
      return
    }
  } catch {
    // The raw editor shows the event and whatever is wrong with it.
  }
  state.setMode('raw')
}
