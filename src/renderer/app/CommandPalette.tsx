/**
 * The command palette (⌘K / Ctrl+K) and the keyboard shortcuts of every command; what is typed
 * also becomes commands (a seq-no to go to, an identity to find: `query-commands.tsx`), and the
 * store suggests aggregates and triggers matching it (`usePaletteSuggestions.ts`).
 */
import { useState, type ReactNode } from 'react'
import { Kbd, useMantineColorScheme } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { Spotlight, type SpotlightActionGroupData, type SpotlightStore } from '@mantine/spotlight'
import { buildCommands, type Command } from './commands'
import { queryCommands } from './query-commands'
import { suggestionCommands } from './suggestion-commands'
import { usePaletteSuggestions } from './usePaletteSuggestions'
import { IconSearch } from '../ui/icons'
import { displayShortcut, SHORTCUTS } from '../ui/shortcuts'
import { useWorkspace } from '../workspace/WorkspaceProvider'

function groups(commands: readonly Command[], platform: string | undefined): SpotlightActionGroupData[] {
  const byGroup = new Map<string, SpotlightActionGroupData>()
  for (const command of commands) {
    const group = byGroup.get(command.group) ?? { group: command.group, actions: [] }
    group.actions.push({
      id: command.id,
      label: command.label,
      description: command.description,
      keywords: command.keywords ? [...command.keywords] : undefined,
      leftSection: command.icon,
      rightSection: command.shortcut ? <Kbd size="xs">{displayShortcut(command.shortcut, platform)}</Kbd> : undefined,
      onClick: () => command.run()
    })
    byGroup.set(command.group, group)
  }
  return [...byGroup.values()]
}

/** Palette plus global shortcuts; `store` is the palette's own store (so tests and the menu can open it). */
export function CommandPalette({ store }: { store: SpotlightStore }): ReactNode {
  const workspace = useWorkspace()
  const { setColorScheme } = useMantineColorScheme()
  const [query, setQuery] = useState('')
  const commands = buildCommands(workspace, setColorScheme)
  const platform = workspace.startup?.platform
  const storeId = workspace.active?.info.storeId
  const suggestions = usePaletteSuggestions(query, storeId)
  const suggested = storeId === undefined ? [] : suggestionCommands(suggestions, query, { storeId, showSection: workspace.showSection })
  useHotkeys(commands.filter((c) => c.shortcut).map((c) => [c.shortcut as string, () => c.run()]), ['INPUT', 'TEXTAREA', 'SELECT'])
  return (
    <Spotlight
      store={store}
      query={query}
      onQueryChange={setQuery}
      onSpotlightClose={() => setQuery('')}
      actions={groups([...queryCommands(query, workspace), ...suggested, ...commands], platform)}
      shortcut={SHORTCUTS.palette}
      nothingFound="No command matches"
      highlightQuery
      scrollable
      maxHeight={420}
      searchProps={{ leftSection: <IconSearch />, placeholder: 'A command, seq-no, aggregate or trigger: [:book "Dune"]', 'aria-label': 'Command' }}
    />
  )
}
