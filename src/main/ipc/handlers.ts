/** The handler table: exactly one handler per channel of the contract (the compiler checks both ways). */
import type { Channel } from '../../shared/ipc/contract'
import type { Handlers } from './handler'
import { aggregateHandlers } from './aggregate-handlers'
import { appHandlers } from './app-handlers'
import { auditHandlers } from './audit-handlers'
import { browseHandlers } from './browse-handlers'
import { composeHandlers } from './compose-handlers'
import { copyHandlers } from './copy-handlers'
import { dialogHandlers } from './dialog-handlers'
import { postgresHandlers } from './postgres-handlers'
import { replayHandlers } from './replay-handlers'
import { exportHandlers } from './export-handlers'
import { forkHandlers } from './fork-handlers'
import { resolveHandlers } from './resolve-handlers'
import { storeOpenHandlers } from './store-open-handlers'
import { storeReadHandlers } from './store-read-handlers'
import { storeWriteHandlers } from './store-write-handlers'

/** Every handler, keyed by channel. */
export const handlers: Handlers<Channel> = {
  ...aggregateHandlers,
  ...appHandlers,
  ...auditHandlers,
  ...browseHandlers,
  ...composeHandlers,
  ...copyHandlers,
  ...dialogHandlers,
  ...postgresHandlers,
  ...replayHandlers,
  ...exportHandlers,
  ...forkHandlers,
  ...resolveHandlers,
  ...storeOpenHandlers,
  ...storeReadHandlers,
  ...storeWriteHandlers
}
