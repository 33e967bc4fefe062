/**
 * Export: main asks where to save (the window never names a path to write),
 * then the store's background worker writes the file with progress.
 */
import { basename, extname } from 'node:path'
import type { ExportOutcome } from '../../shared/export'
import type { Handlers } from './handler'

/** `store:export` */
export const exportHandlers: Handlers<'store:export'> = {
  'store:export': async (deps, { storeId, filter, format, filtered }): Promise<ExportOutcome> => {
    const file = deps.host.fileNameOf(storeId)
    const stem = basename(file, extname(file)) || 'events'
    const path = await deps.dialogs.chooseExportPath(`${stem}-${filtered ? 'filtered-events' : 'events'}.${format}`, format)
    if (path === null) return { result: 'cancelled' }
    return deps.host.query(
      storeId,
      'exportEvents',
      { filter, format, path },
      { operation: 'export', label: `Exporting events of ${file} to ${basename(path)}` },
      'background'
    )
  }
}
