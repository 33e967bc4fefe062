/**
 * WAL stores the CLI only reads: in a folder it cannot write (read as an
 * ordinary user — root ignores permissions), and with frames another writer
 * left in the WAL, which a dry rebase must not checkpoint into the main file.
 */
import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cli, fileHash } from './run-cli'

const require = createRequire(import.meta.url)
const BIN = join(import.meta.dirname, '..', '..', 'bin', 'coherence.cjs')
const event = (id: string): string =>
  `{:timestamp #inst "2026-11-28T14:00:00Z", :source :s, :action {:reason :create, :actor [:user "a"], :aggregate [:book "${id}"], :patch {:assoc {:a 1}}}}`

let dir: string
let store: string

/** A WAL store with two events. */
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'coherence-wal-'))
  store = join(dir, 'store.db')
  expect(cli(['init', store]).code).toBe(0)
  const db = new Database(store)
  db.pragma('journal_mode = WAL')
  db.close()
  expect(cli(['rebase', store, '--base', '1'], `[${event('N')} ${event('M')}]`).code).toBe(0)
})
afterEach(() => {
  chmodSync(dir, 0o755)
  rmSync(dir, { recursive: true, force: true })
})

/** Run the CLI as the unprivileged `nobody` user when we are root (root ignores folder permissions). */
function cliAsUser(args: readonly string[], stdin = ''): { code: number | null; stdout: string; stderr: string } {
  const asRoot = process.getuid?.() === 0
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'nobody', '--', process.execPath, BIN, ...args]] : [process.execPath, [BIN, ...args]]
  const r = spawnSync(cmd, argv, { input: stdin, encoding: 'utf8' })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('a WAL store in a read-only folder', () => {
  it('reads, tells its seq-no and checks it, without creating anything beside it', () => {
    const expected = cli(['read', store]).stdout
    // Root's read left an empty -wal and the -shm index beside it; a cleanly closed store has neither.
    rmSync(`${store}-wal`)
    rmSync(`${store}-shm`)
    chmodSync(dir, 0o555)
    const before = fileHash(store)
    expect(cliAsUser(['seq-no', store])).toMatchObject({ code: 0, stdout: '2\n' })
    expect(cliAsUser(['read', store])).toEqual({ code: 0, stdout: expected, stderr: '' })
    expect(cliAsUser(['check', store]).code).toBe(0)
    expect(readdirSync(dir)).toEqual(['store.db'])
    expect(fileHash(store)).toBe(before)
  })

  it('still refuses to write there, in one sentence', () => {
    chmodSync(dir, 0o555)
    const before = fileHash(store)
    const r = cliAsUser(['rebase', store, '--base', '3'], `[${event('O')}]`)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^coherence: .*store\.db is read-only, so it cannot be opened for writing\. [^\n]+\n$/)
    expect(fileHash(store)).toBe(before)
  })
})

/** Frames of a third event left in the WAL by a writer that was killed before any checkpoint. */
async function leaveWalFrames(): Promise<void> {
  // A reader holds the file open while the CLI commits, so the CLI is not the last connection and does not checkpoint.
  const holder = spawn(process.execPath, ['-e', `const D=require(process.argv[1]); const db=new D(process.argv[2]); db.prepare('SELECT 1 FROM sqlite_schema').all(); process.stdout.write('open\\n'); setInterval(()=>{},1000)`, require.resolve('better-sqlite3'), store], { stdio: ['ignore', 'pipe', 'inherit'] })
  await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()))
  expect(cli(['rebase', store, '--base', '3'], `[${event('O')}]`).code).toBe(0)
  holder.kill('SIGKILL')
  await new Promise((resolve) => holder.once('exit', resolve))
}

describe('rebase --dry on a WAL store with frames from another writer', () => {
  it('leaves the main file byte-identical (no checkpoint on close), as read does', async () => {
    await leaveWalFrames()
    expect(existsSync(`${store}-wal`)).toBe(true)
    const main = fileHash(store)
    const wal = fileHash(`${store}-wal`)
    const dry = cli(['rebase', store, '--base', '4', '--dry'], `[${event('P')}]`)
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain(':seq-no 4')
    expect(cli(['read', store, '--offset', '3']).stdout).toContain('"O"')
    expect(fileHash(store)).toBe(main)
    expect(fileHash(`${store}-wal`)).toBe(wal)
    // A rebase that commits may checkpoint, as every SQLite writer does.
    expect(cli(['rebase', store, '--base', '4'], `[${event('P')}]`).code).toBe(0)
    expect(cli(['seq-no', store]).stdout).toBe('4\n')
  })
})
