/**
 * Main's side of one store worker: sends requests, matches answers to them,
 * forwards progress, and turns a crashed worker into `host-failed` errors
 * instead of promises that never settle.
 */
import { Worker } from 'node:worker_threads'
import { HostError } from './host-error'
import type { HostMethod, HostMethods, MainMessage, WorkerConfig, WorkerMessage } from './protocol'

/** Where the worker script is and how to start it. */
export interface WorkerLaunch {
  /** The built worker script (out/main/store-host.js in the app). */
  readonly workerPath: string
  readonly config: WorkerConfig
  /** Extra Node flags for the worker (tests only). */
  readonly execArgv?: readonly string[]
}

/** What the client reports besides answers. */
export interface WorkerClientListener {
  /** Another connection committed; `seqNo` is the store's new highest seq-no. */
  changed(seqNo: number): void
  /** The store's database connection was lost (the worker still runs; `reconnect` opens it again). */
  disconnected(message: string): void
  /** The worker stopped unexpectedly. */
  failed(message: string): void
}

interface Pending {
  resolve(value: unknown): void
  reject(error: Error): void
  progress?: (done: number, total: number) => void
}

/** One worker thread and its in-flight requests. */
export class StoreWorkerClient {
  private readonly worker: Worker
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private stopped = false

  constructor(launch: WorkerLaunch, private readonly listener: WorkerClientListener) {
    this.worker = new Worker(launch.workerPath, { workerData: launch.config, execArgv: launch.execArgv ? [...launch.execArgv] : undefined })
    this.worker.on('message', (message: WorkerMessage) => this.receive(message))
    this.worker.on('error', (e) => this.fail(`The store worker failed: ${e.message}`))
    this.worker.on('exit', (code) => this.fail(`The store worker stopped (exit code ${code}).`))
  }

  /**
   * Ask the worker; rejects with a HostError carrying the worker's code and
   * message. Aborting `signal` asks the worker to stop the request (a copy
   * then fails with `cancelled`; other methods run to their end).
   */
  request<M extends HostMethod>(
    method: M,
    args: HostMethods[M]['args'],
    progress?: (done: number, total: number) => void,
    signal?: AbortSignal
  ): Promise<HostMethods[M]['result']> {
    if (this.stopped) return Promise.reject(new HostError('host-failed', 'The store worker is no longer running. Open the store again.'))
    const id = this.nextId++
    const cancel = (): void => this.post({ kind: 'cancel', id })
    signal?.addEventListener('abort', cancel, { once: true })
    const answered = new Promise<HostMethods[M]['result']>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, progress })
      this.post({ kind: 'request', id, method, args })
    })
    return signal ? answered.finally(() => signal.removeEventListener('abort', cancel)) : answered
  }

  private post(message: MainMessage): void {
    if (!this.stopped) this.worker.postMessage(message)
  }

  /** Stop the worker (after the store was closed); pending requests fail. */
  async terminate(): Promise<void> {
    if (this.stopped) return
    this.stopped = true
    this.rejectAll('The store was closed.')
    await this.worker.terminate()
  }

  private receive(message: WorkerMessage): void {
    if (message.kind === 'changed') {
      this.listener.changed(message.seqNo)
      return
    }
    if (message.kind === 'disconnected') {
      this.listener.disconnected(message.message)
      return
    }
    const pending = this.pending.get(message.id)
    if (!pending) return
    if (message.kind === 'progress') {
      pending.progress?.(message.done, message.total)
      return
    }
    this.pending.delete(message.id)
    if (message.ok) pending.resolve(message.value)
    else pending.reject(new HostError(message.error.code, message.error.message))
  }

  private fail(message: string): void {
    if (this.stopped) return
    this.stopped = true
    this.rejectAll(message)
    this.listener.failed(message)
  }

  private rejectAll(message: string): void {
    for (const pending of this.pending.values()) pending.reject(new HostError('host-failed', message))
    this.pending.clear()
  }
}
