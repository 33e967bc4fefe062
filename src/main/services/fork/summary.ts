/** One line per event for a batch list: what it does to which aggregate, or which trigger it records. */
import type { NewEvent } from '../../../shared/domain'
import { printEdn } from '../../core/edn'
import { patchSummary } from '../../core/domain'

/** `:create [:book "Dune"] by [:user "alice"]: {:assoc {:genre "SciFi"}}` or `effect :ship on [:order 7]`. */
export function eventSummary(event: NewEvent): string {
  if (event.type === 'effect') {
    const { reason, trigger } = event.effect
    return `effect ${printEdn(reason)} on [${printEdn(trigger.kind)} ${printEdn(trigger.id)}]`
  }
  const { reason, actor, aggregate, patch } = event.action
  const identity = (i: typeof actor): string => `[${printEdn(i.kind)} ${printEdn(i.id)}]`
  const triggers = event.triggers.length > 0 ? ` (triggered by ${event.triggers.map(identity).join(', ')})` : ''
  return `${printEdn(reason)} ${identity(aggregate)} by ${identity(actor)}: ${patchSummary(printEdn(patch), 80)}${triggers}`
}
