/** The File menu: Open…, New store…, recent files, Quit. */
import { Menu, dialog, type BrowserWindow } from 'electron'

/** What the menu asks the app to do. */
export interface MenuActions {
  readonly openPath: (path: string) => void
  readonly createPath: (path: string) => void
  readonly recent: () => string[]
}

/** Install the application menu. */
export function installMenu(win: BrowserWindow, actions: MenuActions): void {
  const filters = [{ name: 'SQLite store', extensions: ['db', 'sqlite', 'sqlite3'] }, { name: 'All files', extensions: ['*'] }]
  const menu = Menu.buildFromTemplate([
    {
      label: 'File',
      submenu: [
        {
          label: 'Open…',
          accelerator: 'CmdOrCtrl+O',
          click: async () => {
            const r = await dialog.showOpenDialog(win, { properties: ['openFile'], filters })
            if (!r.canceled && r.filePaths[0]) actions.openPath(r.filePaths[0])
          }
        },
        {
          label: 'New store…',
          accelerator: 'CmdOrCtrl+N',
          click: async () => {
            const r = await dialog.showSaveDialog(win, { filters })
            if (!r.canceled && r.filePath) actions.createPath(r.filePath)
          }
        },
        { label: 'Open recent', submenu: actions.recent().map((p) => ({ label: p, click: () => actions.openPath(p) })) },
        { type: 'separator' },
        { role: 'quit' }
      ]
    },
    { role: 'editMenu' },
    { role: 'viewMenu' }
  ])
  Menu.setApplicationMenu(menu)
}
