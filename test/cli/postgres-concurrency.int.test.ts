/**
 * Concurrent writers on one PostgreSQL database: this CLI and the real
 * library's CLI (/work/shared/real-lib/coherence, or COHERENCE_REAL_LIB), two
 * processes each, appending batches for ~10 s. Seq-nos stay dense and unique,
 * every batch is all or nothing, losers exit 2 (never 1). A writer killed with
 * SIGKILL in the middle of its batch leaves none of it.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { adminQuery, createDatabase, postgresUrl, type PostgresServer } from '../helpers/postgres'
import { describePostgres } from '../helpers/postgres-suite'
import { cli } from './run-cli'

const REAL = process.env.COHERENCE_REAL_LIB ?? '/work/shared/real-lib/coherence'
const OURS = [process.execPath, join(import.meta.dirname, '..', '..', 'bin', 'coherence.cjs')]
const EVENTS_PER_BATCH = 20

interface Attempt {
  readonly batch: string
  readonly code: number | null
  readonly result: string | null
  readonly stderr: string
}

/** Run a program to its end, feeding `stdin`. */
function run(argv: readonly string[], stdin: string, started?: (child: ChildProcess) => void): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
    child.stdin.on('error', () => {})
    child.stdin.end(stdin)
    started?.(child)
  })
}

/** A batch whose every action carries the batch's name in its patch (aggregates unique, so only races decide). */
function batch(name: string, size: number): string {
  const events = Array.from({ length: size }, (_, i) =>
    `{:timestamp #inst "2026-11-28T14:00:00Z", :source :load, :action {:reason :append, :actor [:writer "${name.split('-')[0]}"], ` +
    `:aggregate [:item "${name}-${i}"], :patch {:assoc {:batch "${name}"}}}}`
  )
  return `[${events.join(' ')}]`
}

/** One writer appending batches until `deadline`. */
async function writer(name: string, program: readonly string[], url: string, deadline: number): Promise<Attempt[]> {
  const attempts: Attempt[] = []
  for (let i = 0; Date.now() < deadline; i++) {
    const id = `${name}-${i}`
    const r = await run([...program, 'rebase', url, '--base', '1'], batch(id, EVENTS_PER_BATCH))
    attempts.push({ batch: id, code: r.code, result: /:result :([\w-]+)/.exec(r.stdout)?.[1] ?? null, stderr: r.stderr })
  }
  return attempts
}

async function rowsOf(server: PostgresServer, db: string): Promise<{ seqNos: number[]; perBatch: Map<string, number> }> {
  const seqNos = (await adminQuery(server, 'SELECT seq_no::int AS n FROM events ORDER BY seq_no', db)).rows.map((r: { n: number }) => r.n)
  const perBatch = new Map<string, number>(
    (await adminQuery(server, 'SELECT patch, count(*)::int AS n FROM actions GROUP BY patch', db)).rows.map((r: { patch: string; n: number }) => [r.patch, r.n])
  )
  return { seqNos, perBatch }
}

describePostgres('concurrent writers on PostgreSQL', (server) => {
  it.skipIf(!existsSync(REAL))('this CLI and the real library, two processes each: dense unique seq-nos, atomic batches, losers exit 2', async () => {
    const db = await createDatabase(server, 'concurrency')
    const url = postgresUrl(server, db)
    expect(cli(['init', url]).code).toBe(0)
    // The library's CLI compiles itself on first use; warm it up outside the timed run.
    expect((await run([REAL, 'seq-no', url], '')).stdout).toBe('0\n')
    const deadline = Date.now() + 10_000
    const attempts = (
      await Promise.all([
        writer('ours1', OURS, url, deadline),
        writer('ours2', OURS, url, deadline),
        writer('lib1', [REAL], url, deadline),
        writer('lib2', [REAL], url, deadline)
      ])
    ).flat()

    for (const a of attempts) {
      expect([0, 2], `${a.batch}: ${a.stderr}`).toContain(a.code)
      expect(a.code === 0 ? a.result === 'ok' : ['conflict', 'invalid-seq-no', 'write-conflict'].includes(a.result ?? ''), `${a.batch}: ${a.result}`).toBe(true)
    }
    const { seqNos, perBatch } = await rowsOf(server, db)
    expect(seqNos).toEqual(seqNos.map((_, i) => i + 1))
    for (const a of attempts) expect(perBatch.get(`{:assoc {:batch "${a.batch}"}}`) ?? 0, a.batch).toBe(a.result === 'ok' ? EVENTS_PER_BATCH : 0)
    const ok = attempts.filter((a) => a.result === 'ok')
    expect(ok.some((a) => a.batch.startsWith('ours')) && ok.some((a) => a.batch.startsWith('lib'))).toBe(true)
    expect(seqNos.length).toBe(ok.length * EVENTS_PER_BATCH)
    // Both CLIs read the result the same way.
    expect((await run([REAL, 'seq-no', url], '')).stdout).toBe(cli(['seq-no', url]).stdout)
  }, 180_000)

  it('a writer killed (SIGKILL) in the middle of its batch leaves none of it, and the next batch continues densely', async () => {
    const db = await createDatabase(server, 'killed')
    const url = postgresUrl(server, db)
    expect(cli(['init', url]).code).toBe(0)
    expect(cli(['rebase', url, '--base', '1'], batch('first', 3)).code).toBe(0)

    let killedInTransaction = false
    const victim = await run([...OURS, 'rebase', url, '--base', '1'], batch('victim', 20_000), (child) => {
      // Kill it once its transaction is open on the server (the batch is being decided or written).
      const poll = setInterval(() => {
        adminQuery(server, `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = '${db}' AND xact_start IS NOT NULL AND pid <> pg_backend_pid()`)
          .then((r) => {
            if (r.rows[0].n > 0 && !killedInTransaction) {
              killedInTransaction = true
              child.kill('SIGKILL')
            }
          })
          .catch(() => {})
      }, 5)
      child.on('close', () => clearInterval(poll))
    })
    expect(victim.signal).toBe('SIGKILL')
    expect(killedInTransaction).toBe(true)
    // The server notices the dead connection and rolls its transaction back.
    await expect.poll(async () => (await adminQuery(server, `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = '${db}' AND pid <> pg_backend_pid()`)).rows[0].n).toBe(0)
    const { seqNos, perBatch } = await rowsOf(server, db)
    expect(seqNos).toEqual([1, 2, 3])
    expect(perBatch.has('{:assoc {:batch "victim"}}')).toBe(false)
    const next = cli(['rebase', url, '--base', '1'], batch('after', 2))
    expect(next.code).toBe(0)
    expect(cli(['seq-no', url]).stdout).toBe('5\n')
  }, 120_000)
})
