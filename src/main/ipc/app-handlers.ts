/** Start-up info, the recent-files list and dropped files: every path the window gets comes with its location token. */
import { statSync } from 'node:fs'
import type { RecentFile, RecentLocation } from '../../shared/ipc/types'
import { HostError } from '../host/host-error'
import type { IpcDeps } from './deps'
import type { Handlers } from './handler'

/** The recent files with the tokens that open them (the user chose each once). */
function withLocations(deps: IpcDeps, files: readonly RecentFile[]): RecentLocation[] {
  return files.map((file) => ({ ...file, ...deps.locations.choose(file.path, 'open') }))
}

/** `app:startup`, `app:recent`, `app:forget-recent`, `app:dropped-file` */
export const appHandlers: Handlers<'app:startup' | 'app:recent' | 'app:forget-recent' | 'app:dropped-file'> = {
  'app:startup': async (deps) => {
    const { files, demoStore, ...rest } = deps.startup()
    return {
      ...rest,
      files: files.map((path) => deps.locations.choose(path, 'open')),
      demoStore: demoStore === null ? null : deps.locations.choose(demoStore, 'open')
    }
  },
  'app:recent': async (deps) => withLocations(deps, deps.recent.list()),
  'app:forget-recent': async (deps, request) => withLocations(deps, deps.recent.forget(request.path)),
  // Only the bridge sends this, with the path Chromium attached to a real dropped File;
  // main still checks that it names a regular file before it counts as chosen.
  'app:dropped-file': async (deps, { path }) => {
    const isFile = (() => {
      try {
        return statSync(path).isFile()
      } catch {
        return false
      }
    })()
    if (!isFile) throw new HostError('not-found', `${path} is not a file, so it cannot be opened as a store.`)
    return deps.locations.choose(path, 'open')
  }
}
