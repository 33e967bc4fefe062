/**
 * The capability sections of an open store, shown in the navbar. Each
 * capability adds its own entry here when it exists; there are no
 * placeholders.
 */
import type { ReactNode } from 'react'
import { Aggregates } from '../features/aggregates/Aggregates'
import { EventsSection } from '../features/events/EventsSection'
import { Overview } from '../features/overview/Overview'
import { ProblemsSection } from '../features/audit/problems/ProblemsSection'
import { TriggersSection } from '../features/audit/TriggersSection'
import { IconProblems, IconTrigger } from '../features/audit/icons'
import { Compose, IconCompose } from '../features/compose/Compose'
import { ReplayView } from '../features/replay/ReplayView'
import { IconBoxes, IconLayout, IconList, IconReplay } from '../ui/icons'
import type { SectionId, StoreTab } from '../workspace/workspace-state'

/** One section: navbar entry and the view it shows for the active store. */
export interface Section {
  readonly id: SectionId
  readonly label: string
  /** One line for the navbar and the command palette. */
  readonly description: string
  readonly icon: (props: { size?: number }) => ReactNode
  readonly View: (props: { tab: StoreTab }) => ReactNode
}

/** Every section, in navbar order. */
export const SECTIONS: readonly Section[] = [
  { id: 'overview', label: 'Overview', description: 'Counts, tables, file and the latest events', icon: IconLayout, View: Overview },
  { id: 'events', label: 'Events', description: 'Every event, filtered, with its detail', icon: IconList, View: EventsSection },
  { id: 'aggregates', label: 'Aggregates', description: 'State as of any event, blame and diffs', icon: IconBoxes, View: Aggregates },
  { id: 'replay', label: 'Replay', description: 'What a read from an offset delivers, replayed actions and their causes', icon: IconReplay, View: ReplayView },
  { id: 'triggers', label: 'Triggers', description: 'Trigger index, graph and blast radius of effects', icon: IconTrigger, View: TriggersSection },
  { id: 'problems', label: 'Problems', description: 'Integrity check, problem by problem', icon: IconProblems, View: ProblemsSection },
  { id: 'compose', label: 'Compose', description: 'Compose, stage, preflight and commit new events', icon: IconCompose, View: Compose }
]

/** The section with `id` (the first one when unknown). */
export function sectionById(id: SectionId): Section {
  return SECTIONS.find((s) => s.id === id) ?? SECTIONS[0]
}
