/**
 * Finding tables, opening, creating, listing and closing stores. The window
 * names a file only by a location token (see locations.ts); an unknown token
 * is refused before any file is touched.
 */
import type { Handlers } from './handler'

/** `store:detect-tables`, `store:open`, `store:create`, `store:list`, `store:close` */
export const storeOpenHandlers: Handlers<'store:detect-tables' | 'store:open' | 'store:create' | 'store:list' | 'store:close'> = {
  'store:detect-tables': (deps, request) => deps.host.detectTables(deps.locations.resolve(request.location, 'open')),
  'store:open': async (deps, request) => {
    const info = await deps.host.open(deps.locations.resolve(request.location, 'open'), request.tables)
    deps.recent.remember(info.path, info.tables)
    return info
  },
  'store:create': async (deps, request) => {
    const info = await deps.host.create(deps.locations.resolve(request.location, 'create'), request.tables)
    deps.recent.remember(info.path, info.tables)
    return info
  },
  'store:list': (deps) => deps.host.list(),
  'store:close': async (deps, request) => {
    await deps.host.close(request.storeId)
    return null
  }
}
