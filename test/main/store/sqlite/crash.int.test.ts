/**
 * A rebase process killed with SIGKILL mid-batch: the store holds none or all
 * of the batch, and SQLite's own integrity check passes.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { expect, it } from 'vitest'
import { createSqliteStore } from '../../../../src/main/store/sqlite'

const BIN = join(import.meta.dirname, '..', '..', '..', '..', 'bin', 'coherence.cjs')
const BATCH = 20_000

function bigBatch(): string {
  const events: string[] = []
  for (let i = 0; i < BATCH; i++) {
    events.push(
      `{:timestamp #inst "2026-11-28T14:00:00Z", :source :loader, :action {:reason :import, :actor [:user "loader"], ` +
        `:aggregate [:item ${i}], :patch {:assoc {:n ${i}, :label "item ${i}"}}}, :triggers [[:import-key ${i % 50}]]}`
    )
  }
  return `[${events.join(' ')}]`
}

function killAfter(store: string, input: string, delayMs: number): Promise<NodeJS.Signals | number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'rebase', store, '--base', '1'], { stdio: ['pipe', 'ignore', 'ignore'] })
    // Killed while still reading its input, the child closes the pipe: that EPIPE is expected here.
    child.stdin.on('error', () => undefined)
    child.stdin.end(input)
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      resolve(signal ?? code)
    })
  })
}

it('leaves the store empty or complete and intact when killed mid-batch', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'coherence-crash-'))
  const input = bigBatch()
  writeFileSync(join(dir, 'batch.edn'), input)
  const outcomes: (NodeJS.Signals | number | null)[] = []
  for (const delay of [150, 400, 700, 1000, 1400]) {
    const store = join(dir, `store-${delay}.db`)
    await (await createSqliteStore(store)).close()
    outcomes.push(await killAfter(store, input, delay))
    const db = new Database(store)
    const events = (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n
    const actions = (db.prepare('SELECT count(*) AS n FROM actions').get() as { n: number }).n
    const triggers = (db.prepare('SELECT count(*) AS n FROM triggers').get() as { n: number }).n
    expect([0, BATCH], `killed after ${delay} ms`).toContain(events)
    expect(actions).toBe(events)
    expect(triggers).toBe(events)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  }
  // At least one run must really have been killed mid-way, or the test proves nothing.
  expect(outcomes).toContain('SIGKILL')
})
