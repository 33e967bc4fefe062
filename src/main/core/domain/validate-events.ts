/**
 * New events (the input of rebase, as the CLI reads them from stdin), checked
 * against the library's specs (`::new-action`, `::new-effect`, `::action`,
 * `::effect`, `::triggers`, `::patch`, `::identity`) and turned into domain
 * values. Three rules are stricter than the library, which would store such
 * input in a broken or surprising way: a `:seq-no` is refused (the library
 * silently replaces it), an event with both `:action` and `:effect` is refused
 * (the library writes both rows), and `:triggers` on an effect is refused
 * (the library writes trigger rows for the effect's seq-no).
 */
import type { EdnKeyword, EdnMap, EdnValue } from '../../../shared/edn-value'
import type { Action, Effect, Identity, NewEvent } from '../../../shared/domain'
import { getByKeyword, isColl, itemsAsWritten, seqItems } from './clojure-seq'
import { childPlace, duplicateErrors, fieldError, kindName, show, type FieldError, type Place } from './field'
import { IDENTITY_EXPECTATION, identityFromEdn, validateIdentityAt } from './validate-identity'
import { validatePatchAt } from './validate-patch'

/** The result of `parseNewEvents`: the events, or every problem found. */
export type ParseNewEventsResult =
  | { readonly ok: true; readonly events: NewEvent[] }
  | { readonly ok: false; readonly errors: FieldError[] }

const EXAMPLE_INSTANT = '#inst "2026-11-28T14:00:00.000-00:00"'
const EVENT_SHAPE = '{:timestamp #inst "…", :source :bookstore, :action {…}} or {:timestamp …, :source …, :effect {…}}'

/** Collects errors while fields are read; each reader returns its value, or null after recording why not. */
class FieldReader {
  readonly errors: FieldError[] = []

  constructor(private readonly map: EdnMap, private readonly place: Place) {}

  private required(name: string, expectation: string): { value: EdnValue; place: Place } | null {
    const place = childPlace(this.place, `:${name}`)
    const value = getByKeyword(this.map, name)
    if (value === undefined) {
      this.errors.push(fieldError(place, `is missing; it must be ${expectation}.`))
      return null
    }
    return { value, place }
  }

  keyword(name: string, example: string): EdnKeyword | null {
    const field = this.required(name, `a keyword such as ${example}`)
    if (field === null) return null
    if (field.value.t === 'kw') return field.value
    this.errors.push(fieldError(field.place, `must be a keyword such as ${example}; got ${show(field.value)} (${kindName(field.value)}).`))
    return null
  }

  identity(name: string): Identity | null {
    const field = this.required(name, IDENTITY_EXPECTATION)
    if (field === null) return null
    const problems = validateIdentityAt(field.value, field.place)
    this.errors.push(...problems)
    return problems.length === 0 ? identityFromEdn(field.value) : null
  }

  patch(name: string): EdnValue | null {
    const field = this.required(name, 'a map with :assoc and/or :dissoc')
    if (field === null) return null
    const problems = validatePatchAt(field.value, field.place)
    this.errors.push(...problems)
    return problems.length === 0 ? field.value : null
  }

  timestampMs(name: string): number | null {
    const field = this.required(name, `an instant such as ${EXAMPLE_INSTANT}`)
    if (field === null) return null
    if (field.value.t === 'inst') return field.value.ms
    this.errors.push(fieldError(field.place, `must be an instant such as ${EXAMPLE_INSTANT}; got ${show(field.value)} (${kindName(field.value)}).`))
    return null
  }

  /** A nested map field read by `read`, whose errors are collected here. */
  nested<T>(name: string, shape: string, read: (reader: FieldReader) => T | null): T | null {
    const place = childPlace(this.place, `:${name}`)
    const value = getByKeyword(this.map, name)
    if (value === undefined) return null
    if (value.t !== 'map') {
      this.errors.push(fieldError(place, `must be a map ${shape}; got ${show(value)} (${kindName(value)}).`))
      return null
    }
    const reader = new FieldReader(value, place)
    const result = read(reader)
    this.errors.push(...reader.errors)
    return reader.errors.length === 0 ? result : null
  }
}

function readAction(reader: FieldReader): Action | null {
  const reason = reader.keyword('reason', ':create')
  const actor = reader.identity('actor')
  const aggregate = reader.identity('aggregate')
  const patch = reader.patch('patch')
  if (reason === null || actor === null || aggregate === null || patch === null) return null
  return { reason, actor, aggregate, patch }
}

function readEffect(reader: FieldReader): Effect | null {
  const reason = reader.keyword('reason', ':key-expired')
  const trigger = reader.identity('trigger')
  if (reason === null || trigger === null) return null
  return { reason, trigger }
}

/** `::triggers`: a non-empty collection of distinct identities. */
function validateTriggersAt(value: EdnValue, place: Place): FieldError[] {
  const expectation = 'a non-empty collection of distinct identities, such as #{[:encryption-key 1]}'
  if (!isColl(value)) return [fieldError(place, `must be ${expectation}; got ${show(value)} (${kindName(value)}).`)]
  const items = itemsAsWritten(value)
  if (items.length === 0) return [fieldError(place, 'must not be empty; leave :triggers out when the action has none.')]
  if (identityFromEdn(value) !== null) {
    return [fieldError(place, `must be ${expectation}; ${show(value)} is a single identity — write [${show(value)}].`)]
  }
  return [
    ...items.flatMap((item, index) => validateIdentityAt(item, childPlace(place, `[${index}]`))),
    ...duplicateErrors(place, items, 'lists', 'the triggers')
  ]
}

function eventPlace(index: number): Place {
  return { outer: [`[${index}]`], inner: [], owner: `Event ${index + 1}`, innerPrefix: `Event ${index + 1}: ` }
}

/** Event `index` (0-based) of a batch as a domain value, or every problem found in it. */
export function parseNewEventAt(value: EdnValue, index: number): NewEvent | FieldError[] {
  return parseNewEvent(value, eventPlace(index))
}

function parseNewEvent(value: EdnValue, place: Place): NewEvent | FieldError[] {
  if (value.t !== 'map') return [fieldError(place, `must be a map such as ${EVENT_SHAPE}; got ${show(value)} (${kindName(value)}).`)]
  const reader = new FieldReader(value, place)
  if (getByKeyword(value, 'seq-no') !== undefined) {
    reader.errors.push(fieldError(childPlace(place, ':seq-no'), 'must not be given: a new event gets its seq-no from the store when it is appended; remove :seq-no.'))
  }
  const timestampMs = reader.timestampMs('timestamp')
  const source = reader.keyword('source', ':bookstore')
  const hasAction = getByKeyword(value, 'action') !== undefined
  const hasEffect = getByKeyword(value, 'effect') !== undefined
  if (hasAction === hasEffect) {
    const which = hasAction ? 'has both :action and :effect' : 'has neither :action nor :effect'
    reader.errors.push(fieldError(place, `${which}; an event is either an action (with :action) or an effect (with :effect).`))
  }
  const action = reader.nested('action', '{:reason … :actor [kind id] :aggregate [kind id] :patch {…}}', readAction)
  const effect = reader.nested('effect', '{:reason … :trigger [kind id]}', readEffect)
  const triggersValue = getByKeyword(value, 'triggers')
  const triggersPlace = childPlace(place, ':triggers')
  if (triggersValue !== undefined && hasEffect && !hasAction) {
    reader.errors.push(fieldError(triggersPlace, 'belongs to action events only; an effect names its trigger in :effect :trigger.'))
  } else if (triggersValue !== undefined) {
    reader.errors.push(...validateTriggersAt(triggersValue, triggersPlace))
  }
  if (reader.errors.length > 0 || timestampMs === null || source === null) return reader.errors
  if (action !== null) {
    const triggers = triggersValue !== undefined && isColl(triggersValue)
      ? seqItems(triggersValue).map((item) => identityFromEdn(item) as Identity)
      : []
    return { type: 'action', timestampMs, source, action, triggers }
  }
  if (effect !== null) return { type: 'effect', timestampMs, source, effect }
  return reader.errors
}

/**
 * Check the new events a caller wants to append (an EDN vector or list of at
 * least one event) and turn them into domain values; or list every problem
 * with its path (`[1] :action :aggregate`) and a sentence.
 */
export function parseNewEvents(value: EdnValue): ParseNewEventsResult {
  const place: Place = { outer: [], inner: [], owner: 'The events', innerPrefix: '' }
  if (value.t !== 'vec' && value.t !== 'list') {
    const hint = value.t === 'map' ? ' — wrap a single event in [ ]' : ''
    return { ok: false, errors: [fieldError(place, `must be a vector of new events [${EVENT_SHAPE.split(' or ')[0]} …]; got ${show(value)} (${kindName(value)}${hint}).`)] }
  }
  if (value.items.length === 0) {
    return { ok: false, errors: [fieldError(place, 'must not be empty: give at least one new event.')] }
  }
  const events: NewEvent[] = []
  const errors: FieldError[] = []
  value.items.forEach((item, index) => {
    const parsed = parseNewEvent(item, eventPlace(index))
    if (Array.isArray(parsed)) errors.push(...parsed)
    else events.push(parsed)
  })
  return errors.length > 0 ? { ok: false, errors } : { ok: true, events }
}
