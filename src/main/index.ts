/** Wiring only: window, menu, IPC handlers, change polling. */
import { app, ipcMain } from 'electron'
import { join } from 'node:path'
import { channels } from '../shared/ipc/contract'
import { dispatch, type HandlerContext } from './ipc/handlers'
import { StoreRegistry } from './ipc/registry'
import { recentFiles } from './app/recent'
import { createMainWindow, denyAllPermissions, isTrustedSender } from './app/window'
import { installMenu } from './app/menu'
import { watchStores } from './ipc/watch'

void app.whenReady().then(() => {
  denyAllPermissions()
  const recent = recentFiles(join(app.getPath('userData'), 'recent-files.json'))
  const registry = new StoreRegistry(process.env.COHERENCE_SQLITE_BINDING)
  const ctx: HandlerContext = { registry, recent: recent.list, remember: recent.remember }
  const win = createMainWindow()
  for (const channel of channels) {
    ipcMain.handle(channel, (event, payload) => dispatch(ctx, channel, payload, isTrustedSender(win, event.senderFrame, event.sender.id)))
  }
  const send = (channel: string, payload: unknown): void => {
    if (!win.isDestroyed()) win.webContents.send(channel, payload)
  }
  const openRequest = (path: string): void => send('app:open-request', { path })
  installMenu(win, { openPath: openRequest, createPath: (path) => send('app:create-request', { path }), recent: recent.list })
  const stopWatching = watchStores(registry, (storeId, seqNo) => send('store:changed', { storeId, seqNo }))
  const argvPath = process.argv.slice(app.isPackaged ? 1 : 2).find((a) => !a.startsWith('-'))
  const initial = argvPath ?? process.env.COHERENCE_DEMO_STORE
  if (initial) win.webContents.once('did-finish-load', () => openRequest(initial))
  app.on('window-all-closed', () => {
    stopWatching()
    void registry.closeAll().then(() => app.quit())
  })
})

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
})
