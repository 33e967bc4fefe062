/**
 * Live validation of a composed event with exactly the library's rules
 * (`parseNewEvents`, which applies `validatePatch`, and `patchWarnings`),
 * each message moved to the composer field it concerns and worded for it.
 */
import type { ComposeField, ComposeForm, ComposeInput, ComposeValidation, FieldDiagnostic } from '../../../shared/compose'
import type { EdnValue } from '../../../shared/edn-value'
import { edn } from '../../../shared/edn-value'
import { getByKeyword } from '../domain/clojure-seq'
import { parseNewEvents, patchWarnings } from '../domain'
import { printEdn, readEdn, EdnParseError } from '../edn'
import { FieldDiagnostics, parseDiagnostic } from './fields'
import { eventToForm, formToEvent, type BuiltEvent } from './form'
import { eventSummary } from './summary'

/** Leading paths of the library's messages, and how a field names them. Longest first. */
const FIELD_NAMES: readonly (readonly [path: string, field: ComposeField | null, name: string])[] = [
  [':action :patch :assoc', null, ':assoc'],
  [':action :patch :dissoc', null, ':dissoc'],
  [':action :patch', 'patch', 'The patch'],
  [':action :reason', 'reason', 'The reason'],
  [':effect :reason', 'reason', 'The reason'],
  [':action :actor', 'actor', 'The actor'],
  [':action :aggregate', 'aggregate', 'The aggregate'],
  [':effect :trigger', 'trigger', 'The trigger'],
  [':action', 'event', 'The action'],
  [':effect', 'event', 'The effect'],
  [':timestamp', 'timestamp', 'The timestamp'],
  [':source', 'source', 'The source'],
  [':triggers', 'triggers', 'The triggers']
]

const EVENT_PREFIX = /^Event 1(: | )/

/** The path and message of a library error about event 1, without the event prefix. */
function relative(path: string, message: string): { path: string; message: string } {
  return {
    path: path.replace(/^\[0\] ?/, ''),
    message: message.replace(EVENT_PREFIX, (_match, sep: string) => (sep === ' ' ? 'The event ' : ''))
  }
}

/** Which form field a library error path (relative to the event) concerns. */
function fieldOf(path: string, built: BuiltEvent, form: ComposeForm): ComposeField {
  const assoc = ':action :patch :assoc '
  const dissoc = /^:action :patch :dissoc \[(\d+)\]/
  if (path.startsWith(assoc)) {
    const key = path.slice(assoc.length)
    const row = built.assocRows.find((index) => printKey(form.assoc[index].key) === key)
    return row === undefined ? 'patch' : `assoc.${row}.key`
  }
  const removed = dissoc.exec(path)
  if (removed) {
    const row = built.dissocRows[Number(removed[1])]
    return row === undefined ? 'patch' : `dissoc.${row}`
  }
  for (const [prefix, field] of FIELD_NAMES) {
    if (field !== null && (path === prefix || path.startsWith(`${prefix} `))) return field
  }
  return 'event'
}

function printKey(text: string): string {
  try {
    return printEdn(readEdn(text))
  } catch {
    return text
  }
}

/** A library message worded for its field: `:action :actor must be …` → `The actor must be …`. */
function forField(message: string): string {
  for (const [prefix, , name] of FIELD_NAMES) {
    if (message.startsWith(`${prefix} `)) return name + message.slice(prefix.length)
  }
  return message
}

function patchOf(event: EdnValue): EdnValue | undefined {
  if (event.t !== 'map') return undefined
  const action = getByKeyword(event, 'action')
  return action?.t === 'map' ? getByKeyword(action, 'patch') : undefined
}

/** The library's errors and warnings for one event map, with paths relative to the event. */
function libraryDiagnostics(event: EdnValue): { errors: { path: string; message: string }[]; warnings: { path: string; message: string }[] } {
  const parsed = parseNewEvents(edn.vec([event]))
  const errors = parsed.ok ? [] : parsed.errors.map((e) => relative(e.path, e.message))
  const patch = patchOf(event)
  const warnings = patch === undefined ? [] : patchWarnings(patch).map((w) => ({ path: `:action :patch ${w.path}`, message: w.message }))
  return { errors, warnings }
}

function validateForm(form: ComposeForm): ComposeValidation {
  const out = new FieldDiagnostics()
  const built = formToEvent(form, out)
  const rowsBroken = out.list.some((d) => d.field.startsWith('assoc.') || d.field.startsWith('dissoc.'))
  const { errors, warnings } = libraryDiagnostics(built.event)
  for (const error of errors) {
    const field = fieldOf(error.path, built, form)
    // A field that did not parse is reported once, as a parse error, not also as missing.
    if (out.hasError(field) || (field === 'patch' && rowsBroken)) continue
    out.error(field, forField(error.message))
  }
  for (const warning of warnings) out.warning(fieldOf(warning.path, built, form), forField(warning.message))
  const ok = !out.anyError
  return { diagnostics: out.list, edn: ok ? printEdn(built.event) : null, form, formProblem: null, summary: ok ? eventSummary(built.event) : null }
}

function validateRaw(raw: string): ComposeValidation {
  let value: EdnValue
  try {
    value = readEdn(raw)
  } catch (e) {
    if (!(e instanceof EdnParseError)) throw e
    const diagnostic = raw.trim() === ''
      ? { field: 'raw' as const, severity: 'error' as const, message: 'Write one event as an EDN map, such as {:timestamp #inst "…", :source :bookstore, :action {…}}.' }
      : parseDiagnostic('raw', raw, e)
    return { diagnostics: [diagnostic], edn: null, form: null, formProblem: 'The form can show the event once the text is valid EDN.' }
  }
  const { errors, warnings } = libraryDiagnostics(value)
  const diagnostics: FieldDiagnostic[] = [
    ...errors.map((e) => ({ field: 'raw' as const, severity: 'error' as const, message: e.message })),
    ...warnings.map((w) => ({ field: 'raw' as const, severity: 'warning' as const, message: w.message }))
  ]
  const form = eventToForm(value)
  return {
    diagnostics,
    edn: errors.length === 0 ? printEdn(value) : null,
    form: typeof form === 'string' ? null : form,
    formProblem: typeof form === 'string' ? form : null,
    summary: errors.length === 0 ? eventSummary(value) : null
  }
}

/** Validate what the composer holds: the form, or the whole event as raw EDN. */
export function validateCompose(input: ComposeInput): ComposeValidation {
  return 'form' in input ? validateForm(input.form) : validateRaw(input.raw)
}
