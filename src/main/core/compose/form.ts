/**
 * The composer's form and the event it stands for, both ways: `formToEvent`
 * builds the library-shaped event map from the fields (recording field-level
 * problems), `eventToForm` splits an event map back into fields for the raw
 * EDN → form switch.
 */
import type { ComposeForm } from '../../../shared/compose'
import type { EdnMap, EdnValue } from '../../../shared/edn-value'
import { edn } from '../../../shared/edn-value'
import { ednEquals, printEdn } from '../edn'
import { getByKeyword } from '../domain/clojure-seq'
import { FieldDiagnostics, readField } from './fields'

const kw = (name: string): EdnValue => edn.kw(name)

/** An event built from the form, with which assoc/dissoc row each patch entry came from. */
export interface BuiltEvent {
  /** The event map (fields left empty are left out, so the library's rules name them missing). */
  readonly event: EdnMap
  /** Form row index of each `:assoc` entry, in entry order. */
  readonly assocRows: readonly number[]
  /** Form row index of each `:dissoc` item, in item order. */
  readonly dissocRows: readonly number[]
}

function buildPatch(form: ComposeForm, out: FieldDiagnostics): { patch: EdnMap; assocRows: number[]; dissocRows: number[] } {
  const assoc: [EdnValue, EdnValue][] = []
  const assocRows: number[] = []
  form.assoc.forEach((row, index) => {
    if (row.key.trim() === '' && row.value.trim() === '') return
    const key = readField(`assoc.${index}.key`, row.key, out)
    const value = readField(`assoc.${index}.value`, row.value, out)
    if (key === undefined) out.error(`assoc.${index}.key`, 'Give the key this value is set under: a keyword such as :title, or a path such as [:address :city].')
    if (value === undefined) out.error(`assoc.${index}.value`, 'Give the new value as EDN, for example "Dune", 42, nil or {:city "Berlin"}.')
    if (key == null || value == null) return
    const earlier = assoc.findIndex(([other]) => ednEquals(other, key))
    if (earlier >= 0) {
      out.error(`assoc.${index}.key`, `The key ${printEdn(key)} is already set in row ${assocRows[earlier] + 1}; a map holds each key once, so remove one of the rows.`)
      return
    }
    assoc.push([key, value])
    assocRows.push(index)
  })
  const dissoc: EdnValue[] = []
  const dissocRows: number[] = []
  form.dissoc.forEach((text, index) => {
    const key = readField(`dissoc.${index}`, text, out)
    if (key == null) return
    dissoc.push(key)
    dissocRows.push(index)
  })
  const entries: [EdnValue, EdnValue][] = []
  if (assoc.length > 0) entries.push([kw('assoc'), edn.map(assoc)])
  if (dissoc.length > 0) entries.push([kw('dissoc'), edn.vec(dissoc)])
  return { patch: edn.map(entries), assocRows, dissocRows }
}

/** Build the event the form stands for; field problems go to `out`. */
export function formToEvent(form: ComposeForm, out: FieldDiagnostics): BuiltEvent {
  const entries: [EdnValue, EdnValue][] = []
  const put = (into: [EdnValue, EdnValue][], name: string, value: EdnValue | undefined | null): void => {
    if (value != null) into.push([kw(name), value])
  }
  put(entries, 'timestamp', readField('timestamp', form.timestamp, out))
  put(entries, 'source', readField('source', form.source, out))
  const body: [EdnValue, EdnValue][] = []
  put(body, 'reason', readField('reason', form.reason, out))
  if (form.type === 'effect') {
    put(body, 'trigger', readField('trigger', form.trigger, out))
    entries.push([kw('effect'), edn.map(body)])
    return { event: edn.map(entries), assocRows: [], dissocRows: [] }
  }
  put(body, 'actor', readField('actor', form.actor, out))
  put(body, 'aggregate', readField('aggregate', form.aggregate, out))
  const { patch, assocRows, dissocRows } = buildPatch(form, out)
  body.push([kw('patch'), patch])
  entries.push([kw('action'), edn.map(body)])
  put(entries, 'triggers', readField('triggers', form.triggers, out))
  return { event: edn.map(entries), assocRows, dissocRows }
}

const EVENT_KEYS = ['timestamp', 'source', 'action', 'effect', 'triggers']
const BODY_KEYS = { action: ['reason', 'actor', 'aggregate', 'patch'], effect: ['reason', 'trigger'] }

function strangeKeys(map: EdnMap, allowed: readonly string[]): string[] {
  return map.entries
    .map(([key]) => key)
    .filter((key) => !(key.t === 'kw' && key.ns === null && allowed.includes(key.name)))
    .map((key) => printEdn(key))
}

function text(value: EdnValue | undefined): string {
  return value === undefined ? '' : printEdn(value)
}

/**
 * The form showing `value` (one event map), or a sentence saying why the form
 * cannot show it without changing it (the raw EDN editor still can).
 */
export function eventToForm(value: EdnValue): ComposeForm | string {
  const keepRaw = 'keep editing it as raw EDN.'
  if (value.t !== 'map') return `The form shows one event map; this is not a map, so ${keepRaw}`
  const odd = strangeKeys(value, EVENT_KEYS)
  if (odd.length > 0) return `The form has no field for ${odd.join(', ')}; ${keepRaw}`
  const action = getByKeyword(value, 'action')
  const effect = getByKeyword(value, 'effect')
  if ((action === undefined) === (effect === undefined)) return `The form shows either an action or an effect; ${keepRaw}`
  const type = action !== undefined ? 'action' : 'effect'
  const body = action ?? effect
  if (body === undefined || body.t !== 'map') return `The form needs :${type} to be a map; ${keepRaw}`
  const oddBody = strangeKeys(body, BODY_KEYS[type])
  if (oddBody.length > 0) return `The form has no field for ${oddBody.join(', ')} in :${type}; ${keepRaw}`
  let assoc: { key: string; value: string }[] = []
  let dissoc: string[] = []
  if (type === 'action') {
    const patch = getByKeyword(body, 'patch') ?? edn.map([])
    const rows = patchRows(patch)
    if (typeof rows === 'string') return `${rows}; ${keepRaw}`
    ;({ assoc, dissoc } = rows)
  }
  return {
    type,
    timestamp: text(getByKeyword(value, 'timestamp')),
    source: text(getByKeyword(value, 'source')),
    reason: text(getByKeyword(body, 'reason')),
    actor: text(getByKeyword(body, 'actor')),
    aggregate: text(getByKeyword(body, 'aggregate')),
    trigger: text(getByKeyword(body, 'trigger')),
    triggers: text(getByKeyword(value, 'triggers')),
    assoc: assoc.length > 0 ? assoc : [{ key: '', value: '' }],
    dissoc
  }
}

function patchRows(patch: EdnValue): { assoc: { key: string; value: string }[]; dissoc: string[] } | string {
  if (patch.t !== 'map') return 'The form shows a patch map with :assoc and :dissoc'
  const odd = strangeKeys(patch, ['assoc', 'dissoc'])
  if (odd.length > 0) return `The form has no field for ${odd.join(', ')} in the patch`
  const assoc = getByKeyword(patch, 'assoc')
  const dissoc = getByKeyword(patch, 'dissoc')
  if (assoc !== undefined && (assoc.t !== 'map' || assoc.entries.length === 0)) return 'The form shows :assoc only as a non-empty map'
  if (dissoc !== undefined && (dissoc.t !== 'vec' || dissoc.items.length === 0)) return 'The form shows :dissoc only as a non-empty vector'
  return {
    assoc: assoc?.t === 'map' ? assoc.entries.map(([key, value]) => ({ key: printEdn(key), value: printEdn(value) })) : [],
    dissoc: dissoc?.t === 'vec' ? dissoc.items.map((key) => printEdn(key)) : []
  }
}
