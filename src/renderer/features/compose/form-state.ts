/**
 * The composer's own state per store (form, raw text, mode, which staged
 * event is being edited), kept in view state so it survives tab switches,
 * and the text helpers around it.
 */
import type { ComposeForm, FieldDiagnostic } from '../../../shared/compose'
import { useViewState, viewKey } from '../../workspace/view-state'

/** `#inst` text of an instant, as Clojure prints it. */
export function instText(ms: number): string {
  return `#inst "${new Date(ms).toISOString().replace('Z', '-00:00')}"`
}

/** A new, empty action stamped with `nowMs`; `keep` carries over fields worth keeping (source, actor). */
export function emptyForm(nowMs: number, keep: Partial<Pick<ComposeForm, 'type' | 'source' | 'actor'>> = {}): ComposeForm {
  return {
    type: keep.type ?? 'action',
    timestamp: instText(nowMs),
    source: keep.source ?? '',
    reason: '',
    actor: keep.actor ?? '',
    aggregate: '',
    triggers: '',
    trigger: '',
    assoc: [{ key: '', value: '' }],
    dissoc: []
  }
}

const blank = (text: string): boolean => text.trim() === ''

/**
 * The form's event as EDN text, field texts put in place as written (fields
 * left empty are left out). Used when switching to raw EDN while the form
 * still has errors, so nothing typed is lost.
 */
export function formToRawText(form: ComposeForm): string {
  const entries: string[] = []
  const put = (into: string[], key: string, text: string): void => {
    if (!blank(text)) into.push(`:${key} ${text.trim()}`)
  }
  put(entries, 'timestamp', form.timestamp)
  put(entries, 'source', form.source)
  const body: string[] = []
  put(body, 'reason', form.reason)
  if (form.type === 'effect') {
    put(body, 'trigger', form.trigger)
    return `{${entries.join(',\n ')},\n :effect {${body.join(', ')}}}`
  }
  put(body, 'actor', form.actor)
  put(body, 'aggregate', form.aggregate)
  const rows = form.assoc.filter((r) => !blank(r.key) || !blank(r.value)).map((r) => `${r.key.trim()} ${r.value.trim()}`)
  const removed = form.dissoc.filter((d) => !blank(d)).map((d) => d.trim())
  const patch = [...(rows.length > 0 ? [`:assoc {${rows.join(', ')}}`] : []), ...(removed.length > 0 ? [`:dissoc [${removed.join(' ')}]`] : [])]
  body.push(`:patch {${patch.join(', ')}}`)
  entries.push(`:action {${body.join(',\n          ')}}`)
  put(entries, 'triggers', form.triggers)
  return `{${entries.join(',\n ')}}`
}

/** The composer's mode: the form, or the whole event as raw EDN. */
export type ComposeMode = 'form' | 'raw'

const NOTHING_TOUCHED: readonly string[] = []

const COMPOSER_STATE = {
  form: viewKey<ComposeForm | null>('compose.form', null),
  mode: viewKey<ComposeMode>('compose.mode', 'form'),
  raw: viewKey<string>('compose.raw', ''),
  editing: viewKey<string | null>('compose.editing', null),
  touched: viewKey<readonly string[]>('compose.touched', NOTHING_TOUCHED),
  nowAtCommit: viewKey<boolean>('compose.nowAtCommit', true)
} as const

/** The composer's state of `storeId`. */
export function useComposerState(storeId: string) {
  const [storedForm, setForm] = useViewState(storeId, COMPOSER_STATE.form)
  const [mode, setMode] = useViewState(storeId, COMPOSER_STATE.mode)
  const [raw, setRaw] = useViewState(storeId, COMPOSER_STATE.raw)
  const [editing, setEditing] = useViewState(storeId, COMPOSER_STATE.editing)
  const [touched, setTouched] = useViewState(storeId, COMPOSER_STATE.touched)
  const [nowAtCommit, setNowAtCommit] = useViewState(storeId, COMPOSER_STATE.nowAtCommit)
  return { storedForm, setForm, mode, setMode, raw, setRaw, editing, setEditing, touched, setTouched, nowAtCommit, setNowAtCommit }
}


/** The text of a form field by its diagnostic field name ('' for whole-event fields). */
function fieldText(form: ComposeForm, field: string): string {
  const row = /^assoc\.(\d+)\.(key|value)$/.exec(field)
  if (row) return form.assoc[Number(row[1])]?.[row[2] as 'key' | 'value'] ?? ''
  const removed = /^dissoc\.(\d+)$/.exec(field)
  if (removed) return form.dissoc[Number(removed[1])] ?? ''
  const value = (form as unknown as Record<string, unknown>)[field]
  return typeof value === 'string' ? value : ''
}

/**
 * The diagnostics worth showing now: a fresh form does not shout "missing"
 * at every empty field. A message shows once its field holds text or was
 * edited (the patch: once any row was edited).
 */
export function shownDiagnostics(form: ComposeForm, diagnostics: readonly FieldDiagnostic[], touched: readonly string[]): FieldDiagnostic[] {
  return diagnostics.filter((d) => {
    if (d.field === 'event' || d.field === 'raw') return true
    if (d.field === 'patch') return touched.includes('patch')
    return touched.includes(d.field) || fieldText(form, d.field).trim() !== ''
  })
}

/** The diagnostics at `field`. */
export function at(diagnostics: readonly FieldDiagnostic[], field: string): FieldDiagnostic[] {
  return diagnostics.filter((d) => d.field === field)
}
