/** Start-up info and the recent-files list. */
import type { Handlers } from './handler'

/** `app:startup`, `app:recent`, `app:forget-recent` */
export const appHandlers: Handlers<'app:startup' | 'app:recent' | 'app:forget-recent'> = {
  'app:startup': async (deps) => deps.startup(),
  'app:recent': async (deps) => deps.recent.list(),
  'app:forget-recent': async (deps, request) => deps.recent.forget(request.path)
}
