/** The handler table: exactly one handler per channel of the contract (the compiler checks both ways). */
import type { Channel } from '../../shared/ipc/contract'
import type { Handlers } from './handler'
import { appHandlers } from './app-handlers'
import { browseHandlers } from './browse-handlers'
import { dialogHandlers } from './dialog-handlers'
import { replayHandlers } from './replay-handlers'
import { storeOpenHandlers } from './store-open-handlers'
import { storeReadHandlers } from './store-read-handlers'
import { storeWriteHandlers } from './store-write-handlers'

/** Every handler, keyed by channel. */
export const handlers: Handlers<Channel> = {
  ...appHandlers,
  ...browseHandlers,
  ...dialogHandlers,
  ...replayHandlers,
  ...storeOpenHandlers,
  ...storeReadHandlers,
  ...storeWriteHandlers
}
