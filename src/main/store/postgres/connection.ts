/**
 * Connecting to PostgreSQL from a URL, as libpq does: `postgresql://` or
 * `postgres://user[:password]@host[:port]/dbname`, with `PGHOST`, `PGPORT`,
 * `PGUSER`, `PGPASSWORD` and `PGDATABASE` filling what the URL leaves out.
 * Every message names the target by its masked URL (`maskedUrl`), never the
 * password, and is one sentence; driver errors are translated here.
 */
import pg from 'pg'
import { parse } from 'pg-connection-string'
import { libpqFill } from '../../../shared/postgres-identity'
import { maskedUrl } from '../../../shared/store-location'
import { StoreError } from '../errors'

/** Where a store lives on PostgreSQL, resolved with libpq's environment, and how to say it. */
export interface PgTarget {
  /** The URL with its password masked: every message uses it. */
  readonly shown: string
  readonly host: string
  readonly port: number
  readonly user: string
  readonly database: string
  /** The password (URL, then PGPASSWORD), only to scrub it from driver messages. */
  readonly password: string | undefined
  /** The pg configuration (without pool settings). */
  readonly config: pg.ClientConfig
}

/** int8 (BIGINT, count(*)) as numbers: seq-nos and counts stay far below 2^53. */
const INT8_OID = 20
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (text: string) => Number(text) : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser']
}

const env = (name: string): string | undefined => {
  const value = process.env[name]
  return value === undefined || value === '' ? undefined : value
}

/** Resolve a URL (the libpq environment fills gaps); a URL that cannot be read is refused in one sentence. */
export function pgTarget(url: string): PgTarget {
  const shown = maskedUrl(url)
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(url)
  } catch {
    throw new StoreError('not-found', `${shown} is not a PostgreSQL URL that can be read; write it as postgresql://user:password@host:port/dbname.`)
  }
  const { host: h, port: p, user: u, password: pw, database: d, ...rest } = parsed
  const { host, portText, user, database } = libpqFill({ host: h, port: p, user: u, database: d }, process.env)
  const port = Number(portText)
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new StoreError('not-found', `${shown} has the port ${portText}, which is not a TCP port; use a number from 1 to 65535.`)
  }
  const password = pw || env('PGPASSWORD')
  const extra = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== null)) as pg.ClientConfig
  return {
    shown,
    host,
    port,
    user,
    database,
    password,
    config: { ...extra, host, port, user, database, ...(password === undefined ? {} : { password }), types, connectionTimeoutMillis: 10_000 }
  }
}

/** A pool for one store; a read-only one makes every transaction READ ONLY on the server too. */
export function createPool(target: PgTarget, readOnly: boolean): pg.Pool {
  const pool = new pg.Pool({
    ...target.config,
    max: 4,
    idleTimeoutMillis: 30_000,
    // Server options of the URL (e.g. `options=-c search_path=…`) are kept; read-only adds its own.
    ...(readOnly ? { options: [target.config.options, '-c default_transaction_read_only=on'].filter(Boolean).join(' ') } : {})
  })
  // A connection the server drops (restart, admin kill, network) must not crash the process: an idle one is reported
  // through the pool's 'error', one in use through its own 'error' (its query also rejects with the reason). Both are
  // remembered, so the liveness check (`connectionLossOf`) notices a loss although the pool would quietly connect again.
  const remember = (e: unknown): void => {
    if (!losses.has(pool)) losses.set(pool, e)
  }
  pool.on('error', remember)
  pool.on('connect', (client) => client.on('error', remember))
  return pool
}

/** The first connection-level failure of each pool's connections (never cleared: a lost store is reconnected on a new pool). */
const losses = new WeakMap<pg.Pool, unknown>()

/**
 * The first failure that cut one of `pool`'s connections (server stopped or
 * restarted, backend terminated, network dropped), or undefined while none did.
 */
export function connectionLossOf(pool: pg.Pool): unknown {
  return losses.get(pool)
}

/** The SQLSTATE of a PostgreSQL error, or the Node error code of a network failure. */
export function pgErrorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EPIPE'])

function scrub(text: string, target: PgTarget): string {
  const first = text.split('\n')[0]
  return target.password ? first.replaceAll(target.password, '***') : first
}

/**
 * Translate a driver or network error into a StoreError with one sentence
 * (unreachable server, wrong password, missing database, missing table or
 * column, permission denied, read-only transaction, lost connection); other
 * errors become a StoreError `io` with the server's first line, password scrubbed.
 */
export function explainPgError(e: unknown, target: PgTarget): StoreError {
  if (e instanceof StoreError) return e
  const code = pgErrorCode(e)
  const message = scrub(e instanceof Error ? e.message : String(e), target)
  const at = `${target.host}:${target.port}`
  if (code !== undefined && UNREACHABLE.has(code)) {
    return new StoreError('unreachable', `The PostgreSQL server at ${at} cannot be reached (${code}); check that it is running and that the host and port in ${target.shown} are right.`)
  }
  if (/timeout expired|Connection terminated due to connection timeout/i.test(message)) {
    return new StoreError('unreachable', `The PostgreSQL server at ${at} did not answer in time; check that it is running and that the host and port in ${target.shown} are right.`)
  }
  switch (code) {
    case '28P01':
    case '28000':
      return new StoreError('auth', `PostgreSQL at ${at} refused the login of user "${target.user}" (wrong password or no access); check the user and password of ${target.shown}.`)
    case '3D000':
      return new StoreError('not-found', `The database "${target.database}" does not exist on the PostgreSQL server at ${at}; create it (createdb ${target.database}) or fix the database name in ${target.shown}.`)
    case '42P01':
      return new StoreError('missing-tables', `A table of the store is missing in ${target.shown} (${message}); create the store with coherence init, or pass the table names the service uses.`)
    case '42703':
      return new StoreError('wrong-columns', `A column of the store is missing in ${target.shown} (${message}); these tables are not the library's. Nothing was written.`)
    case '42501':
      return new StoreError('permission-denied', `User "${target.user}" lacks a privilege on ${target.shown} (${message}); ask the database owner for it. Nothing was written.`)
    case '22021':
    case '22001':
      return new StoreError('invalid-cell', `PostgreSQL refused a value for ${target.shown} (${message}); nothing was written.`)
    case '25006':
      return new StoreError('read-only', `${target.shown} is open read-only; unlock it for writing first. Nothing was written.`)
    case '57P01':
    case '57P02':
    case '57P03':
      return new StoreError('unreachable', `The PostgreSQL server at ${at} is shutting down or restarting; nothing half-written was kept — reconnect and try again.`)
  }
  if (/Connection terminated|Client has encountered a connection error|not queryable/i.test(message)) {
    return new StoreError('unreachable', `The connection to the PostgreSQL server at ${at} was lost; nothing half-written was kept — reconnect and try again.`)
  }
  return new StoreError('io', `PostgreSQL at ${target.shown} failed: ${message}.`)
}
