/**
 * The composer's behaviour, apart from how it looks: the form or raw text
 * being edited (kept per store), its live validation and what of it to show,
 * switching between form and raw EDN, clearing, and staging a valid event
 * (or saving the staged event being edited).
 */
import { useEffect, useState } from 'react'
import type { ComposeForm, ComposeInput } from '../../../shared/compose'
import type { StoreTab } from '../../workspace/workspace-state'
import { messageOf } from '../../ipc/client'
import { emptyForm, formToRawText, shownDiagnostics, useComposerState } from './form-state'
import { canRestamp } from './timestamps'
import { getStaging, replaceStagedEvent, stageEvent, startBatch } from './staging'
import { useValidation, validateNow } from './useValidation'
import { useConnectionLost } from '../../ui/connection-lost'

/** The one line under the composer: what stops staging, or that the event can be staged. */
function statusText(validation: ReturnType<typeof useValidation>, errors: number, hiddenErrors: number, mode: string, lost: boolean): string {
  if (validation.error) return `The event could not be checked: ${validation.error}`
  if ((validation.pending || validation.result === null) && lost) return 'Reconnect to check the event.'
  if (validation.pending || validation.result === null) return 'Checking…'
  if (errors > 0) return `Fix the ${errors === 1 ? 'problem' : `${errors} problems`} marked in red to stage this event.`
  if (hiddenErrors > 0 && mode !== 'form') return 'Write the event as one EDN map; it is checked as you type.'
  if (hiddenErrors > 0) return 'Fill in the fields to compose an event; each one is checked as you type.'
  return 'The event is valid and can be staged.'
}

/** The composer of the store of `tab`: its state, what to show, and its actions. */
export function useComposer(tab: StoreTab) {
  const storeId = tab.info.storeId
  const state = useComposerState(storeId)
  const { mode, setMode, raw, setRaw, editing, setEditing, setForm, touched, setTouched } = state
  const [initialForm] = useState(() => emptyForm(Date.now()))
  const form = state.storedForm ?? initialForm
  const [switchProblem, setSwitchProblem] = useState<string | null>(null)
  const input: ComposeInput = mode === 'form' ? { form } : { raw }
  const lost = useConnectionLost()
  const validation = useValidation(storeId, input, lost)
  // The marks of older input are not shown as this input's while the connection is lost (its check waits for Reconnect).
  const allDiagnostics = validation.pending && lost ? [] : (validation.result?.diagnostics ?? [])
  // An empty raw editor is not yet wrong: nothing is marked until something is typed (staging stays off).
  const diagnostics = mode === 'form' ? shownDiagnostics(form, allDiagnostics, touched) : raw.trim() === '' ? [] : allDiagnostics
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

  const status = statusText(validation, errors.length, hiddenErrors, mode, lost)
  return { state, form, diagnostics, errors, ready, editingIndex, switchProblem, status, checkFailed: Boolean(validation.error), change, toRaw, toForm, reset, stage }
}
