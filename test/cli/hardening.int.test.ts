/**
 * The CLI against hostile input and damaged files, as real processes on real
 * files: every refusal is exit 1 with one line per problem, no stack trace,
 * and a byte-identical store; a write that committed never exits 1.
 */
import { spawnSync } from 'node:child_process'
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { beforeEach, describe, expect, it } from 'vitest'
import { leaveHotJournal } from '../helpers/hot-journal'
import { cli, fileHash } from './run-cli'

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'coherence.cjs')
const EVENT = '{:timestamp #inst "2026-11-28T14:00:00Z", :source :s, :action {:reason :create, :actor [:user "a"], :aggregate [:book "N"], :patch {:assoc {:a 1}}}}'

let dir: string
let store: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'coherence-hard-'))
  store = join(dir, 'store.db')
  expect(cli(['init', store]).code).toBe(0)
})

/** Run the CLI with stdin from bytes or a file descriptor and stdout to `stdoutFd` (default: a pipe). */
function run(args: readonly string[], stdin: Buffer | number, stdoutFd?: number): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: typeof stdin === 'number' ? undefined : stdin,
    stdio: [typeof stdin === 'number' ? stdin : 'pipe', stdoutFd ?? 'pipe', 'pipe'],
    encoding: 'utf8'
  })
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr }
}

function expectNoStackTrace(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at |Error:|node:internal/)
}

describe('a committed write never exits 1', () => {
  it.skipIf(!existsSync('/dev/full'))('exit 3 and a sentence saying the events WERE written when stdout is full', () => {
    const full = openSync('/dev/full', 'w')
    const r = run(['rebase', store, '--base', '1'], Buffer.from(`[${EVENT} ${EVENT.replace('"N"', '"M"')}]`), full)
    closeSync(full)
    expect(r.code).toBe(3)
    expect(r.stderr).toMatch(/^coherence: the 2 events WERE written \(seq-no 1–2\), but printing the result failed \(.*ENOSPC.*\); see them with: coherence read .*store\.db --offset 1\n$/)
    expectNoStackTrace(r.stderr)
    expect(cli(['seq-no', store]).stdout).toBe('2\n')
    // Nothing was committed by a dry run, so a full stdout there is a plain error.
    const dry = openSync('/dev/full', 'w')
    const d = run(['rebase', store, '--base', '3', '--dry'], Buffer.from(`[${EVENT.replace('"N"', '"O"')}]`), dry)
    closeSync(dry)
    expect(d.code).toBe(1)
    expectNoStackTrace(d.stderr)
  })
})

describe('stdin that is not a batch of events', () => {
  const cases: [string, Buffer | (() => number), RegExp][] = [
    ['invalid UTF-8', Buffer.concat([Buffer.from('[{:a "x'), Buffer.from([0xff, 0xfe]), Buffer.from('"}]')]), /stdin is not valid UTF-8: byte 0xFF at line 1, byte 8 of the line/],
    ['a truncated UTF-8 sequence', Buffer.concat([Buffer.from('[\n"'), Buffer.from([0xe2, 0x82])]), /byte 0xE2 at line 2, byte 2/],
    ['a leading byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`[${EVENT}]`)]), /starts with a byte-order mark/],
    ['a lone surrogate in a string', Buffer.from(`[${EVENT.replace('"N"', '"N\\ud800"')}]`), /Event 1 holds a lone surrogate \\uD800/],
    ['a list instead of a vector', Buffer.from(`(${EVENT})`), /not \( \)/],
    ['a directory', () => openSync(dir, 'r'), /stdin is a directory/]
  ]
  for (const [name, input, message] of cases) {
    it(`refuses ${name}: exit 1, one sentence, file unchanged`, () => {
      const before = fileHash(store)
      const stdin = typeof input === 'function' ? input() : input
      const r = run(['rebase', store, '--base', '1'], stdin)
      if (typeof stdin === 'number') closeSync(stdin)
      expect(r.code).toBe(1)
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(message)
      expect(r.stderr.split('\n').filter((l) => l.startsWith('coherence:'))).toHaveLength(1)
      expectNoStackTrace(r.stderr)
      expect(fileHash(store)).toBe(before)
    })
  }
})

describe('options', () => {
  const cases: [string[], RegExp][] = [
    [['rebase', 'S', '--base', '-1'], /^coherence: --base needs a value, and "-1" looks like an option; write --base=-1 if you mean it as the value\.\n/],
    [['read', 'S', '--offset', '1', '--offset', '2'], /^coherence: --offset is given more than once; give each option once\.\n/],
    [['rebase', 'S', '--base', '1', '--dry=yes'], /^coherence: --dry takes no value\.\n/],
    [['read', 'S', '--tables', 'event=a\nb'], /^coherence: "a\\nb" is not a usable table name/],
    [['seq-no', 'S', '--tables', 'event=x;drop'], /is not a usable table name/]
  ]
  for (const [args, message] of cases) {
    it(`${args.slice(2).join(' ').replace('\n', '\\n')}: one line, exit 1, file unchanged`, () => {
      const before = fileHash(store)
      const r = run(args.map((a) => (a === 'S' ? store : a)), Buffer.from(`[${EVENT}]`))
      expect(r.code).toBe(1)
      expect(r.stderr).toMatch(message)
      expect(r.stderr.split('\n').filter((l) => l.startsWith('coherence:'))).toHaveLength(1)
      expect(fileHash(store)).toBe(before)
    })
  }

  it('lists each validation problem on one line', () => {
    const r = cli(['rebase', store, '--base', '1'], '[{:timestamp 1} {:source "x"}]')
    expect(r.code).toBe(1)
    const lines = r.stderr.trim().split('\n')
    expect(lines.length).toBeGreaterThan(2)
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^coherence: Event [12][ :]/)
  })
})

describe('length limits: a notice in rebase and in check', () => {
  it('writes a 51-character id with a notice, and check lists it as a notice with exit 0', () => {
    const long = `"${'x'.repeat(49)}"`
    const r = cli(['rebase', store, '--base', '1'], `[${EVENT.replace('"N"', long)}]`)
    expect(r.code).toBe(0)
    expect(r.stderr).toBe("coherence: notice: Event 1: the aggregate_id cell is 51 characters long; the library's schema declares VARCHAR(50), which PostgreSQL enforces and SQLite does not.\n")
    const check = cli(['check', store])
    expect(check.code).toBe(0)
    expect(check.stdout).toContain("notice: Seq-no 1: actions.aggregate_id is 51 characters long; the library's schema declares VARCHAR(50)")
  })
})

describe('check flags cells that are not valid UTF-8', () => {
  it('names the cell, exits 1 and leaves the file unchanged', () => {
    expect(cli(['rebase', store, '--base', '1'], `[${EVENT}]`).code).toBe(0)
    const db = new Database(store)
    db.prepare(`UPDATE actions SET actor_id = CAST(X'22ff22' AS TEXT) WHERE seq_no = 1`).run()
    db.close()
    const before = fileHash(store)
    const r = cli(['check', store])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('error: Seq-no 1: actions.actor_id holds bytes that are not valid UTF-8')
    expect(fileHash(store)).toBe(before)
  })
})

describe('an interrupted write (a real hot journal)', () => {
  it('read-only commands say so in one sentence and change nothing; rebase rolls it back', async () => {
    expect(cli(['rebase', store, '--base', '1'], `[${EVENT}]`).code).toBe(0)
    await leaveHotJournal(store)
    const main = fileHash(store)
    const journal = readFileSync(`${store}-journal`)
    for (const args of [['read', store], ['seq-no', store], ['check', store], ['conflicts', store, '--offset', '1', '--aggregate', '[:book "N"]']]) {
      const r = cli(args)
      expect(r.code, args[0]).toBe(1)
      expect(r.stderr).toBe(`coherence: ${store} has an unfinished write left by a program that stopped in the middle of it (a hot journal); opening it for writing rolls that write back — run coherence rebase on it or unlock it in the app — and reading works again.\n`)
      expect(fileHash(store)).toBe(main)
      expect(readFileSync(`${store}-journal`).equals(journal)).toBe(true)
    }
    const r = cli(['rebase', store, '--base', '2'], `[${EVENT.replace('"N"', '"M"')}]`)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(':seq-no 2}')
    expect(cli(['seq-no', store]).stdout).toBe('2\n')
    expect(cli(['check', store]).code).toBe(0)
  }, 60_000)
})

describe('damage SQLite reports', () => {
  /** A store of a few hundred events whose `pageOf(db)` page gets `bytes` written at `offset` of its b-tree header. */
  function damaged(pageOf: (db: Database.Database) => number, offset: number, bytes: number[]): string {
    const events = Array.from({ length: 400 }, (_, i) => EVENT.replace('"N"', `"book ${i}"`)).join(' ')
    expect(cli(['rebase', store, '--base', '1'], `[${events}]`).code).toBe(0)
    const db = new Database(store, { readonly: true })
    const pageSize = db.pragma('page_size', { simple: true }) as number
    const page = pageOf(db)
    db.close()
    const file = readFileSync(store)
    const header = (page - 1) * pageSize + (page === 1 ? 100 : 0)
    Buffer.from(bytes).copy(file, header + offset)
    writeFileSync(store, file)
    return store
  }
  const rootOf = (table: string) => (db: Database.Database): number =>
    (db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').pluck().get(table) as number)
  const lastPage = (db: Database.Database): number => db.pragma('page_count', { simple: true }) as number

  const cases: [string, () => string][] = [
    ['a b-tree page header with an impossible cell count', () => damaged(rootOf('actions'), 3, [0xff, 0xff])],
    ['free-space corruption (first freeblock inside the header)', () => damaged(lastPage, 1, [0x00, 0x03])],
    ['a page of an index with a bad page type', () => damaged(rootOf('actions_aggregate_idx'), 0, [0x07])]
  ]
  for (const [name, make] of cases) {
    it(`${name}: check lists SQLite's report (integrity_check and quick_check agree), rebase --verify refuses, nothing changes`, () => {
      const file = make()
      const db = new Database(file, { readonly: true })
      const report = (pragma: string): string[] => {
        try {
          return db.prepare(`PRAGMA ${pragma}`).pluck().all() as string[]
        } catch (e) {
          return [(e as Error).message]
        }
      }
      const integrity = report('integrity_check')
      const quick = report('quick_check')
      db.close()
      expect(integrity).not.toEqual(['ok'])
      expect(quick).not.toEqual(['ok'])
      const before = fileHash(file)
      const check = cli(['check', file])
      expect(check.code).toBe(1)
      expect(check.stdout).toContain("error: SQLite's integrity check: ")
      expectNoStackTrace(check.stderr)
      const verify = cli(['rebase', file, '--base', '401', '--verify'], `[${EVENT.replace('"N"', '"new"')}]`)
      expect(verify.code).toBe(1)
      expect(verify.stderr).toMatch(/is damaged — SQLite's quick_check reports: .*; it was not changed, run coherence check for the full list and work on a backup copy\.\n$/)
      expect(fileHash(file)).toBe(before)
    })
  }
})
