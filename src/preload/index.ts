/** Typed bridge: exposes exactly the IPC contract as `window.coherence`, nothing else. */
import { contextBridge, ipcRenderer } from 'electron'
import type { Channel, CoherenceApi, PushEvents } from '../shared/ipc/contract'
import { channelNames, pushEventNames } from '../shared/ipc/channels'

const channels: readonly Channel[] = channelNames
const pushEvents: readonly (keyof PushEvents)[] = pushEventNames

const api = {
  invoke: (channel, request) => {
    if (!channels.includes(channel)) return Promise.resolve({ ok: false, error: { code: 'unknown-channel', message: `Unknown request "${channel}".` } })
    return ipcRenderer.invoke(channel, request)
  },
  on: (event, listener) => {
    if (!pushEvents.includes(event)) return () => undefined
    const wrapped = (_e: unknown, payload: Parameters<typeof listener>[0]) => listener(payload)
    ipcRenderer.on(event, wrapped)
    return () => ipcRenderer.removeListener(event, wrapped)
  }
} satisfies CoherenceApi

contextBridge.exposeInMainWorld('coherence', api)
