/**
 * Channel and push-event names as plain data (no zod), so the sandboxed
 * preload can check names without bundling a schema library. The contract
 * (`contract.ts`) has exactly one entry per name here; the compiler checks it.
 */

/** Request/response channels. */
export const CHANNEL_NAMES = [
  'app:startup',
  'app:recent',
  'app:forget-recent',
  'app:dropped-file',
  'dialog:open-store',
  'dialog:new-store',
  'postgres:test-connection',
  'postgres:connect',
  'postgres:recent',
  'postgres:forget-recent',
  'store:detect-tables',
  'store:open',
  'store:create',
  'store:close',
  'store:list',
  'store:info',
  'store:counts',
  'store:page',
  'store:check',
  'store:unlock',
  'store:lock',
  'store:reconnect',
  'store:rebase',
  'store:add-trigger-index',
  // browsing
  'store:event-detail',
  'store:count-events',
  'store:seq-no-range',
  // audit
  'store:trigger-index',
  'store:count-triggers',
  'store:trigger-graph',
  'store:blast-radius',
  'store:blast-read-sizes',
  'store:timeline',
  'store:distinct-values',
  // replay
  'store:replay-page',
  'store:replay-count',
  // export
  'store:export',
  // aggregates
  'store:aggregate-kinds',
  'store:aggregate-list',
  'store:aggregate-history',
  'store:aggregate-state',
  'store:aggregate-diff',
  // composing
  'store:preflight',
  'compose:validate',
  'store:known-identities',
  // conflict resolution and undo
  'store:conflict-detail',
  'store:conflict-resolution',
  'store:compensation',
  // fork, merge back, import
  'fork:create',
  'fork:info',
  'fork:merge',
  'import',
  'store:copy',
  'store:copy-cancel',
  'dialog:copy-target'
] as const

/**
 * Channels only the bridge itself sends (never the page through `invoke`):
 * `app:dropped-file` carries a path the preload read from a real dropped File.
 */
export const BRIDGE_ONLY_CHANNELS: readonly Channel[] = ['app:dropped-file']

/** Events main pushes to the window. */
export const PUSH_EVENT_NAMES = ['store:changed', 'store:lost', 'store:disconnected', 'progress', 'app:command'] as const

/** A request/response channel. */
export type Channel = (typeof CHANNEL_NAMES)[number]

/** A push event. */
export type PushEventName = (typeof PUSH_EVENT_NAMES)[number]

/** True for a known channel name (checked at runtime on untrusted input). */
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (CHANNEL_NAMES as readonly string[]).includes(name)
}

/** True for a known push-event name. */
export function isPushEventName(name: unknown): name is PushEventName {
  return typeof name === 'string' && (PUSH_EVENT_NAMES as readonly string[]).includes(name)
}
