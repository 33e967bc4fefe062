/**
 * Undo by compensation: the new action that sets every key a stored action
 * touched back to its value before that action, to be staged, preflighted
 * and committed like any other event (the store stays append-only).
 */
import type { ActionEvent, Identity, NewActionEvent } from '../../shared/domain'
import type { EdnKeyword, EdnMap, EdnValue } from '../../shared/edn-value'
import { edn } from '../../shared/edn-value'
import type { Compensation, RestoredKey } from '../../shared/resolve'
import { blame, eventToEdn, identityToEdn } from '../core/domain'
import { printEdn, readEdn } from '../core/edn'
import { compensationPatch, keyText, lookupText, touchedPaths, valueAt, type KeyPath } from '../core/resolve'
import { assocEntries, dissocKeys, isPathPrefix, keyPath } from '../core/domain/patch-shape'
import type { OpenedStore } from '../store/opened-store'
import { ServiceError } from './service-error'
import { AggregateStates, storedEvent } from './aggregate-states'
import type { QueryContext } from './service'

/** How many restored keys the summary sentence names before "and N more". */
const NAMED_KEYS = 3

const overlaps = (a: KeyPath, b: KeyPath): boolean => isPathPrefix(a, b) || isPathPrefix(b, a)

function restoredKeys(patch: EdnMap, before: EdnMap, current: EdnMap): RestoredKey[] {
  const paths = [...assocEntries(patch).map(([key]) => keyPath(key)), ...dissocKeys(patch).map(keyPath)]
  return paths.map((path) => ({ key: keyText(path), before: lookupText(valueAt(before, path)), now: lookupText(valueAt(current, path)) }))
}

function summaryOf(seqNo: number, action: ActionEvent, restores: readonly RestoredKey[]): string {
  const clauses = restores.slice(0, NAMED_KEYS).map((r) => (r.before === null ? `removes ${r.key}` : `sets ${r.key} back to ${r.before.length > 40 ? `${r.before.slice(0, 39)}…` : r.before}`))
  const more = restores.length > NAMED_KEYS ? `, and restores ${restores.length - NAMED_KEYS} more key${restores.length - NAMED_KEYS === 1 ? '' : 's'}` : ''
  const list = clauses.length <= 1 ? clauses.join('') : `${clauses.slice(0, -1).join(', ')}${more === '' ? ' and ' : ', '}${clauses[clauses.length - 1]}`
  const what = `${printEdn(action.action.reason)} by ${printEdn(identityToEdn(action.action.actor))}`
  const sentence = `${list}${more} on ${printEdn(identityToEdn(action.action.aggregate))}, undoing event ${seqNo} (${what}).`
  return sentence.charAt(0).toUpperCase() + sentence.slice(1)
}

/**
 * The triggers of the earlier actions whose values the compensation writes
 * again: a read model must still replay the aggregate when, say, the key
 * that encrypts a restored value expires.
 */
async function restoredTriggers(store: OpenedStore, history: AggregateStates, patch: EdnMap, upTo: number): Promise<Identity[]> {
  const restoredPaths = assocEntries(patch).map(([key]) => keyPath(key))
  const setters = new Set<number>()
  for (const entry of blame(history.actions, history.aggregate, upTo)) {
    if (restoredPaths.some((path) => isPathPrefix(path, entry.path))) setters.add(entry.seqNo)
  }
  const triggers = new Map<string, Identity>()
  for (const seqNo of [...setters].sort((a, b) => a - b)) {
    const event = await storedEvent(store, seqNo)
    if (event.type === 'action') for (const t of event.triggers) triggers.set(printEdn(identityToEdn(t)), t)
  }
  return [...triggers.values()]
}

function parseReason(text: string | undefined): EdnKeyword {
  if (text === undefined || text.trim() === '') return edn.kw('revert')
  let value: EdnValue | null = null
  try {
    value = readEdn(text)
  } catch {
    // reported below
  }
  if (value?.t !== 'kw') throw new ServiceError('invalid-request', `The reason must be a keyword such as :revert; got ${text.trim()}.`)
  return value
}

/** Arguments: the action to revert, and optionally another reason than `:revert`. */
export interface CompensationArgs {
  readonly seqNo: number
  readonly reason?: string
}

/** The compensating action of stored action `seqNo`, or a sentence saying why there is none. */
async function compensation({ store }: QueryContext, { seqNo, reason }: CompensationArgs): Promise<Compensation> {
  const event = await storedEvent(store, seqNo)
  if (event.type !== 'action') {
    return { ok: false, seqNo, message: `Event ${seqNo} is an effect; effects change no aggregate's state, so there is nothing to revert.` }
  }
  const history = await AggregateStates.load(store, event.action.aggregate)
  const before = history.stateAsOf(seqNo - 1)
  const after = history.stateAsOf(seqNo)
  const current = history.current()
  const patch = compensationPatch(before, after, event.action.patch, current)
  const aggregate = printEdn(identityToEdn(event.action.aggregate))
  if (patch === null) {
    return { ok: false, seqNo, message: `Every key event ${seqNo} touched on ${aggregate} already has the value it had before, so there is nothing to revert.` }
  }
  const touched = touchedPaths(event.action.patch)
  const overwrites = history.actions
    .filter((a) => a.seqNo > seqNo && touchedPaths(a.action.patch).some((p) => touched.some((t) => overlaps(p, t))))
    .map((a) => a.seqNo)
  const compensating: NewActionEvent = {
    type: 'action',
    timestampMs: Date.now(),
    source: event.source,
    action: { reason: parseReason(reason), actor: event.action.actor, aggregate: event.action.aggregate, patch },
    triggers: await restoredTriggers(store, history, patch, seqNo - 1)
  }
  const restores = restoredKeys(patch, before, current)
  return {
    ok: true,
    seqNo,
    aggregate,
    edn: printEdn(eventToEdn(compensating)),
    patch: printEdn(patch),
    summary: summaryOf(seqNo, event, restores),
    restores,
    overwrites
  }
}

/** The compensation query. */
export const compensationQueries = { compensation }
