/**
 * Channel and push-event names as plain data (no zod), so the sandboxed
 * preload can check names without pulling in a schema library.
 */

/** Request/response channels of the contract. */
export const channelNames = [
  'store:open',
  'store:create',
  'store:close',
  'store:info',
  'store:unlock',
  'store:lock',
  'store:page',
  'store:rebase',
  'app:recent'
] as const

/** Events pushed from main to the renderer. */
export const pushEventNames = ['store:changed', 'progress', 'app:open-request', 'app:create-request'] as const
