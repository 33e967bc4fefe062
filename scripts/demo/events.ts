/** Building new events for the demo store from plain values. */
import { edn, type EdnKeyword, type EdnValue } from '../../src/shared/edn-value'
import type { Identity, IdentityId, NewActionEvent, NewEffectEvent } from '../../src/shared/domain'

/** `:name` or `:ns/name` from `"ns/name"`. */
export function kw(name: string): EdnKeyword {
  const slash = name.indexOf('/')
  return slash > 0 ? edn.kw(name.slice(0, slash), name.slice(slash + 1)) : edn.kw(name)
}

/** An identity id from a JS value: number → integer, `#uuid` strings stay UUIDs when asked. */
export function id(value: string | number, kind: 'str' | 'uuid' = 'str'): IdentityId {
  if (typeof value === 'number') return edn.int(value)
  return kind === 'uuid' ? edn.uuid(value) : edn.str(value)
}

/** `[kind id]` */
export function identity(kind: string, value: string | number, idKind: 'str' | 'uuid' = 'str'): Identity {
  return { kind: kw(kind), id: id(value, idKind) }
}

/** Turn plain JS data into EDN: strings, numbers (integers stay integers), booleans, null, arrays (vectors), Sets, objects (keyword maps). */
export function toEdn(value: unknown): EdnValue {
  if (value === null || value === undefined) return edn.nil
  if (typeof value === 'string') return edn.str(value)
  if (typeof value === 'boolean') return edn.bool(value)
  if (typeof value === 'bigint') return edn.int(value)
  if (typeof value === 'number') return Number.isInteger(value) ? edn.int(value) : edn.float(value)
  if (value instanceof Date) return edn.inst(value.getTime())
  if (value instanceof Set) return edn.set([...value].map(toEdn))
  if (Array.isArray(value)) return edn.vec(value.map(toEdn))
  if (typeof value === 'object' && 't' in value) return value as EdnValue
  return edn.map(Object.entries(value as Record<string, unknown>).map(([k, v]) => [kw(k), toEdn(v)] as const))
}

/** A patch `{:assoc {…} :dissoc […]}`; assoc keys are keywords, or `a.b` paths given as arrays. */
export function patch(assoc: Record<string, unknown> | null, dissoc: readonly (string | readonly string[])[] = []): EdnValue {
  const entries: [EdnValue, EdnValue][] = []
  if (assoc && Object.keys(assoc).length > 0) {
    entries.push([kw('assoc'), edn.map(Object.entries(assoc).map(([k, v]) => [pathKey(k), toEdn(v)] as const))])
  }
  if (dissoc.length > 0) entries.push([kw('dissoc'), edn.vec(dissoc.map((k) => (typeof k === 'string' ? pathKey(k) : edn.vec(k.map(kw)))))])
  return edn.map(entries)
}

/** `"address.city"` → `[:address :city]`, `"title"` → `:title`. */
function pathKey(key: string): EdnValue {
  return key.includes('.') ? edn.vec(key.split('.').map(kw)) : kw(key)
}

/** What an action needs. */
export interface ActionSpec {
  readonly at: number
  readonly source: string
  readonly reason: string
  readonly actor: Identity
  readonly aggregate: Identity
  readonly patch: EdnValue
  readonly triggers?: readonly Identity[]
}

/** A new action event. */
export function action(spec: ActionSpec): NewActionEvent {
  return {
    type: 'action',
    timestampMs: spec.at,
    source: kw(spec.source),
    action: { reason: kw(spec.reason), actor: spec.actor, aggregate: spec.aggregate, patch: spec.patch },
    triggers: spec.triggers ?? []
  }
}

/** A new effect event. */
export function effect(at: number, source: string, reason: string, trigger: Identity): NewEffectEvent {
  return { type: 'effect', timestampMs: at, source: kw(source), effect: { reason: kw(reason), trigger } }
}
