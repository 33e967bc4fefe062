/**
 * Ctrl-C during `coherence copy` with a real PostgreSQL server, as a real
 * process on a store big enough to be stopped half-way: into a database, the
 * tables the copy created go with its transaction (the database stays empty);
 * out of a database, no file appears. Exit 1 with one sentence both times.
 */
import { spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { generateStore } from '../../bench/generate'
import { describePostgres } from '../helpers/postgres-suite'
import { adminQuery, createDatabase, postgresUrl, type PostgresServer } from '../helpers/postgres'
import { tempDir } from '../helpers/stores'
import { cli } from './run-cli'

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'coherence.cjs')
const EVENTS = 150_000
const INTERRUPTED = 'coherence: The copy was interrupted; nothing was written.\n'

let dir: ReturnType<typeof tempDir>
let big: string
beforeAll(async () => {
  dir = tempDir('copy-int-pg')
  big = join(dir.path, 'big.db')
  await generateStore(big, EVENTS)
}, 120_000)
afterAll(() => dir.remove())

interface Stopped {
  readonly code: number | null
  readonly stderr: string
}

/** Run `coherence copy from to`, and send SIGINT once `writing()` says rows are going over. */
function interruptWhen(from: string, to: string, writing: () => Promise<boolean>): Promise<Stopped> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'copy', from, to], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    let sent = false
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const poll = setInterval(() => {
      void writing().then((yes) => {
        if (!yes || sent) return
        sent = true
        child.kill('SIGINT')
      }, () => undefined)
    }, 20)
    child.on('exit', (code) => {
      clearInterval(poll)
      resolve({ code, stderr })
    })
  })
}

/** True while a connection to `database` is inserting rows (the copy's one transaction). */
async function inserting(server: PostgresServer, database: string): Promise<boolean> {
  const { rows } = await adminQuery(server, `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = '${database}' AND query LIKE 'INSERT%'`)
  return (rows[0] as { n: number }).n > 0
}

async function tableCount(server: PostgresServer, database: string): Promise<number> {
  const { rows } = await adminQuery(server, "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'", database)
  return (rows[0] as { n: number }).n
}

describePostgres('Ctrl-C during coherence copy with PostgreSQL', (server) => {
  it('file → database: exit 1, one sentence, no tables left in the database', async () => {
    const database = await createDatabase(server, 'copy_sigint')
    const stopped = await interruptWhen(big, postgresUrl(server, database), () => inserting(server, database))
    expect(stopped).toEqual({ code: 1, stderr: INTERRUPTED })
    expect(await tableCount(server, database)).toBe(0)
  }, 120_000)

  it('database → file: exit 1, one sentence, no file and no temporary file', async () => {
    const database = await createDatabase(server, 'copy_sigint_src')
    const url = postgresUrl(server, database)
    expect(cli(['copy', big, url]).code).toBe(0)
    const to = join(dir.path, 'back.db')
    const stopped = await interruptWhen(url, to, () => Promise.resolve(readdirSync(dir.path).some((name) => name.endsWith('.copy'))))
    expect(stopped).toEqual({ code: 1, stderr: INTERRUPTED })
    expect(existsSync(to)).toBe(false)
    expect(readdirSync(dir.path)).toEqual(['big.db'])
  }, 180_000)
})
