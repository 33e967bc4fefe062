/** The main window, locked down: isolation, sandbox, no navigation, no new windows, no permissions. */
import { BrowserWindow, session, type WebContents } from 'electron'
import { join } from 'node:path'

/** Create the app window and load the built renderer. */
export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1200,
    height: 800,
    title: 'Coherence Studio',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true
    }
  })
  lockDown(win.webContents)
  void win.loadFile(join(__dirname, '../renderer/index.html'))
  return win
}

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

/** Deny every permission request of the default session. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, callback) => callback(false))
}

/** True when an IPC sender is the app's own top frame loaded from the bundled files. */
export function isTrustedSender(win: BrowserWindow | null, frame: { url: string } | null, senderId: number): boolean {
  return win !== null && frame !== null && senderId === win.webContents.id && frame.url.startsWith('file://')
}
