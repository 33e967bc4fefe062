/**
 * `coherence copy FROM TO` on real files, as a real process: every cell of
 * the copy byte-identical (and of the same SQLite storage class), the same
 * `read` output, and a failed copy — TO not empty, FROM damaged, the process
 * stopped in the middle — leaves no target and no temporary file.
 */
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { cellDump } from '../helpers/cell-dump'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { generateStore } from '../../bench/generate'
import { makeBookStore, makeWalkthroughStore, tempDir } from '../helpers/stores'
import { cli, fileHash } from './run-cli'

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'coherence.cjs')

let dir: ReturnType<typeof tempDir>
beforeEach(() => {
  dir = tempDir('copy')
})
afterEach(() => dir.remove())

function expectNoStackTrace(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at |Error:|node:internal/)
}

/** Files left in the folder other than `keep`. */
function leftovers(keep: readonly string[]): string[] {
  return readdirSync(dir.path).filter((name) => !keep.includes(name))
}

describe('coherence copy', () => {
  it('copies the walkthrough store cell for cell; read prints the same', async () => {
    const from = await makeWalkthroughStore(dir.path)
    const to = join(dir.path, 'copy.db')
    const r = cli(['copy', from, to])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Copied \d+ rows \(seq-no 1–7\) from .* to .*copy\.db\.\n$/)
    expect(cellDump(to)).toEqual(cellDump(from))
    expect(cellDump(to).length).toBeGreaterThan(7)
    expect(cli(['read', to]).stdout).toBe(cli(['read', from]).stdout)
    expect(cli(['check', to]).code).toBe(0)
    expect(leftovers(['walkthrough.db', 'copy.db'])).toEqual([])
  })

  it('keeps storage classes and bytes the printer would never write (a blob patch, a text timestamp, a huge integer)', async () => {
    const from = await makeBookStore(dir.path, 'odd.db', ['A', 'B', 'C'])
    const db = new Database(from)
    db.prepare('UPDATE actions SET patch = ? WHERE seq_no = 1').run(Buffer.from([0xff, 0xfe, 0x7b, 0x7d]))
    db.prepare("UPDATE events SET timestamp = '2026-11-28 14:00' WHERE seq_no = 2").run()
    db.prepare('UPDATE events SET timestamp = ? WHERE seq_no = 3').run(9007199254740993n)
    db.close()
    const to = join(dir.path, 'odd-copy.db')
    expect(cli(['copy', from, to]).code).toBe(0)
    const dump = cellDump(to)
    expect(dump).toEqual(cellDump(from))
    expect(dump.join('\n')).toContain('blob:FFFE7B7D')
    const copy = new Database(to, { readonly: true })
    expect(copy.prepare('SELECT timestamp FROM events WHERE seq_no = 3').safeIntegers(true).pluck().get()).toBe(9007199254740993n)
    expect(copy.prepare('SELECT typeof(timestamp) FROM events WHERE seq_no = 2').pluck().get()).toBe('text')
    copy.close()
  })

  it('copies other table names with --tables, into an empty file', async () => {
    const tables = { event: 'ev', action: 'ac', effect: 'ef', trigger: 'tr' }
    const from = await makeBookStore(dir.path, 'named.db', ['A', 'B'], tables)
    const to = join(dir.path, 'empty.db')
    writeFileSync(to, '')
    const option = '--tables=event=ev,action=ac,effect=ef,trigger=tr'
    expect(cli(['copy', from, to, option]).code).toBe(0)
    expect(cellDump(to, ['ev', 'ac', 'ef', 'tr'])).toEqual(cellDump(from, ['ev', 'ac', 'ef', 'tr']))
    expect(cli(['read', to, option]).stdout).toBe(cli(['read', from, option]).stdout)
  })

  it('refuses a TO that is not empty with one sentence and exit 1, TO unchanged', async () => {
    const from = await makeBookStore(dir.path, 'from.db', ['A'])
    const to = await makeBookStore(dir.path, 'to.db', ['B'])
    const text = join(dir.path, 'notes.txt')
    writeFileSync(text, 'my notes')
    for (const target of [to, text]) {
      const before = fileHash(target)
      const r = cli(['copy', from, target])
      expect(r.code).toBe(1)
      expect(r.stdout).toBe('')
      expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1)
      expect(r.stderr).toMatch(/^coherence: .* (is not empty|is not an empty SQLite file).*, so it was left unchanged; a copy goes only to a new file or an empty one\.\n$/)
      expectNoStackTrace(r.stderr)
      expect(fileHash(target)).toBe(before)
    }
    expect(leftovers(['from.db', 'to.db', 'notes.txt'])).toEqual([])
  })

  it('a damaged FROM: exit 1, one sentence, no target and no temporary file', async () => {
    const from = await makeBookStore(dir.path, 'damaged.db', Array.from({ length: 400 }, (_, i) => `book ${i}`))
    const db = new Database(from, { readonly: true })
    const pageSize = db.pragma('page_size', { simple: true }) as number
    const root = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'actions'").pluck().get() as number
    db.close()
    const bytes = readFileSync(from)
    Buffer.from([0xff, 0xff]).copy(bytes, (root - 1) * pageSize + 3)
    writeFileSync(from, bytes)
    const to = join(dir.path, 'copy.db')
    const r = cli(['copy', from, to])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^coherence: .*damaged.*\n$/)
    expectNoStackTrace(r.stderr)
    expect(existsSync(to)).toBe(false)
    expect(leftovers(['damaged.db'])).toEqual([])
  })

  it('usage errors: TO missing, a third file, FROM missing; help', async () => {
    const from = await makeBookStore(dir.path, 'from.db', ['A'])
    expect(cli(['copy', from]).stderr).toMatch(/^coherence: TO is missing\.\n/)
    expect(cli(['copy', from, 'b.db', 'c.db']).stderr).toMatch(/^coherence: Only FROM and TO are expected; got .* b\.db c\.db\.\n/)
    const help = cli(['copy', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage: coherence copy FROM TO [--tables …]')
    expect(cli(['--help']).stdout).toContain('coherence copy FROM TO')
    const r = cli(['copy', join(dir.path, 'nope.db'), join(dir.path, 'to.db')])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/nope\.db does not exist/)
    expect(leftovers(['from.db'])).toEqual([])
  })
})

describe('an interrupted copy leaves no target', () => {
  let big: string
  beforeEach(async () => {
    big = join(dir.path, 'big.db')
    await generateStore(big, 150_000)
  }, 120_000)

  /** Start a copy and send `signal` once its temporary file exists; resolves with the exit code. */
  function interrupt(signal: NodeJS.Signals, to: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [BIN, 'copy', big, to], { stdio: ['ignore', 'pipe', 'pipe'] })
      let stderr = ''
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      const poll = setInterval(() => {
        if (readdirSync(dir.path).some((name) => name.endsWith('.copy'))) {
          clearInterval(poll)
          child.kill(signal)
        }
      }, 5)
      child.on('exit', (code, sig) => {
        clearInterval(poll)
        resolve({ code, signal: sig, stderr })
      })
    })
  }

  it('killed (SIGKILL) in the middle: TO never appears', async () => {
    const to = join(dir.path, 'copy.db')
    const r = await interrupt('SIGKILL', to)
    expect(r.signal).toBe('SIGKILL')
    expect(existsSync(to)).toBe(false)
  }, 120_000)

  it('Ctrl-C (SIGINT) in the middle: exit 1, one sentence, nothing left behind', async () => {
    const to = join(dir.path, 'copy.db')
    const r = await interrupt('SIGINT', to)
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('coherence: The copy was interrupted; nothing was written.\n')
    expect(existsSync(to)).toBe(false)
    expect(leftovers(['big.db'])).toEqual([])
  }, 120_000)
})
