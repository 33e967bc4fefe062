/**
 * The window layout: header (brand, store tabs, progress, command palette,
 * theme; then the active store's name, lock state and seq-no), navbar with
 * the capability sections, and the active section — or the empty state.
 */
import type { ReactNode } from 'react'
import { AppShell, Button, Group, Kbd, Text, ThemeIcon, Tooltip } from '@mantine/core'
import { NoStoreOpen } from '../features/open-store/EmptyState'
import { IconDatabase, IconSearch } from '../ui/icons'
import { ProgressIndicator } from './ProgressIndicator'
import { NAVBAR_WIDTH, Navbar, useNavbarCollapsed } from './Navbar'
import { sectionById } from './sections'
import { displayShortcut, SHORTCUTS } from '../ui/shortcuts'
import { StoreBar } from './StoreBar'
import { CONNECTION_LOST_BAR_HEIGHT, ConnectionLostBar } from './ConnectionLostBar'
import { StoreTabs } from './StoreTabs'
import { ThemeMenu } from './ThemeMenu'
import { TimeZoneControl } from './TimeZoneControl'
import { useWorkspace } from '../workspace/WorkspaceProvider'
import { ConnectionLostProvider } from '../ui/connection-lost'
import { useForkMenuCommands } from '../features/fork/useForkMenuCommands'
import classes from './Shell.module.css'
import responsive from '../ui/responsive.module.css'

function Brand(): ReactNode {
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size="md" radius="md" variant="gradient" gradient={{ from: 'indigo', to: 'cyan', deg: 135 }}>
        <IconDatabase size={16} />
      </ThemeIcon>
      <Text fw={700} className={responsive.wideOnly} style={{ whiteSpace: 'nowrap' }}>
        Coherence Studio
      </Text>
    </Group>
  )
}

function PaletteButton(): ReactNode {
  const { openPalette, startup } = useWorkspace()
  const shortcut = displayShortcut(SHORTCUTS.palette, startup?.platform)
  return (
    <Tooltip label={`Commands (${shortcut})`} withArrow openDelay={400}>
      <Button variant="default" size="sm" leftSection={<IconSearch size={16} />} onClick={openPalette} aria-label="Open the command palette" fw={400} c="dimmed" className={responsive.noShrink}>
        <Text span size="sm" className={responsive.wideOnly} mr="sm">
          Commands
        </Text>
        <Kbd size="xs">{shortcut}</Kbd>
      </Button>
    </Tooltip>
  )
}

/** The app shell. */
export function Shell(): ReactNode {
  const { active, state } = useWorkspace()
  useForkMenuCommands()
  const Section = sectionById(state.section).View
  const [collapsed, setCollapsed] = useNavbarCollapsed()
  const navbarWidth = collapsed ? NAVBAR_WIDTH.collapsed : NAVBAR_WIDTH.expanded
  const headerHeight = active ? 101 + (active.disconnected ? CONNECTION_LOST_BAR_HEIGHT : 0) : 52
  return (
    <AppShell header={{ height: headerHeight }} navbar={active ? { width: navbarWidth, breakpoint: 0 } : undefined} padding="md">
      <AppShell.Header>
        <Group className={classes.headerRow} gap="md" wrap="nowrap">
          <Brand />
          <StoreTabs />
          <div style={{ flex: 1 }} />
          <ProgressIndicator />
          <PaletteButton />
          <TimeZoneControl />
          <ThemeMenu />
        </Group>
        {active && <StoreBar tab={active} />}
        {active && <ConnectionLostBar tab={active} />}
      </AppShell.Header>
      {active && <Navbar collapsed={collapsed} onCollapse={setCollapsed} />}
      {/* While the connection-lost bar is up, the views keep their last data, dimmed, and add no errors of their own. */}
      <AppShell.Main className={classes.main} data-stale={active?.disconnected ? true : undefined}>
        <ConnectionLostProvider lost={Boolean(active?.disconnected)}>{active ? <Section key={active.info.storeId} tab={active} /> : <NoStoreOpen />}</ConnectionLostProvider>
      </AppShell.Main>
    </AppShell>
  )
}
