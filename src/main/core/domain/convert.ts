/**
 * Domain values as the EDN maps the library itself returns and prints: events
 * with their keys in the library's order, triggers as a set (the library reads
 * them back as one), and rebase results as `{:result … …}` maps.
 */
import type { EdnMap, EdnValue, EdnVector } from '../../../shared/edn-value'
import { edn } from '../../../shared/edn-value'
import type { Identity, NewEvent, RebaseResult, StoredEvent } from '../../../shared/domain'
import type { CellIdentity } from '../../../shared/browse'
import { printEdn } from '../edn'

type Entry = readonly [EdnValue, EdnValue]

const kw = (name: string): EdnValue => edn.kw(name)

/** `[kind id]` */
export function identityToEdn(identity: Identity): EdnVector {
  return edn.vec([identity.kind, identity.id])
}

/**
 * The cell texts of an identity: `pr-str` of kind and id, exactly what the
 * store writes and what conflict checks and replay compare.
 */
export function identityCells(identity: Identity): CellIdentity {
  return { kind: printEdn(identity.kind), id: printEdn(identity.id) }
}

/**
 * An event as the library's map: `:seq-no` (stored events only), `:timestamp`
 * (`#inst`), `:source`, then `:action {:reason :actor :aggregate :patch}` or
 * `:effect {:reason :trigger}`, then `:triggers` as a set when there are any.
 */
export function eventToEdn(event: StoredEvent | NewEvent): EdnMap {
  const entries: Entry[] = []
  if ('seqNo' in event) entries.push([kw('seq-no'), edn.int(event.seqNo)])
  entries.push([kw('timestamp'), edn.inst(event.timestampMs)], [kw('source'), event.source])
  if (event.type === 'action') {
    const { reason, actor, aggregate, patch } = event.action
    entries.push([kw('action'), edn.map([
      [kw('reason'), reason],
      [kw('actor'), identityToEdn(actor)],
      [kw('aggregate'), identityToEdn(aggregate)],
      [kw('patch'), patch]
    ])])
    if (event.triggers.length > 0) entries.push([kw('triggers'), edn.set(event.triggers.map(identityToEdn))])
  } else {
    const { reason, trigger } = event.effect
    entries.push([kw('effect'), edn.map([[kw('reason'), reason], [kw('trigger'), identityToEdn(trigger)]])])
  }
  return edn.map(entries)
}

/**
 * A rebase result as the library returns it: `{:result :ok, :events […]}`,
 * `{:result :conflict, :events […], :conflict {:ours …, :theirs …}}`,
 * `{:result :invalid-seq-no, :next-seq-no n}` or
 * `{:result :write-conflict, :message "…"}` (the library carries the exception
 * itself under `:exception`; a message is what can be printed).
 */
export function rebaseResultToEdn(result: RebaseResult): EdnMap {
  const head: Entry = [kw('result'), kw(result.result)]
  const events = (list: readonly StoredEvent[]): Entry => [kw('events'), edn.vec(list.map(eventToEdn))]
  switch (result.result) {
    case 'ok':
      return edn.map([head, events(result.events)])
    case 'conflict':
      return edn.map([head, events(result.events), [kw('conflict'), edn.map([
        [kw('ours'), eventToEdn(result.conflict.ours)],
        [kw('theirs'), eventToEdn(result.conflict.theirs)]
      ])]])
    case 'invalid-seq-no':
      return edn.map([head, [kw('next-seq-no'), edn.int(result.nextSeqNo)]])
    case 'write-conflict':
      return edn.map([head, [kw('message'), edn.str(result.message)]])
  }
}
