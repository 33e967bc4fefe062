/**
 * Several processes rebasing the same store at once through the real CLI:
 * no seq-no lost or duplicated, every batch all-or-nothing, losers get a
 * result (never a crash).
 */
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { expect, it } from 'vitest'
import { createSqliteStore } from '../../../../src/main/store/sqlite'

interface Attempt {
  batch: string
  code: number
  result: string | null
  stderr: string
}

function runWriter(store: string, name: string, attempts: number): Promise<Attempt[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(import.meta.dirname, 'fixtures', 'writer.cjs'), store, name, String(attempts)])
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`writer ${name} exited ${code}`))
      else resolve(out.trim().split('\n').map((l) => JSON.parse(l) as Attempt))
    })
  })
}

it('keeps seq-nos dense and unique and batches atomic under concurrent writers', async () => {
  const store = join(mkdtempSync(join(tmpdir(), 'coherence-conc-')), 'store.db')
  await (await createSqliteStore(store)).close()
  const attempts = (await Promise.all(['w1', 'w2', 'w3'].map((w) => runWriter(store, w, 8)))).flat()

  for (const a of attempts) {
    expect([0, 2], `${a.batch}: ${a.stderr}`).toContain(a.code)
    expect(a.code === 0 ? a.result === 'ok' : ['conflict', 'invalid-seq-no', 'write-conflict'].includes(a.result ?? '')).toBe(true)
  }
  const db = new Database(store, { readonly: true })
  const seqNos = (db.prepare('SELECT seq_no FROM events ORDER BY seq_no').all() as { seq_no: number }[]).map((r) => r.seq_no)
  expect(seqNos).toEqual(seqNos.map((_, i) => i + 1))
  const perBatch = new Map(
    (db.prepare(`SELECT patch, count(*) AS n FROM actions GROUP BY patch`).all() as { patch: string; n: number }[]).map((r) => [r.patch, r.n])
  )
  db.close()
  for (const a of attempts) {
    expect(perBatch.get(`{:assoc {:batch "${a.batch}"}}`) ?? 0, a.batch).toBe(a.result === 'ok' ? 5 : 0)
  }
  const ok = attempts.filter((a) => a.result === 'ok').length
  expect(ok).toBeGreaterThan(0)
  expect(seqNos.length).toBe(ok * 5)
})
