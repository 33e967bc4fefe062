/** Finding tables, opening, creating, listing and closing stores. */
import type { Handlers } from './handler'

/** `store:detect-tables`, `store:open`, `store:create`, `store:list`, `store:close` */
export const storeOpenHandlers: Handlers<'store:detect-tables' | 'store:open' | 'store:create' | 'store:list' | 'store:close'> = {
  'store:detect-tables': (deps, request) => deps.host.detectTables(request.path),
  'store:open': async (deps, request) => {
    const info = await deps.host.open(request.path, request.tables)
    deps.recent.remember(info.path, info.tables)
    return info
  },
  'store:create': async (deps, request) => {
    const info = await deps.host.create(request.path, request.tables)
    deps.recent.remember(info.path, info.tables)
    return info
  },
  'store:list': (deps) => deps.host.list(),
  'store:close': async (deps, request) => {
    await deps.host.close(request.storeId)
    return null
  }
}
