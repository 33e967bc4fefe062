/**
 * The rows of one statement as they arrive, for reads of millions of rows.
 *
 * A pg "submittable" (what `client.query` runs in its turn on a connection):
 * it executes the statement through the unnamed portal in batches of
 * `batchSize` rows and hands the rows over as the server sends them, each as
 * the server's text fields (no per-row parsing or copying by pg). The next
 * batch is asked for as soon as the server suspends the portal, unless the
 * consumer still has half a batch or more to take, so the server produces
 * while the consumer decodes, and at most about two batches wait in memory.
 *
 * Compared with pg-cursor (still used for the inspector's object rows), this
 * skips pg's row parsing, the `setImmediate` before each batch and the round
 * trip that closes the portal, and rows die young instead of waiting in a
 * whole batch (`bench/read-pair.ts`: about a fifth less time per read(1)).
 *
 * Stopping early never leaves the connection busy: a batch still on its way
 * is read and dropped (at most `batchSize` rows), then the portal is left
 * with a Sync, so whatever the caller queues next on the connection (its
 * ROLLBACK) runs in order. The portal must run inside a transaction block.
 */
import pg from 'pg'

/** A row as the server sends it in text format: one string per column, null for NULL. */
export type TextRow = (string | null)[]

/** The messages of pg's connection this sends (not in pg's types). */
interface WireConnection {
  parse(msg: { text: string }): void
  bind(msg: { portal: string; values: (string | null)[] }): void
  describe(msg: { type: 'P'; name: string }): void
  execute(msg: { portal: string; rows: number }): void
  flush(): void
  sync(): void
  readonly stream?: { cork?(): void; uncork?(): void }
}

const PORTAL = ''
const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined }

/** Parameters as text, as pg's own queries send numbers and strings. */
function textValues(values: readonly unknown[]): (string | null)[] {
  return values.map((v) => (v === null || v === undefined ? null : String(v)))
}

/** One statement's rows in batches, as an async iterable (see the module comment). */
class RowStream implements AsyncIterable<TextRow[]> {
  private connection: WireConnection | null = null
  /** Rows received and not yet handed over. */
  private queue: TextRow[] = []
  /** An Execute was sent and its batch has not ended yet. */
  private executing = false
  /** The portal has more rows (it was suspended) and no Execute is on its way. */
  private suspended = false
  /** The statement has sent all its rows. */
  private complete = false
  /** A Sync was sent: the server answers it with ReadyForQuery and the connection is free. */
  private synced = false
  private abandoned = false
  private failure: unknown = undefined
  private waiter: { resolve: (r: IteratorResult<TextRow[]>) => void; reject: (e: unknown) => void } | null = null
  private wakeScheduled = false

  constructor(
    private readonly text: string,
    private readonly values: readonly unknown[],
    private readonly batchSize: number
  ) {}

  /** Called by pg when the statement's turn on the connection comes. */
  submit(connection: WireConnection): void {
    this.connection = connection
    if (this.abandoned) return this.sync()
    const stream = connection.stream
    stream?.cork?.()
    try {
      connection.parse({ text: this.text })
      connection.bind({ portal: PORTAL, values: textValues(this.values) })
      connection.describe({ type: 'P', name: PORTAL })
      this.execute()
    } finally {
      stream?.uncork?.()
    }
  }

  private execute(): void {
    this.executing = true
    this.suspended = false
    this.connection?.execute({ portal: PORTAL, rows: this.batchSize })
    this.connection?.flush()
  }

  private sync(): void {
    if (this.synced) return
    this.synced = true
    this.connection?.sync()
  }

  handleRowDescription(): void {}

  handleDataRow(msg: { fields: TextRow }): void {
    if (this.abandoned) return
    this.queue.push(msg.fields)
    this.scheduleWake()
  }

  handlePortalSuspended(): void {
    this.executing = false
    if (this.abandoned) return this.sync()
    this.suspended = true
    if (this.queue.length < this.batchSize / 2) this.execute()
  }

  handleCommandComplete(): void {
    this.executing = false
    this.complete = true
    this.sync()
    this.scheduleWake()
  }

  handleEmptyQuery(): void {
    this.handleCommandComplete()
  }

  handleReadyForQuery(): void {
    this.complete = true
    this.scheduleWake()
  }

  /** A server error (the server then skips to our Sync) or a lost connection (pg fails every query). */
  handleError(error: unknown): void {
    this.executing = false
    this.failure ??= error
    if (error instanceof pg.DatabaseError) this.sync()
    this.scheduleWake()
  }

  /**
   * Wakes a waiting consumer once the rows pg parses from the current chunk of
   * input are all queued (a microtask runs after that chunk), so a batch is a
   * chunk's rows, not one row.
   */
  private scheduleWake(): void {
    if (this.waiter === null || this.wakeScheduled) return
    this.wakeScheduled = true
    queueMicrotask(() => {
      this.wakeScheduled = false
      const waiter = this.waiter
      if (waiter === null) return
      this.waiter = null
      this.next().then(waiter.resolve, waiter.reject)
    })
  }

  private next(): Promise<IteratorResult<TextRow[]>> {
    if (this.queue.length > 0) {
      const batch = this.queue
      this.queue = []
      if (this.suspended && !this.abandoned) this.execute()
      return Promise.resolve({ done: false, value: batch })
    }
    if (this.failure !== undefined) return Promise.reject(this.failure)
    if (this.complete) return Promise.resolve(DONE)
    if (this.suspended) this.execute()
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject }
    })
  }

  /** Stops early: rows still arriving are dropped and the portal is left with a Sync (see the module comment). */
  private stop(): Promise<IteratorResult<TextRow[]>> {
    this.abandoned = true
    this.queue = []
    if (this.connection !== null && !this.executing && !this.synced) this.sync()
    return Promise.resolve(DONE)
  }

  [Symbol.asyncIterator](): AsyncIterator<TextRow[]> {
    return { next: () => this.next(), return: () => this.stop() }
  }
}

/**
 * The rows of `sql` (numbered parameters `params`) on `client`, which must be
 * inside a transaction block, in batches as they arrive (see the module comment).
 */
export function streamRows(client: pg.PoolClient, sql: string, params: readonly unknown[], batchSize: number): AsyncIterable<TextRow[]> {
  const rows = new RowStream(sql, params, batchSize)
  void client.query(rows as unknown as pg.Submittable)
  return rows
}
