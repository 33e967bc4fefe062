/** The main window: isolated, sandboxed, no Node in the page, web security on. */
import { BrowserWindow } from 'electron'
import { hardenWebContents } from './security'

/** Where the window's pieces are. */
export interface WindowSources {
  /** The built CommonJS preload (out/preload/index.js). */
  readonly preloadPath: string
  /** The renderer URL: app://renderer/index.html (the built renderer, see protocol.ts), or the dev server. */
  readonly rendererUrl: string
  /** Window icon (Linux/Windows; macOS uses the bundle icon). */
  readonly iconPath?: string
}

/** Create and load the app window. */
export function createMainWindow(sources: WindowSources): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: 'Coherence Studio',
    show: false,
    icon: sources.iconPath,
    webPreferences: {
      preload: sources.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false
    }
  })
  hardenWebContents(win.webContents)
  win.once('ready-to-show', () => win.show())
  void win.loadURL(sources.rendererUrl)
  return win
}
