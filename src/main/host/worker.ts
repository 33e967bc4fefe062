/**
 * Entry point of a store worker thread (built to out/main/store-host.js).
 * Answers host requests one at a time, in order, reports progress of long
 * operations, and polls `data_version` so commits by other processes reach
 * the window within about a second.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { HostError, toIpcError } from './host-error'
import { HOST_WRITE_METHODS, type HostMethods, type HostRequestMessage, type WorkerConfig, type WorkerMessage } from './protocol'
import { StoreSession } from './store-session'

/** Progress is sent at most this often per operation. */
const PROGRESS_INTERVAL_MS = 100

if (!parentPort) throw new Error('store-host must run as a worker thread')
const port = parentPort
const config = workerData as WorkerConfig
const session = new StoreSession(config.nativeBinding)
const post = (message: WorkerMessage): void => port.postMessage(message)

type Args<M extends keyof HostMethods> = HostMethods[M]['args']

/** Runs one request; `progress` reports for this request id. */
function run(request: HostRequestMessage, progress: (done: number, total: number) => void): Promise<unknown> {
  const args = request.args as never
  switch (request.method) {
    case 'detectTables':
      return session.detectTables((args as Args<'detectTables'>).path)
    case 'open': {
      const { path, tables } = args as Args<'open'>
      return session.open(path, tables)
    }
    case 'create': {
      const { path, tables } = args as Args<'create'>
      return session.create(path, tables)
    }
    case 'info':
      return session.info()
    case 'counts':
      return session.counts()
    case 'page':
      return session.page(args as Args<'page'>)
    case 'check':
      return session.check(progress)
    case 'unlock':
      return session.unlock()
    case 'lock':
      return session.lock()
    case 'rebase':
      return session.rebase(args as Args<'rebase'>)
    case 'close':
      return session.close()
    case 'query': {
      const { name, args: queryArgs } = args as Args<'query'>
      return session.query(name, queryArgs, progress)
    }
    default:
      return Promise.reject(new HostError('invalid-request', `The store host has no method "${String(request.method)}".`))
  }
}

function throttledProgress(id: number): (done: number, total: number) => void {
  let last = 0
  return (done, total) => {
    const now = Date.now()
    if (now - last < PROGRESS_INTERVAL_MS && done < total) return
    last = now
    post({ kind: 'progress', id, done, total })
  }
}

// Requests run strictly one after another: a store connection is not re-entrant.
let queue: Promise<void> = Promise.resolve()

port.on('message', (request: HostRequestMessage) => {
  queue = queue.then(async () => {
    try {
      const value = await run(request, throttledProgress(request.id))
      post({ kind: 'response', id: request.id, ok: true, value })
      // Our own commits do not move our connection's data_version: report them here.
      if (HOST_WRITE_METHODS.has(request.method)) post({ kind: 'changed', seqNo: (await session.info()).seqNo })
    } catch (e) {
      post({ kind: 'response', id: request.id, ok: false, error: toIpcError(e) })
    }
  })
})

async function reportChange(): Promise<void> {
  const seqNo = await session.pollChange()
  if (seqNo !== null) post({ kind: 'changed', seqNo })
}

const timer = setInterval(() => {
  queue = queue.then(() => reportChange().catch(() => undefined))
}, config.pollIntervalMs)
timer.unref()
