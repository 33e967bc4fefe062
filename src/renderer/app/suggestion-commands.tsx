/**
 * The store's suggestions for what is typed into the palette as commands:
 * an aggregate opens in the Aggregates section, a trigger opens its graph.
 */
import { IconTrigger } from '../features/audit/icons'
import { IconBoxes } from '../ui/icons'
import { showAggregate, type Navigator } from '../workspace/navigation'
import type { Command } from './commands'
import { showTriggerGraph } from './query-commands'
import type { PaletteSuggestions } from './usePaletteSuggestions'

/** One command per suggestion; `query` is their keyword so the palette's filter keeps them. */
export function suggestionCommands(suggestions: PaletteSuggestions, query: string, nav: Navigator): Command[] {
  const keywords = [query]
  return [
    ...suggestions.aggregates.map((aggregate): Command => ({
      id: `suggest-aggregate-${aggregate.kind} ${aggregate.id}`, group: 'Aggregates', label: `[${aggregate.kind} ${aggregate.id}]`,
      description: 'Open the aggregate: history, state and blame', keywords, icon: <IconBoxes />, run: () => showAggregate(nav, { aggregate })
    })),
    ...suggestions.triggers.map((trigger): Command => ({
      id: `suggest-trigger-${trigger.kind} ${trigger.id}`, group: 'Triggers', label: `[${trigger.kind} ${trigger.id}]`,
      description: 'Open the trigger graph: what carries it, what it reaches', keywords, icon: <IconTrigger />, run: () => showTriggerGraph(nav, trigger)
    }))
  ]
}
