/**
 * The composer: one new action or effect, as a form (every value EDN in a
 * code editor) or as the whole event in raw EDN, validated live with the
 * library's rules. A valid event is staged (or replaces the staged event
 * being edited). Its behaviour is `useComposer`; its fields `ComposerFields`.
 */
import type { ReactNode } from 'react'
import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core'
import type { ComposeForm } from '../../../shared/compose'
import type { StoreTab } from '../../workspace/workspace-state'
import type { useComposerState } from './form-state'
import { ComposerForm, RawEventEditor } from './ComposerFields'
import { useComposer } from './useComposer'
import { validateNow } from './useValidation'

/** The composer for the store of `tab`. */
export function Composer({ tab }: { tab: StoreTab }): ReactNode {
  const storeId = tab.info.storeId
  const composer = useComposer(tab)
  const { state, form, diagnostics, errors, editingIndex, change } = composer
  const { mode } = state
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
              onChange={(value) => (value === 'raw' ? composer.toRaw() : void composer.toForm())}
              data={[{ value: 'form', label: 'Form' }, { value: 'raw', label: 'Raw EDN' }]}
            />
          </Group>
        </Group>

        {mode === 'form' ? (
          <ComposerForm storeId={storeId} form={form} diagnostics={diagnostics} change={change} nowAtCommit={state.nowAtCommit} setNowAtCommit={state.setNowAtCommit} />
        ) : (
          <RawEventEditor raw={state.raw} setRaw={state.setRaw} diagnostics={diagnostics} invalid={errors.length > 0} />
        )}
        {composer.switchProblem && (
          <Alert color="orange" variant="light" data-testid="switch-problem">
            {composer.switchProblem}
          </Alert>
        )}
        <Group justify="space-between" wrap="nowrap" align="center">
          <Text size="sm" c={errors.length > 0 || composer.checkFailed ? 'red' : 'dimmed'} data-testid="compose-status">
            {composer.status}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Button variant="default" onClick={composer.reset}>
              {editingIndex >= 0 ? 'Cancel editing' : 'Clear'}
            </Button>
            <Button onClick={composer.stage} disabled={!composer.ready} data-testid="stage-button">
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
