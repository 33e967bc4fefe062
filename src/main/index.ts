/**
 * Electron main process: wiring only. Stores live in worker threads (the
 * store host); main checks and routes requests, owns the window, the menu,
 * the dialogs and the recent-files list.
 */
import { app, BrowserWindow, ipcMain, Menu, protocol, safeStorage, session } from 'electron'
import { join } from 'node:path'
import type { PushEventName, PushPayloads } from '../shared/ipc/contract'
import { DEV_RENDERER_CSP, RENDERER_CSP_HEADER } from './app/csp'
import { electronDialogs } from './app/dialogs'
import { filesFromArgv, findDemoStore, nativeBindingFromEnv, startupOnce } from './app/launch'
import { menuTemplate } from './app/menu'
import { osRecentDocumentsSync, recentMenuActions } from './app/recent-menu'
import { APP_RENDERER_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, appProtocolHandler } from './app/protocol'
import { JsonRecentFiles } from './app/recent-files'
import { JsonRecentConnections } from './app/recent-connections'
import { safeStorageBox } from './app/secret-box'
import { hardenSession, hardenWebContents } from './app/security'
import { createMainWindow } from './app/window'
import { StoreHost } from './host/store-host'
import { registerIpc } from './ipc/electron-ipc'
import { ChosenLocations } from './ipc/locations'

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const rendererUrl = devServerUrl ?? APP_RENDERER_URL
// The built renderer is served over app:// (see app/protocol.ts); the scheme must be known before ready.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])
let win: BrowserWindow | null = null
/** Every path the user chose through main (dialogs, drops, recent list, command line); the window names them by token. */
const locations = new ChosenLocations()

/** Files handed to us before the window can take them (macOS "open with", a second launch). */
const filesBeforeReady: string[] = []

function push<E extends PushEventName>(event: E, payload: PushPayloads[E]): void {
  if (win && !win.isDestroyed()) win.webContents.send(event, payload)
}

function openInWindow(path: string): void {
  if (!win) filesBeforeReady.push(path)
  else push('app:command', { command: 'open-path', file: locations.choose(path, 'open') })
}

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents))
app.on('open-file', (event, path) => {
  event.preventDefault()
  openInWindow(path)
})
app.on('second-instance', (_event, argv, cwd) => {
  for (const path of filesFromArgv(argv, app.isPackaged, cwd)) openInWindow(path)
  if (win?.isMinimized()) win.restore()
  win?.focus()
})

/** Everything that needs the app to be ready: session, store host, IPC, menu, window. */
function start(): void {
  hardenSession(session.defaultSession, devServerUrl ? DEV_RENDERER_CSP : RENDERER_CSP_HEADER)
  session.defaultSession.protocol.handle(APP_SCHEME, appProtocolHandler(join(__dirname, '../renderer'), RENDERER_CSP_HEADER))
  const host = new StoreHost(
    { workerPath: join(__dirname, 'store-host.js'), nativeBinding: nativeBindingFromEnv(process.env) },
    {
      changed: (storeId, seqNo) => push('store:changed', { storeId, seqNo }),
      lost: (storeId, message) => push('store:lost', { storeId, message }),
      disconnected: (storeId, message) => push('store:disconnected', { storeId, message }),
      progress: (event) => push('progress', event)
    }
  )
  const demoStore = findDemoStore(process.env, app.isPackaged ? process.resourcesPath : undefined)
  // File ▸ Open Recent follows both recent lists; the OS's recent documents follow the files.
  const recent = new JsonRecentFiles(join(app.getPath('userData'), 'recent-files.json'), (files) => {
    followFiles(files)
    installMenu()
  })
  const connections = new JsonRecentConnections(join(app.getPath('userData'), 'recent-connections.json'), safeStorageBox(safeStorage), () => installMenu())
  const followFiles = osRecentDocumentsSync(app, process.platform, recent.list())
  const recentActions = recentMenuActions({ locations, recent, connections, send: (command) => push('app:command', command) })
  const installMenu = (): void =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({
          platform: process.platform,
          recent: recent.list(),
          connections: connections.list(),
          demoAvailable: demoStore !== null,
          development: !app.isPackaged,
          send: (command) => push('app:command', command),
          ...recentActions
        })
      )
    )
  const launchFiles = [...filesFromArgv(process.argv, app.isPackaged, process.cwd()), ...filesBeforeReady.splice(0)]
  registerIpc(
    ipcMain,
    {
      host,
      dialogs: electronDialogs(() => win),
      recent,
      connections,
      locations,
      startup: startupOnce(launchFiles, demoStore, process.platform, app.getVersion())
    },
    () => (win && !win.isDestroyed() ? win.webContents.id : null),
    rendererUrl
  )
  installMenu()
  win = createMainWindow({
    preloadPath: join(__dirname, '../preload/index.js'),
    rendererUrl,
    iconPath: join(app.getAppPath(), 'resources', 'icon.png')
  })
  win.on('closed', () => {
    win = null
  })
  app.on('window-all-closed', () => {
    void host.closeAll().finally(() => app.quit())
  })
}

// A second launch hands its files to this instance (second-instance above) and quits.
if (app.requestSingleInstanceLock()) void app.whenReady().then(start)
else app.quit()
