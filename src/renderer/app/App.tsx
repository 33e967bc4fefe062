/** Providers (theme, notifications, time zone, command palette, workspace) around the shell and its dialogs. */
import type { ReactNode } from 'react'
import { MantineProvider } from '@mantine/core'
import { createSpotlight } from '@mantine/spotlight'
import { ExportRequestModal } from './ExportRequestModal'
import { CopyStoreModal } from '../features/copy/CopyStoreModal'
import { ChooseTablesModal } from '../features/open-store/ChooseTablesModal'
import { DropOverlay } from '../features/open-store/DropOverlay'
import { NewStoreModal } from '../features/open-store/NewStoreModal'
import { ConnectPostgresModal } from '../features/connect/ConnectPostgresModal'
import { CommandPalette } from './CommandPalette'
import { NotificationArea } from './NotificationArea'
import { Shell } from './Shell'
import { colorSchemeManager, theme } from './theme'
import { WorkspaceProvider } from '../workspace/WorkspaceProvider'
import { TimeZoneProvider } from '../ui/time-zone'

const [paletteStore, palette] = createSpotlight()

/** The whole window. */
export function App(): ReactNode {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" colorSchemeManager={colorSchemeManager}>
      <NotificationArea />
      <TimeZoneProvider>
        <WorkspaceProvider openPalette={palette.open}>
          <CommandPalette store={paletteStore} />
          <Shell />
          <ChooseTablesModal />
          <NewStoreModal />
          <ConnectPostgresModal />
          <ExportRequestModal />
          <CopyStoreModal />
          <DropOverlay />
        </WorkspaceProvider>
      </TimeZoneProvider>
    </MantineProvider>
  )
}
