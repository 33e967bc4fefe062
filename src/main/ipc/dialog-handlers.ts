/** Native file dialogs (injected, so tests script them): what the user picks becomes a chosen location. */
import type { Handlers } from './handler'

/** `dialog:open-store`, `dialog:new-store` */
export const dialogHandlers: Handlers<'dialog:open-store' | 'dialog:new-store'> = {
  'dialog:open-store': async (deps) => {
    const path = await deps.dialogs.chooseStoreToOpen()
    return path === null ? null : deps.locations.choose(path, 'open')
  },
  'dialog:new-store': async (deps) => {
    const path = await deps.dialogs.chooseNewStorePath()
    return path === null ? null : deps.locations.choose(path, 'create')
  }
}
