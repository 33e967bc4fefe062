/**
 * The sandboxed preload (CommonJS): exposes the bridge as `window.coherence`
 * over Electron IPC. No Node API reaches the page.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { createBridge } from './api'

contextBridge.exposeInMainWorld(
  'coherence',
  createBridge({
    invoke: (channel, request) => ipcRenderer.invoke(channel, request),
    subscribe: (event, listener) => {
      const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload)
      ipcRenderer.on(event, wrapped)
      return () => {
        ipcRenderer.removeListener(event, wrapped)
      }
    },
    // The page's own File object, passed through the context bridge unchanged;
    // only a file the user dropped (or picked in a file input) has a path.
    pathForFile: (file) => webUtils.getPathForFile(file as File)
  })
)
