/** Words and navigation around the trigger graph: what it is drawn around, why it is empty, what a node opens. */
import type { AuditGraph, GraphFocus } from '../../../shared/audit'
import { identityText } from '../../../shared/browse'
import { showAggregate, showEvent, showEvents, type Navigator } from '../../workspace/navigation'
import { formatCount, type GraphNodeTarget } from './graph-layout'

/** What a graph is drawn around, as words. */
export function focusText(focus: GraphFocus): string {
  if (focus.type === 'effect') return `effect ${focus.seqNo}`
  return `${focus.type} ${identityText(focus)}`
}

/** Why a graph has nothing to draw, or null. */
export function emptyReason(graph: AuditGraph): string | null {
  const f = graph.focus
  if (f.type === 'aggregate' && graph.triggers.total === 0) {
    return `No action of aggregate ${identityText(f)} carries a trigger, so no effect reaches it.`
  }
  if (f.type === 'trigger' && graph.actions.total === 0 && graph.effects.total === 0) {
    return `No action carries trigger ${identityText(f)} and no effect names it. Check the kind and id as the store prints them, e.g. :encryption-key and 1.`
  }
  return null
}

/** The counts of a graph as one sentence. */
export function graphSummary(graph: AuditGraph): string {
  const { actions, triggers, aggregates, effects } = graph
  return (
    `${formatCount(actions.total)} ${actions.total === 1 ? 'action carries' : 'actions carry'} ` +
    `${triggers.total === 1 ? 'the trigger' : `${formatCount(triggers.total)} triggers`} on ${formatCount(aggregates.total)} ` +
    `${aggregates.total === 1 ? 'aggregate' : 'aggregates'}; ${formatCount(effects.total)} ${effects.total === 1 ? 'effect names' : 'effects name'} ` +
    `${triggers.total === 1 ? 'it' : 'them'}.`
  )
}

/** Open what a node stands for (groups are toggled by the graph itself). */
export function openTarget(nav: Navigator, graph: AuditGraph, target: GraphNodeTarget): void {
  switch (target.type) {
    case 'action':
    case 'effect':
      showEvent(nav, target.seqNo)
      return
    case 'aggregate':
      showAggregate(nav, { aggregate: target.aggregate })
      return
    case 'trigger':
      showEvents(nav, { trigger: target.trigger })
      return
    case 'more': {
      // The whole group as events, when one trigger defines it.
      const only = graph.triggers.items.length === 1 ? graph.triggers.items[0] : null
      if (only && (target.column === 'actions' || target.column === 'effects')) {
        showEvents(nav, { trigger: only, type: target.column === 'actions' ? 'action' : 'effect' })
      }
      return
    }
    case 'group':
      return
  }
}
