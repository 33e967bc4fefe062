/** Electron's native file dialogs behind the `Dialogs` interface the handlers use. */
import { dialog, type BrowserWindow } from 'electron'
import type { ExportFormat } from '../../shared/export'
import type { Dialogs } from '../ipc/deps'

const STORE_FILTERS = [
  { name: 'SQLite stores', extensions: ['db', 'sqlite', 'sqlite3', 'db3'] },
  { name: 'All files', extensions: ['*'] }
]

const EXPORT_FILTERS: Record<ExportFormat, { name: string; extensions: string[] }> = {
  edn: { name: 'EDN', extensions: ['edn'] },
  json: { name: 'JSON', extensions: ['json'] }
}

/** Dialogs attached to `win` (modal on macOS). */
export function electronDialogs(win: () => BrowserWindow | null): Dialogs {
  return {
    async chooseStoreToOpen() {
      const parent = win()
      const options = { title: 'Open a coherence store', properties: ['openFile' as const], filters: STORE_FILTERS }
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async chooseNewStorePath() {
      const parent = win()
      const options = { title: 'Create a new coherence store', buttonLabel: 'Create', defaultPath: 'events.db', filters: STORE_FILTERS }
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
    async chooseExportPath(defaultName, format) {
      const parent = win()
      const filters = [EXPORT_FILTERS[format], { name: 'All files', extensions: ['*'] }]
      const options = { title: 'Export events', buttonLabel: 'Export', defaultPath: defaultName, filters }
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
    async chooseForkPath(defaultName) {
      const parent = win()
      const options = { title: 'Fork to a file', buttonLabel: 'Fork', defaultPath: defaultName, filters: STORE_FILTERS }
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
    async chooseCopyPath(defaultName) {
      const parent = win()
      const options = { title: 'Copy to a new file', buttonLabel: 'Copy', defaultPath: defaultName, filters: STORE_FILTERS }
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
    async chooseBatchFile() {
      const parent = win()
      const filters = [{ name: 'Batches of events', extensions: ['edn', 'json'] }, { name: 'All files', extensions: ['*'] }]
      const options = { title: 'Import a batch of events', buttonLabel: 'Import', properties: ['openFile' as const], filters }
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async confirmUnlock(fileName, path) {
      const parent = win()
      const options = {
        type: 'warning' as const,
        title: 'Unlock for writing',
        message: `Unlock ${fileName} for writing?`,
        detail: `While ${path} is unlocked, writing actions of this window append events to the file at once, and programs that read it will see them. Lock it again at any time; it opens read-only next time.`,
        buttons: ['Keep read-only', 'Unlock'],
        defaultId: 0,
        cancelId: 0,
        noLink: true
      }
      const result = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options)
      return result.response === 1
    }
  }
}
