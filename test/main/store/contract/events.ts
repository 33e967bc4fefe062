/** New events for the contract suites, built as domain values (no EDN text). */
import { edn } from '../../../../src/shared/edn-value'
import type { Identity, NewEvent } from '../../../../src/shared/domain'

/** 2026-11-28T14:00:00Z */
export const T = Date.UTC(2026, 10, 28, 14)

/** `[kind id]` with an integer id for numbers, a string id otherwise. */
export const id = (kind: string, v: number | string): Identity => ({ kind: edn.kw(kind), id: typeof v === 'number' ? edn.int(v) : edn.str(v) })

/** `{:assoc {k v}}` */
export const patch = (k: string, v: number) => edn.map([[edn.kw('assoc'), edn.map([[edn.kw(k), edn.int(v)]])]])

/** An `:update` action by `[:user "alice"]` on `aggregate` setting `:v`. */
export const action = (aggregate: Identity, v = 1, triggers: Identity[] = [], timestampMs = T): NewEvent => ({
  type: 'action', timestampMs, source: edn.kw('test'),
  action: { reason: edn.kw('update'), actor: id('user', 'alice'), aggregate, patch: patch('v', v) }, triggers
})

/** An `:expired` effect on `trigger`. */
export const effect = (trigger: Identity, timestampMs = T): NewEvent => ({ type: 'effect', timestampMs, source: edn.kw('keys'), effect: { reason: edn.kw('expired'), trigger } })

/** `event` as the store would return it with `seqNo`. */
export const stored = <E extends NewEvent>(event: E, seqNo: number): E & { seqNo: number } => ({ ...event, seqNo })
