/**
 * Runs in the page before the app (bundled by `buildBridgeScript`): the same
 * bridge the Electron preload builds (src/preload/api.ts), with Playwright
 * bindings as its transport. Requests reach the real main-process dispatch;
 * main's push events arrive through `__coherencePush`.
 */
import { createBridge } from '../../src/preload/api'

interface HarnessWindow {
  /** Installed by `page.exposeBinding`: the real dispatch in the test process. */
  __coherenceInvoke(channel: string, request: unknown): Promise<unknown>
  /** Called by the harness to deliver a push event. */
  __coherencePush(event: string, payload: unknown): void
  /**
   * Paths of the File objects the harness drops (Chromium has no
   * `webUtils.getPathForFile`); keyed by the object itself, so a File a page
   * script makes has no path, as in Electron.
   */
  __coherenceFilePaths: WeakMap<object, string>
}

const harness = window as unknown as HarnessWindow
const listeners = new Map<string, Set<(payload: unknown) => void>>()
harness.__coherenceFilePaths = new WeakMap()
harness.__coherencePush = (event, payload) => {
  for (const listener of listeners.get(event) ?? []) listener(payload)
}

Object.defineProperty(window, 'coherence', {
  value: Object.freeze(
    createBridge({
      invoke: (channel, request) => harness.__coherenceInvoke(channel, request),
      subscribe: (event, listener) => {
        const set = listeners.get(event) ?? new Set()
        set.add(listener)
        listeners.set(event, set)
        return () => {
          set.delete(listener)
        }
      },
      pathForFile: (file) => harness.__coherenceFilePaths.get(file) ?? ''
    })
  ),
  writable: false,
  configurable: false
})
