/**
 * File ▸ Open Recent as main builds it (`menuTemplate` with
 * `recentMenuActions`), over a test's real IPC deps: click an item by its
 * label and get what it sends the window.
 */
import type { MenuItemConstructorOptions } from 'electron'
import type { AppCommandEvent } from '../../src/shared/ipc/types'
import type { IpcDeps } from '../../src/main/ipc/deps'
import { menuTemplate } from '../../src/main/app/menu'
import { recentMenuActions } from '../../src/main/app/recent-menu'

/** The Open Recent submenu built from `deps`' lists now; clicks record what they send in `sent`. */
export function openRecentItems(deps: IpcDeps, sent: AppCommandEvent[]): MenuItemConstructorOptions[] {
  const send = (command: AppCommandEvent): void => void sent.push(command)
  const template = menuTemplate({
    platform: 'linux',
    recent: deps.recent.list(),
    connections: deps.connections.list(),
    demoAvailable: false,
    development: false,
    send,
    ...recentMenuActions({ locations: deps.locations, recent: deps.recent, connections: deps.connections, send })
  })
  const file = template.find((item) => item.label === 'File')?.submenu as MenuItemConstructorOptions[]
  return file.find((item) => item.label === 'Open Recent')?.submenu as MenuItemConstructorOptions[]
}

/** Click the Open Recent item labelled `label` (built from `deps` now); what it sent the window. */
export function chooseRecent(deps: IpcDeps, label: string): AppCommandEvent {
  const sent: AppCommandEvent[] = []
  const item = openRecentItems(deps, sent).find((i) => i.label === label)
  if (!item) throw new Error(`Open Recent has no item ${label}`)
  ;(item.click as () => void)()
  if (sent.length !== 1) throw new Error(`${label} sent ${sent.length} commands`)
  return sent[0]
}
