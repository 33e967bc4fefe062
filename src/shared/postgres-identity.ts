/**
 * When two PostgreSQL locations are the same store: the one place that
 * decides it (one tab per store, a fork's origin, recent connections). Pure
 * (no Node, no DOM): callers in main pass the libpq environment
 * (`process.env`) that fills what a URL leaves out.
 */
import { splitPostgresUrl } from './postgres-connection'

/** The libpq environment variables read here (PGHOST, PGPORT, PGUSER, PGDATABASE, USER); unset or '' means absent. */
export type PostgresEnv = Readonly<Record<string, string | undefined>>

/** The parts of a connection as libpq fills them: nothing left out. */
export interface LibpqTarget {
  readonly host: string
  /** As written (the caller checks that it is a TCP port). */
  readonly portText: string
  readonly user: string
  readonly database: string
}

const fromEnv = (env: PostgresEnv, name: string): string | undefined => {
  const value = env[name]
  return value === undefined || value === '' ? undefined : value
}
const given = (value: string | null | undefined): string | undefined => (value === null || value === undefined || value === '' ? undefined : value)

/**
 * Fill what a connection leaves out as this app connects (libpq's order):
 * host from PGHOST, else `localhost`; port from PGPORT, else 5432; user from
 * PGUSER, else USER, else `postgres`; database from PGDATABASE, else the user.
 */
export function libpqFill(
  parts: { readonly host?: string | null; readonly port?: string | number | null; readonly user?: string | null; readonly database?: string | null },
  env: PostgresEnv
): LibpqTarget {
  const user = given(parts.user) ?? fromEnv(env, 'PGUSER') ?? fromEnv(env, 'USER') ?? 'postgres'
  return {
    host: given(parts.host) ?? fromEnv(env, 'PGHOST') ?? 'localhost',
    portText: given(parts.port === null || parts.port === undefined ? undefined : String(parts.port)) ?? fromEnv(env, 'PGPORT') ?? '5432',
    user,
    database: given(parts.database) ?? fromEnv(env, 'PGDATABASE') ?? user
  }
}

/** Which PostgreSQL server and database a location names, as the same-store checks compare it. */
export interface PostgresIdentity {
  /** `loopback` for every spelling of this machine over TCP, else the host name in lower case. */
  readonly host: string
  readonly port: number
  readonly user: string
  readonly database: string
}

/** The spellings of this machine's TCP loopback (lower case, IPv6 without brackets). */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'])

/**
 * The host class of a host as written: every spelling of the loopback
 * (`localhost`, `127.0.0.1`, `::1`, `[::1]`, `[::ffff:127.0.0.1]`, any letter
 * case) is `loopback`;
 * any other name is itself in lower case (a socket directory, `/…`, keeps its
 * case). No name is looked up in DNS: `db.example` and the address it
 * resolves to, or two names of one server, stay different hosts.
 */
export function hostClass(host: string): string {
  if (host.startsWith('/')) return host
  const bare = host.toLowerCase().replace(/^\[(.*)\]$/, '$1')
  return LOOPBACK.has(bare) ? 'loopback' : bare
}

/**
 * The identity of the PostgreSQL URL `url`: host class (`hostClass`), port,
 * user and database, with what the URL leaves out filled as libpq does
 * (`libpqFill` with `env`), so `postgresql://ann@localhost/shop` and
 * `postgres://ann:pw@127.0.0.1:5432/shop?sslmode=disable` are one identity.
 * Passwords and options do not count. Null when `url` is not a PostgreSQL
 * URL or its port (also one from PGPORT) is not a TCP port.
 */
export function postgresIdentity(url: string, env: PostgresEnv = {}): PostgresIdentity | null {
  const parts = splitPostgresUrl(url, true)
  if (!parts) return null
  const filled = libpqFill(parts, env)
  const port = Number(filled.portText)
  if (!/^\d{1,5}$/.test(filled.portText) || port < 1 || port > 65535) return null
  return { host: hostClass(filled.host), port, user: filled.user, database: filled.database }
}

/** `postgresIdentity` as one string: two URLs are the same store exactly when their keys are equal; null as there. */
export function postgresKey(url: string, env: PostgresEnv = {}): string | null {
  const identity = postgresIdentity(url, env)
  return identity && JSON.stringify([identity.host, identity.port, identity.user, identity.database])
}

/**
 * True when the URLs `a` and `b` name the same database as the same user
 * (equal `postgresKey`: loopback spellings alike, host case-insensitive, what
 * is left out filled from `env`); passwords and options do not matter. URLs
 * that do not parse are never the same.
 */
export function sameConnection(a: string, b: string, env: PostgresEnv = {}): boolean {
  const x = postgresKey(a, env)
  return x !== null && x === postgresKey(b, env)
}
