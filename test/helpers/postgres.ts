/**
 * A throwaway PostgreSQL cluster for tests: initdb into a temporary folder,
 * a free port on 127.0.0.1, the unix socket in that folder, fsync off. Root
 * cannot run initdb or the server, so as root both run as the `postgres` OS
 * user (which then owns the folder). Started once per `vitest run` by
 * `test/setup/postgres.ts`; test files get a database of their own.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

/** Where the cluster listens and how the tests log in (the superuser, by password over TCP). */
export interface PostgresServer {
  readonly host: string
  readonly port: number
  readonly user: string
  readonly password: string
}

/** A running cluster and how to stop it. */
export interface RunningCluster extends PostgresServer {
  stop(): void
  /** Stop the server (fast: open connections are cut), leave it down for `downMs`, and start it again on the same port. */
  restart(downMs?: number): void
  /** Stop the server (fast) and leave it down until `resume`: an outage the test can act in. */
  halt(): void
  /** Start a halted server again on the same port. */
  resume(): void
}

/** The folder holding initdb, pg_ctl and postgres: `$PG_BIN`, else the newest Debian install. */
export function postgresBinDir(): string | null {
  const fromEnv = process.env.PG_BIN
  if (fromEnv) return existsSync(join(fromEnv, 'initdb')) ? fromEnv : null
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a))
  return versions.length > 0 ? join(root, versions[0], 'bin') : null
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/** Run a PostgreSQL program as a user it accepts (the `postgres` OS user when we are root). */
function runAsServerUser(program: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args]
  execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 })
}

/**
 * initdb and start a new cluster; throws with the server's own words when it
 * cannot. Local (socket) logins are trusted, TCP logins need a password, so
 * wrong-password cases can be tested.
 */
export async function startCluster(binDir: string): Promise<RunningCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'coherence-pg-'))
  const dataDir = join(dir, 'data')
  const password = randomBytes(12).toString('hex')
  const pwfile = join(dir, 'pwfile')
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 })
  if (process.getuid?.() === 0) {
    const id = (flag: string): number => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim())
    for (const path of [dir, pwfile]) chownSync(path, id('-u'), id('-g'))
  }
  const port = await freePort()
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60`
  const stop = (): void => {
    try {
      runAsServerUser(join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop'])
    } catch {
      // Already stopped (or never started): nothing to stop.
    }
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    runAsServerUser(join(binDir, 'initdb'), [
      '-D', dataDir, '-U', 'postgres', `--pwfile=${pwfile}`, '--auth-local=trust', '--auth-host=scram-sha-256',
      '-E', 'UTF8', '--no-sync'
    ])
    runAsServerUser(join(binDir, 'pg_ctl'), ['-D', dataDir, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start'])
  } catch (e) {
    stop()
    const stderr = (e as { stderr?: Buffer }).stderr?.toString().trim()
    throw new Error(`The throwaway PostgreSQL cluster could not start: ${stderr || (e as Error).message}`, { cause: e })
  }
  const halt = (): void => {
    runAsServerUser(join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', '-t', '60', 'stop'])
  }
  const resume = (): void => {
    runAsServerUser(join(binDir, 'pg_ctl'), ['-D', dataDir, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start'])
  }
  const restart = (downMs = 1500): void => {
    halt()
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, downMs)
    resume()
  }
  return { host: '127.0.0.1', port, user: 'postgres', password, stop, restart, halt, resume }
}

/** A connection URL for `database` on `server` (as `user`/`password` when given). */
export function postgresUrl(server: PostgresServer, database: string, login: { user: string; password?: string } = server): string {
  const auth = login.password === undefined ? encodeURIComponent(login.user) : `${encodeURIComponent(login.user)}:${encodeURIComponent(login.password)}`
  return `postgresql://${auth}@${server.host}:${server.port}/${database}`
}

/** Run SQL as the superuser on `database` (default `postgres`). */
export async function adminQuery(server: PostgresServer, sql: string, database = 'postgres'): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: postgresUrl(server, database) })
  await client.connect()
  try {
    return await client.query(sql)
  } finally {
    await client.end()
  }
}

let databases = 0

/** A new empty database with a unique name (`prefix_<pid>_<n>`); returns its name. */
export async function createDatabase(server: PostgresServer, prefix: string): Promise<string> {
  const name = `${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${process.pid}_${++databases}`
  await adminQuery(server, `CREATE DATABASE "${name}"`)
  return name
}
