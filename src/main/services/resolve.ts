/**
 * Queries behind the side-by-side conflict view: the three states of the
 * aggregate (base, theirs, ours) aligned key by key, the trigger path of an
 * effect conflict, and the adjusted event for the user's per-key choices.
 */
import type { NewActionEvent, StoredEvent } from '../../shared/domain'
import type { EdnMap, EdnValue } from '../../shared/edn-value'
import type { ConflictDetail, ConflictResolution, ConflictingEvent, KeyChoice, TriggerPath } from '../../shared/resolve'
import { applyPatch, eventToEdn, identityCells, identityToEdn } from '../core/domain'
import { ednTree, printEdn, readEdn } from '../core/edn'
import { adjustPatch, alignStates, alignedKeyView, keyText, type AlignedPath, type Choice } from '../core/resolve'
import type { OpenedStore } from '../store/opened-store'
import { ServiceError } from './service-error'
import { AggregateStates, parseNewAction, storedEvent } from './aggregate-states'
import type { QueryContext } from './service'

/** Which conflict: the user's base, the stored event that conflicts, the staged event, and the seq-nos already resolved. */
export interface ConflictArgs {
  readonly base: number
  readonly theirs: number
  /** The staged event as EDN (a `:seq-no` in it is ignored). */
  readonly oursEdn: string
  readonly resolved?: readonly number[]
}

/** The loaded conflict: states and alignment. */
interface Loaded {
  readonly ours: NewActionEvent
  readonly theirs: StoredEvent
  /** The base state is the state as of this seq-no. */
  readonly baseAsOf: number
  readonly baseState: EdnMap
  readonly theirsState: EdnMap
  readonly oursState: EdnMap
  readonly rows: readonly AlignedPath[]
}

/**
 * The base of the three-way comparison is what the staged event was written
 * against: the state before the user's base, or — once earlier conflicts on
 * this aggregate were resolved — the state as of the latest resolved seq-no
 * before theirs (every action on the aggregate in between is resolved,
 * otherwise it would have been the conflict).
 */
function baseAsOf(args: ConflictArgs): number {
  return Math.max(args.base - 1, ...(args.resolved ?? []).filter((seqNo) => seqNo < args.theirs))
}

async function load(store: OpenedStore, args: ConflictArgs): Promise<Loaded> {
  const ours = parseNewAction(args.oursEdn, 'The staged event')
  const theirs = await storedEvent(store, args.theirs)
  const history = await AggregateStates.load(store, ours.action.aggregate)
  const asOf = baseAsOf(args)
  const baseState = history.stateAsOf(asOf)
  const theirsState = history.stateAsOf(args.theirs)
  let oursState: EdnMap
  try {
    oursState = applyPatch(baseState, ours.action.patch)
  } catch (e) {
    throw new ServiceError('invalid-events', `The staged event's patch cannot be applied to the base state: ${e instanceof Error ? e.message : String(e)}`)
  }
  return { ours, theirs, baseAsOf: asOf, baseState, theirsState, oursState, rows: alignStates(baseState, theirsState, oursState) }
}

function conflictingEvent(event: StoredEvent): ConflictingEvent {
  const body = event.type === 'action' ? event.action : event.effect
  return {
    seqNo: event.seqNo,
    type: event.type,
    edn: printEdn(eventToEdn(event)),
    reason: printEdn(body.reason),
    actor: event.type === 'action' ? printEdn(identityToEdn(event.action.actor)) : null,
    source: printEdn(event.source),
    timestamp: Math.floor(event.timestampMs / 1000)
  }
}

/** How an effect reaches the aggregate: its trigger, and the aggregate's actions carrying it. */
async function triggerPath(store: OpenedStore, theirs: StoredEvent, loaded: Loaded): Promise<TriggerPath | null> {
  if (theirs.type !== 'effect') return null
  const trigger = identityCells(theirs.effect.trigger)
  const page = await store.pageEvents({ filter: { type: 'action', aggregate: identityCells(loaded.ours.action.aggregate), trigger }, limit: 1000 })
  return { effect: theirs.seqNo, trigger: printEdn(identityToEdn(theirs.effect.trigger)), actions: page.rows.map((row) => row.seqNo) }
}

/** The three states of a conflict, aligned key by key, with the trigger path of an effect. */
async function conflictDetail({ store }: QueryContext, args: ConflictArgs): Promise<ConflictDetail> {
  const loaded = await load(store, args)
  const resolved = new Set(args.resolved ?? [])
  const conflicts = await store.queryConflicts(args.base, loaded.ours.action.aggregate)
  return {
    aggregate: printEdn(identityToEdn(loaded.ours.action.aggregate)),
    base: args.base,
    baseAsOf: loaded.baseAsOf,
    theirs: conflictingEvent(loaded.theirs),
    baseState: ednTree(loaded.baseState),
    theirsState: ednTree(loaded.theirsState),
    oursState: ednTree(loaded.oursState),
    oursPatch: printEdn(loaded.ours.action.patch),
    oursReason: printEdn(loaded.ours.action.reason),
    keys: loaded.rows.map(alignedKeyView),
    triggerPath: await triggerPath(store, loaded.theirs, loaded),
    laterConflicts: conflicts.map((e) => e.seqNo).filter((seqNo) => seqNo > args.theirs && !resolved.has(seqNo))
  }
}

/** Parse one edited value; the error sentence names the key. */
function editedValue(key: string, text: string): EdnValue | string {
  if (text.trim() === '') return `Type a value for ${key} (EDN, such as "Dune", 42 or {:city "Bonn"}), or take ours or theirs.`
  try {
    return readEdn(text)
  } catch (e) {
    return `The value for ${key} is not one EDN value: ${e instanceof Error ? e.message : String(e)}`
  }
}

/** Choices by key text; errors for edits that do not read and for keys the conflict does not have. */
function readChoices(rows: readonly AlignedPath[], choices: readonly KeyChoice[]): { byKey: Map<string, Choice>; errors: { key: string; message: string }[] } {
  const known = new Set(rows.map((row) => keyText(row.path)))
  const byKey = new Map<string, Choice>()
  const errors: { key: string; message: string }[] = []
  for (const choice of choices) {
    if (!known.has(choice.key)) {
      errors.push({ key: choice.key, message: `The key ${choice.key} is not part of this conflict any more; the stored events changed. Review the keys again.` })
    } else if (choice.take === 'edit') {
      const value = editedValue(choice.key, choice.edn)
      if (typeof value === 'string') errors.push({ key: choice.key, message: value })
      else byKey.set(choice.key, { take: 'edit', value })
    } else {
      byKey.set(choice.key, { take: choice.take })
    }
  }
  return { byKey, errors }
}

function reasonOf(text: string | undefined, fallback: EdnValue): EdnValue | string {
  if (text === undefined || text.trim() === '') return fallback
  try {
    const value = readEdn(text)
    if (value.t === 'kw') return value
  } catch {
    // reported below
  }
  return `The reason must be a keyword such as :update; got ${text.trim()}.`
}

/** Arguments of `conflictResolution`: the conflict, the user's per-key choices, and an optional new reason (`:update`). */
export interface ResolutionArgs extends ConflictArgs {
  readonly choices: readonly KeyChoice[]
  readonly reason?: string
}

/**
 * The adjusted staged event for the user's choices (keys not chosen take
 * their default: ours where ours changed the key, else theirs): its patch
 * turns theirs' state into the chosen state.
 */
async function conflictResolution({ store }: QueryContext, args: ResolutionArgs): Promise<ConflictResolution> {
  const loaded = await load(store, args)
  const { byKey, errors } = readChoices(loaded.rows, args.choices)
  const reason = reasonOf(args.reason, loaded.ours.action.reason)
  const problems = typeof reason === 'string' ? [reason] : []
  const adjusted = adjustPatch(loaded.theirsState, loaded.rows, (row) => byKey.get(keyText(row.path)))
  const valid = errors.length === 0 && problems.length === 0
  const event: NewActionEvent | null =
    valid && adjusted.patch !== null && typeof reason !== 'string' && reason.t === 'kw'
      ? { ...loaded.ours, action: { ...loaded.ours.action, reason, patch: adjusted.patch } }
      : null
  return {
    patch: adjusted.patch === null ? null : printEdn(adjusted.patch),
    event: event === null ? null : printEdn(eventToEdn(event)),
    chosenState: ednTree(adjusted.state),
    errors,
    problems
  }
}

/** The conflict queries. */
export const resolveQueries = { conflictDetail, conflictResolution }
