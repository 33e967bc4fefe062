/**
 * Commands made from what is typed into the palette, for the active store:
 * a number goes to that seq-no; an identity such as `[:book "Dune"]` (or
 * `:book "Dune"`) shows that aggregate, the events carrying it as a trigger,
 * or its trigger graph. Also the actions of the section on screen.
 */
import { setViewState } from '../workspace/view-state'
import { showAggregate, showEvent, showEvents, type Navigator } from '../workspace/navigation'
import type { Workspace } from '../workspace/WorkspaceProvider'
import { AUDIT_FOCUS } from '../features/audit/TriggersSection'
import { IconArrowLeft, IconArrowRight, IconBoxes, IconList, IconSearch } from '../ui/icons'
import type { Command } from './commands'
import type { CellIdentity } from '../../shared/browse'

/** `42`, `1,234` or `#42` as a seq-no; null otherwise. */
export function seqNoOf(query: string): number | null {
  const m = /^#?\s*(\d[\d,_ ]*)$/.exec(query.trim())
  if (m === null) return null
  const n = Number(m[1].replace(/[,_ ]/g, ''))
  return Number.isSafeInteger(n) && n > 0 ? n : null
}

/** `[:book "Dune"]` or `:book "Dune"` as a kind and an id (cell texts); null otherwise. */
export function identityOf(query: string): { kind: string; id: string } | null {
  const m = /^\[?\s*(:[^\s\]]+)\s+(.+?)\s*\]?$/.exec(query.trim())
  return m === null ? null : { kind: m[1], id: m[2] }
}

/** The Triggers section with the graph of trigger `identity`. */
export function showTriggerGraph(nav: Navigator, identity: CellIdentity): void {
  setViewState(nav.storeId, AUDIT_FOCUS, { type: 'trigger', ...identity })
  nav.showSection('triggers')
}

/** The commands for `query` and for the section on screen (none without an active store). */
export function queryCommands(query: string, workspace: Workspace): Command[] {
  const { active, showSection } = workspace
  if (!active) return []
  const nav: Navigator = { storeId: active.info.storeId, showSection }
  const last = active.info.seqNo
  const commands: Command[] = []
  const seqNo = seqNoOf(query)
  if (seqNo !== null) {
    commands.push({
      id: 'goto-seq-no', group: 'Go to', label: `Go to seq-no ${seqNo.toLocaleString('en-US')}`, keywords: [query],
      description: seqNo <= last ? 'Show the event in the Events section' : `The store ends at seq-no ${last.toLocaleString('en-US')}`,
      icon: <IconList />, run: () => showEvent(nav, Math.min(seqNo, Math.max(1, last)))
    })
  }
  const identity = identityOf(query)
  if (identity !== null) {
    const text = `[${identity.kind} ${identity.id}]`
    commands.push(
      { id: 'find-aggregate', group: 'Go to', label: `Show aggregate ${text}`, description: 'Its history, state and blame', keywords: [query], icon: <IconBoxes />, run: () => showAggregate(nav, { aggregate: identity }) },
      { id: 'find-trigger-events', group: 'Go to', label: `Events carrying trigger ${text}`, keywords: [query], icon: <IconSearch />, run: () => showEvents(nav, { trigger: identity }) },
      { id: 'find-trigger-graph', group: 'Go to', label: `Trigger graph of ${text}`, description: 'What carries it, what it reaches', keywords: [query], icon: <IconSearch />, run: () => showTriggerGraph(nav, identity) }
    )
  }
  if (workspace.state.section === 'events' && last > 0) {
    commands.push(
      { id: 'events-first', group: 'Go to', label: 'First event', description: 'Seq-no 1', keywords: ['home', 'top', 'start'], icon: <IconArrowLeft />, run: () => showEvent(nav, 1, { clearFilter: false }) },
      { id: 'events-last', group: 'Go to', label: 'Last event', description: `Seq-no ${last.toLocaleString('en-US')}`, keywords: ['end', 'bottom', 'latest'], icon: <IconArrowRight />, run: () => showEvent(nav, last, { clearFilter: false }) }
    )
  }
  return commands
}
