/** Native file dialogs (injected, so tests script them). */
import type { Handlers } from './handler'

/** `dialog:open-store`, `dialog:new-store` */
export const dialogHandlers: Handlers<'dialog:open-store' | 'dialog:new-store'> = {
  'dialog:open-store': (deps) => deps.dialogs.chooseStoreToOpen(),
  'dialog:new-store': (deps) => deps.dialogs.chooseNewStorePath()
}
