/**
 * The section navigation: icon and name per section (the one-line
 * description is the tooltip), collapsible to icons only; the collapsed state
 * is remembered. Problems carries the count the background check found.
 */
import type { ReactNode } from 'react'
import { ActionIcon, AppShell, NavLink, Tooltip } from '@mantine/core'
import { IconChevronsLeft, IconChevronsRight } from '../ui/icons'
import { usePersistentState } from '../ui/usePersistentState'
import { useWorkspace } from '../workspace/WorkspaceProvider'
import { ProblemsBadge } from './ProblemsBadge'
import { SECTIONS } from './sections'

/** Navbar widths (px), expanded and collapsed. */
export const NAVBAR_WIDTH = { expanded: 176, collapsed: 56 } as const

/** Whether the navbar is collapsed, remembered across sessions. */
export function useNavbarCollapsed(): [boolean, (next: boolean) => void] {
  return usePersistentState('navbar.collapsed', false)
}

/** The navbar. */
export function Navbar({ collapsed, onCollapse }: { collapsed: boolean; onCollapse(next: boolean): void }): ReactNode {
  const { state, active, showSection } = useWorkspace()
  return (
    <AppShell.Navbar p={6} aria-label="Sections" data-collapsed={collapsed || undefined}>
      {SECTIONS.map((section) => (
        <Tooltip key={section.id} label={collapsed ? `${section.label}: ${section.description}` : section.description} position="right" withArrow openDelay={400}>
          <NavLink
            label={collapsed ? undefined : section.label}
            aria-label={section.label}
            leftSection={<section.icon size={18} />}
            rightSection={section.id === 'problems' && active ? <ProblemsBadge tab={active} compact={collapsed} /> : undefined}
            active={state.section === section.id}
            onClick={() => showSection(section.id)}
            variant="light"
            py={6}
            styles={{ section: collapsed ? { marginInlineEnd: 0 } : undefined, body: collapsed ? { display: 'none' } : undefined }}
          />
        </Tooltip>
      ))}
      <div style={{ flex: 1 }} />
      <ActionIcon variant="subtle" color="gray" aria-label={collapsed ? 'Expand the navigation' : 'Collapse the navigation'} onClick={() => onCollapse(!collapsed)} style={{ alignSelf: collapsed ? 'center' : 'flex-end' }}>
        {collapsed ? <IconChevronsRight size={16} /> : <IconChevronsLeft size={16} />}
      </ActionIcon>
    </AppShell.Navbar>
  )
}
