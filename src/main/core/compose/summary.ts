/**
 * A composed (or staged) event in one line, for the staged batch:
 * `action :update on [:book "Dune"] · assoc :price 12 · dissoc :author`, or
 * `effect :key-expired on trigger [:encryption-key 1]`. The patch part is the
 * Events table's patch summary.
 */
import type { EdnValue } from '../../../shared/edn-value'
import { getByKeyword } from '../domain/clojure-seq'
import { patchSummary } from '../domain/patch-summary'
import { printEdn } from '../edn'

const printed = (value: EdnValue | undefined): string => (value === undefined ? '?' : printEdn(value))

/** One line for a new event (the library's shape); null when it is not an event map. */
export function eventSummary(event: EdnValue): string | null {
  if (event.t !== 'map') return null
  const action = getByKeyword(event, 'action')
  if (action?.t === 'map') {
    const patch = getByKeyword(action, 'patch')
    const parts = [`action ${printed(getByKeyword(action, 'reason'))} on ${printed(getByKeyword(action, 'aggregate'))}`]
    if (patch !== undefined) parts.push(patchSummary(printEdn(patch), 120))
    return parts.join(' · ')
  }
  const effect = getByKeyword(event, 'effect')
  if (effect?.t === 'map') return `effect ${printed(getByKeyword(effect, 'reason'))} on trigger ${printed(getByKeyword(effect, 'trigger'))}`
  return null
}
