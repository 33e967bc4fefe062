/**
 * How a store worker answers each host method: one typed handler per method
 * of the protocol, all over one store session. The worker dispatches every
 * request through this table; a method the protocol adds without a handler
 * here does not compile.
 */
import type { ProgressFn } from '../store/store-inspector'
import type { StoreSession } from '../services/store-session'
import type { HostMethod, HostMethods, HostRequestMessage } from './protocol'

/** One handler per host method, typed by the method's arguments and result. */
export type HostHandlers = {
  readonly [M in HostMethod]: (args: HostMethods[M]['args'], progress: ProgressFn, signal: AbortSignal) => Promise<HostMethods[M]['result']>
}

/** The handlers of a worker holding `session`. */
export function sessionHandlers(session: StoreSession): HostHandlers {
  return {
    detectTables: ({ path }) => session.detectTables(path),
    open: ({ path, tables }) => session.open(path, tables),
    create: ({ path, tables }) => session.create(path, tables),
    info: () => session.info(),
    counts: () => session.counts(),
    page: (query) => session.page(query),
    check: (_args, progress) => session.check(progress),
    unlock: () => session.unlock(),
    lock: () => session.lock(),
    reconnect: () => session.reconnect(),
    rebase: (request) => session.rebase(request),
    addTriggerIndex: () => session.addTriggerIndex(),
    close: () => session.close(),
    query: (request, progress) => session.query(request, progress),
    fork: ({ target }) => session.fork(target),
    copy: ({ target }, progress, signal) => session.copy(target, progress, signal),
    collectMerge: () => session.collectMerge(),
    recordMerge: (committed) => session.recordMerge(committed),
    importBatch: ({ file }) => session.importBatch(file)
  }
}

/** True for a method of the protocol (checked on messages from main). */
export function isHostMethod(handlers: HostHandlers, method: unknown): method is HostMethod {
  return typeof method === 'string' && Object.hasOwn(handlers, method)
}

/** Run one request with the handler of its method; `signal` is aborted when main cancels the request (only `copy` listens). */
export function dispatchHostRequest<M extends HostMethod>(
  handlers: HostHandlers,
  request: HostRequestMessage<M>,
  progress: ProgressFn,
  signal: AbortSignal
): Promise<HostMethods[M]['result']> {
  return handlers[request.method](request.args, progress, signal)
}
