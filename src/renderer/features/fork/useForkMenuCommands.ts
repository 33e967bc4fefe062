/**
 * The native menu's fork commands (File ▸ Fork to a File…, Merge Fork into
 * Origin…, Import Batch…) on the active store: the same actions as the
 * header buttons and the command palette.
 */
import { useEffect } from 'react'
import type { AppCommandEvent } from '../../../shared/ipc/types'
import { subscribe } from '../../ipc/client'
import { fileName } from '../../ui/format'
import { notifyInfo } from '../../ui/notify'
import { useWorkspace } from '../../workspace/WorkspaceProvider'
import { forkToFile, importBatch, mergeIntoOrigin } from './fork-actions'

/** Answer the fork commands of the menu while mounted (once, in the shell). */
export function useForkMenuCommands(): void {
  const workspace = useWorkspace()
  useEffect(
    () =>
      subscribe('app:command', (event: AppCommandEvent) => {
        const tab = workspace.active
        if (!tab || !['fork-store', 'merge-fork', 'import-batch'].includes(event.command)) return
        if (event.command === 'fork-store') void forkToFile(workspace, tab)
        if (event.command === 'merge-fork') {
          if (tab.info.fork) void mergeIntoOrigin(workspace, tab)
          else notifyInfo('Not a fork', `${fileName(tab.info.path)} was not forked from another store, so there is nothing to merge.`)
        }
        if (event.command === 'import-batch') {
          workspace.showSection('compose')
          void importBatch(tab)
        }
      }),
    [workspace]
  )
}
