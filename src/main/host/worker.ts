/**
 * Entry point of a store worker thread (built to out/main/store-host.js).
 * Holds one store session (src/main/services/store-session.ts) and answers
 * host requests through the typed handler table of `worker-methods.ts`, one
 * at a time, in order; reports progress of long
 * operations, and polls `data_version` so commits by other processes reach
 * the window within about a second.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { HostError, toIpcError } from './host-error'
import { HOST_WRITE_METHODS, type HostRequestMessage, type MainMessage, type WorkerConfig, type WorkerMessage } from './protocol'
import { StoreSession } from '../services/store-session'
import { dispatchHostRequest, isHostMethod, sessionHandlers } from './worker-methods'

/** Progress is sent at most this often per operation. */
const PROGRESS_INTERVAL_MS = 100

if (!parentPort) throw new Error('store-host must run as a worker thread')
const port = parentPort
const config = workerData as WorkerConfig
const session = new StoreSession(config.nativeBinding)
const post = (message: WorkerMessage): void => port.postMessage(message)

const handlers = sessionHandlers(session)

/** Runs one request through the handler table; `progress` reports for this request id, `signal` is its cancel. */
function run(request: HostRequestMessage, progress: (done: number, total: number) => void, signal: AbortSignal): Promise<unknown> {
  if (!isHostMethod(handlers, request.method)) {
    return Promise.reject(new HostError('invalid-request', `The store host has no method "${String(request.method)}".`))
  }
  return dispatchHostRequest(handlers, request, progress, signal)
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

/** The cancel of every request not answered yet: a cancel message is acted on at once, not queued. */
const cancels = new Map<number, AbortController>()

port.on('message', (message: MainMessage) => {
  if (message.kind === 'cancel') {
    cancels.get(message.id)?.abort()
    return
  }
  const request = message
  const cancel = new AbortController()
  cancels.set(request.id, cancel)
  queue = queue.then(async () => {
    try {
      const value = await run(request, throttledProgress(request.id), cancel.signal)
      post({ kind: 'response', id: request.id, ok: true, value })
      // Our own commits do not move our connection's data_version: report them here.
      if (HOST_WRITE_METHODS.has(request.method)) post({ kind: 'changed', seqNo: (await session.info()).seqNo })
    } catch (e) {
      const error = toIpcError(e)
      post({ kind: 'response', id: request.id, ok: false, error })
      // A request that met a lost server says so at once (the poll would, at its next turn).
      if (error.code === 'unreachable') reportLoss()
    } finally {
      cancels.delete(request.id)
    }
  })
})

// Reported once per loss: polling goes on, and the first poll that works again (after a reconnect) clears it.
let disconnected = false

async function reportChange(): Promise<void> {
  try {
    const seqNo = await session.pollChange()
    disconnected = false
    if (seqNo !== null) post({ kind: 'changed', seqNo })
  } catch {
    reportLoss()
  }
}

function reportLoss(): void {
  const message = session.connectionLost()
  if (message === null || disconnected) return
  disconnected = true
  post({ kind: 'disconnected', message })
}

const timer = setInterval(() => {
  queue = queue.then(() => reportChange().catch(() => undefined))
}, config.pollIntervalMs)
timer.unref()
