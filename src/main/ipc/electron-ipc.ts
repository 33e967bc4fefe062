/**
 * Registers every contract channel with Electron's ipcMain, all from the one
 * handler table through `dispatch`, with the sender frame checked per request.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { CHANNEL_NAMES } from '../../shared/ipc/channels'
import type { IpcDeps } from './deps'
import { dispatch } from './dispatch'
import { isTrustedSender } from './sender'

/** Register all channels; returns the function that removes them again. */
export function registerIpc(ipcMain: IpcMain, deps: IpcDeps, appContentsId: () => number | null, rendererUrl: string): () => void {
  const trusted = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame
    return isTrustedSender(
      {
        fromAppWindow: appContentsId() === event.sender.id,
        isMainFrame: frame !== null && frame === event.sender.mainFrame,
        url: frame?.url ?? ''
      },
      rendererUrl
    )
  }
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, payload: unknown) => dispatch(deps, channel, payload, trusted(event)))
  }
  return () => {
    for (const channel of CHANNEL_NAMES) ipcMain.removeHandler(channel)
  }
}
