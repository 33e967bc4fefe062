/**
 * The `coherence` CLI contract: commands, options, EDN shapes and exit codes,
 * run as real processes against real store files.
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { beforeEach, describe, expect, it } from 'vitest'
import { cli, fileHash } from './run-cli'

let dir: string
let store: string

const book = (title: string, actor: string, genre: string, reason = 'create'): string =>
  `{:timestamp #inst "2026-11-28T14:00:00.750-00:00", :source :bookstore, ` +
  `:action {:reason :${reason}, :actor [:user "${actor}"], :aggregate [:book "${title}"], :patch {:assoc {:genre "${genre}"}}}}`

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'coherence-cli-'))
  store = join(dir, 'store.db')
})

describe('init', () => {
  it('creates the library schema with the default table names', () => {
    const r = cli(['init', store])
    expect(r.code).toBe(0)
    const db = new Database(store, { readonly: true })
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all()
    const indexes = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all()
    db.close()
    expect(tables).toEqual([{ name: 'actions' }, { name: 'effects' }, { name: 'events' }, { name: 'triggers' }])
    expect(indexes).toEqual([{ name: 'actions_aggregate_idx' }, { name: 'effects_trigger_idx' }])
  })

  it('honours --tables and refuses an unknown table key', () => {
    expect(cli(['init', store, '--tables', 'event=event,action=action,effect=effect,trigger=trigger']).code).toBe(0)
    expect(cli(['seq-no', store, '--tables', 'event=event,action=action,effect=effect,trigger=trigger']).stdout).toBe('0\n')
    const bad = cli(['init', join(dir, 'other.db'), '--tables', 'events=x'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('--tables expects event=E')
  })

  it('is idempotent on its own store and refuses a file that is not SQLite', () => {
    expect(cli(['init', store]).code).toBe(0)
    expect(cli(['init', store]).code).toBe(0)
    const text = join(dir, 'notes.txt')
    writeFileSync(text, 'hello, this is not a database at all, just some notes that are long enough'.repeat(3))
    const before = fileHash(text)
    const r = cli(['init', text])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('is not an SQLite database')
    expect(fileHash(text)).toBe(before)
  })
})

describe('rebase', () => {
  beforeEach(() => {
    expect(cli(['init', store]).code).toBe(0)
  })

  it('appends, prints the :ok result map as EDN and exits 0', () => {
    const r = cli(['rebase', store, '--base', '1'], `[${book('Neuromancer', 'alice', 'SciFi')}]`)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(
      '{:result :ok, :events [{:timestamp #inst "2026-11-28T14:00:00.750-00:00", :source :bookstore, ' +
        ':action {:reason :create, :actor [:user "alice"], :aggregate [:book "Neuromancer"], :patch {:assoc {:genre "SciFi"}}}, :seq-no 1}]}\n'
    )
    expect(cli(['seq-no', store]).stdout).toBe('1\n')
  })

  it('reports a conflict with exit 2 and writes nothing', () => {
    cli(['rebase', store, '--base', '1'], `[${book('Neuromancer', 'alice', 'SciFi')}]`)
    const before = fileHash(store)
    const r = cli(['rebase', store, '--base', '1'], `[${book('Count Zero', 'bob', 'Cyberpunk')} ${book('Neuromancer', 'bob', 'Cyberpunk')}]`)
    expect(r.code).toBe(2)
    expect(r.stdout).toMatch(/^\{:result :conflict, :events \[\{:timestamp .*:aggregate \[:book "Count Zero"\].*, :seq-no 2\}\], :conflict \{:ours \{:timestamp .*, :seq-no 3\}, :theirs \{:seq-no 1, :timestamp #inst "2026-11-28T14:00:00.000-00:00", .*\}\}\}\n$/)
    expect(fileHash(store)).toBe(before)
    const retry = cli(['rebase', store, '--base', '1', '--resolved', '1'], `[${book('Neuromancer', 'bob', 'Cyberpunk', 'update')}]`)
    expect(retry.code).toBe(0)
    expect(retry.stdout).toContain(':seq-no 2')
  })

  it('reports :invalid-seq-no with the next seq-no and exit 2', () => {
    const r = cli(['rebase', store, '--base', '5'], `[${book('Neuromancer', 'alice', 'SciFi')}]`)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('{:result :invalid-seq-no, :next-seq-no 1}\n')
  })

  it('--dry assigns seq-nos but leaves the file byte-identical', () => {
    const before = fileHash(store)
    const r = cli(['rebase', store, '--base', '1', '--dry'], `[${book('Neuromancer', 'alice', 'SciFi')}]`)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^\{:result :ok, :events \[\{:timestamp .*, :seq-no 1\}\]\}\n$/)
    expect(fileHash(store)).toBe(before)
    expect(cli(['seq-no', store]).stdout).toBe('0\n')
  })

  it('stores timestamps as epoch seconds and triggers as a set', () => {
    const ev =
      '[{:timestamp #inst "1969-12-31T23:59:59.500-00:00", :source :bookstore, :action {:reason :payment, ' +
      ':actor [:user "alice"], :aggregate [:receipt 1], :patch {:assoc {:total 100}}}, :triggers [[:encryption-key 1] [:key "b"]]}]'
    expect(cli(['rebase', store, '--base', '1'], ev).code).toBe(0)
    const db = new Database(store, { readonly: true })
    expect(db.prepare('SELECT "timestamp" FROM events').get()).toEqual({ timestamp: -1 })
    expect(db.prepare('SELECT trigger_kind, trigger_id FROM triggers ORDER BY trigger_kind').all()).toEqual([
      { trigger_kind: ':encryption-key', trigger_id: '1' },
      { trigger_kind: ':key', trigger_id: '"b"' }
    ])
    db.close()
    const read = cli(['read', store])
    expect(read.stdout).toContain(':timestamp #inst "1969-12-31T23:59:59.000-00:00"')
    expect(read.stdout).toMatch(/:triggers #\{(\[:encryption-key 1\] \[:key "b"\]|\[:key "b"\] \[:encryption-key 1\])\}\}\]\n$/)
  })

  const badInputs: [string, string, string][] = [
    ['malformed EDN', '[{:timestamp #inst "2026-11-28T14:00:00Z" :source', 'not valid EDN'],
    ['not a vector', '{:a 1}', 'vector'],
    ['an empty vector', '[]', 'at least one'],
    ['a missing :source', '[{:timestamp #inst "2026-11-28T14:00:00Z", :action {:reason :x, :actor [:u 1], :aggregate [:b 1], :patch {:assoc {:a 1}}}}]', ':source'],
    ['a wrong type of id', '[{:timestamp #inst "2026-11-28T14:00:00Z", :source :s, :action {:reason :x, :actor [:u 1.5], :aggregate [:b 1], :patch {:assoc {:a 1}}}}]', ':actor'],
    ['an empty :assoc', '[{:timestamp #inst "2026-11-28T14:00:00Z", :source :s, :action {:reason :x, :actor [:u 1], :aggregate [:b 1], :patch {:assoc {}}}}]', ':assoc'],
    ['a :seq-no on a new event', '[{:seq-no 1, :timestamp #inst "2026-11-28T14:00:00Z", :source :s, :effect {:reason :x, :trigger [:k 1]}}]', ':seq-no']
  ]
  for (const [name, input, mention] of badInputs) {
    it(`refuses ${name} with exit 1, a message, and an unchanged file`, () => {
      const before = fileHash(store)
      const r = cli(['rebase', store, '--base', '1'], input)
      expect(r.code).toBe(1)
      expect(r.stdout).toBe('')
      expect(r.stderr).toContain(mention)
      expect(fileHash(store)).toBe(before)
    })
  }

  it('refuses a missing or invalid --base, bad --resolved and unknown options', () => {
    const ev = `[${book('Neuromancer', 'alice', 'SciFi')}]`
    expect(cli(['rebase', store], ev).stderr).toContain('--base is required')
    expect(cli(['rebase', store, '--base', '0'], ev).stderr).toContain('--base must be a positive integer')
    expect(cli(['rebase', store, '--base', '1', '--resolved', '1,x'], ev).stderr).toContain('--resolved must be')
    expect(cli(['rebase', store, '--base', '1', '--resolved', '1,1'], ev).stderr).toContain('distinct')
    const unknown = cli(['rebase', store, '--base', '1', '--force'], ev)
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain("Unknown option '--force'")
  })

  it('refuses to write a read-only file, leaving it unchanged', () => {
    chmodSync(store, 0o444)
    const before = fileHash(store)
    const r = cli(['rebase', store, '--base', '1'], `[${book('Neuromancer', 'alice', 'SciFi')}]`)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('read-only')
    expect(fileHash(store)).toBe(before)
    // Reading a read-only file works.
    expect(cli(['seq-no', store]).stdout).toBe('0\n')
  })
})

describe('read, seq-no, conflicts, check', () => {
  beforeEach(() => {
    cli(['init', store])
    cli(['rebase', store, '--base', '1'], `[${book('Neuromancer', 'alice', 'SciFi')} ${book('Count Zero', 'alice', 'Cyberpunk')}]`)
  })

  it('read filters by aggregates or kinds, and refuses both at once', () => {
    const byAggregate = cli(['read', store, '--aggregates', '[[:book "Count Zero"]]'])
    expect(byAggregate.code).toBe(0)
    expect(byAggregate.stdout).toMatch(/^\[\{:seq-no 2, .*\}\]\n$/)
    expect(cli(['read', store, '--kinds', '[:receipt]']).stdout).toBe('[]\n')
    expect(cli(['read', store, '--kinds', '[:book]', '--offset', '2']).stdout).toMatch(/^\[\{:seq-no 2,/)
    const both = cli(['read', store, '--kinds', '[:book]', '--aggregates', '[]'])
    expect(both.code).toBe(1)
    expect(both.stderr).toContain('not both')
    expect(cli(['read', store, '--aggregates', '[[:book 1.5]]']).stderr).toContain('must be an identity')
    expect(cli(['read', store, '--kinds', '[:book']).stderr).toContain('not valid EDN')
  })

  it('conflicts lists what rebase would treat as a conflict', () => {
    const r = cli(['conflicts', store, '--offset', '1', '--aggregate', '[:book "Neuromancer"]'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^\[\{:seq-no 1, .*:aggregate \[:book "Neuromancer"\].*\}\]\n$/)
    expect(cli(['conflicts', store, '--offset', '2', '--aggregate', '[:book "Neuromancer"]']).stdout).toBe('[]\n')
    expect(cli(['conflicts', store, '--offset', '1']).stderr).toContain('--aggregate is required')
  })

  it('check says healthy with exit 0, and lists problems with exit 1 without writing', () => {
    const healthy = cli(['check', store])
    expect(healthy.code).toBe(0)
    expect(healthy.stdout).toContain('healthy')
    const db = new Database(store)
    db.prepare(`UPDATE actions SET patch = '{:assoc {:genre "SciFi"' WHERE seq_no = 1`).run()
    db.prepare(`INSERT INTO events VALUES (9, 0, ':x')`).run()
    db.close()
    const before = fileHash(store)
    const r = cli(['check', store])
    expect(r.code).toBe(1)
    const lines = r.stdout.trim().split('\n')
    expect(lines.some((l) => l.startsWith('error: Seq-no 1: actions.patch is not valid EDN'))).toBe(true)
    expect(lines.some((l) => l.includes('Seq-no 9') && l.includes('neither an action nor an effect'))).toBe(true)
    expect(lines.some((l) => l.startsWith('notice: Seq-nos 3–8 are missing'))).toBe(true)
    expect(fileHash(store)).toBe(before)
  })

  it('every command refuses a file that is not a store, leaving it unchanged', () => {
    const other = join(dir, 'other.db')
    const db = new Database(other)
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)')
    db.close()
    const before = fileHash(other)
    for (const args of [['read', other], ['seq-no', other], ['check', other], ['conflicts', other, '--offset', '1', '--aggregate', '[:a 1]']]) {
      const r = cli(args)
      expect(r.code, args.join(' ')).toBe(1)
      expect(r.stderr).toContain('has no coherence tables')
    }
    const r = cli(['rebase', other, '--base', '1'], `[${book('X', 'a', 'b')}]`)
    expect(r.code).toBe(1)
    expect(fileHash(other)).toBe(before)
    const missing = cli(['seq-no', join(dir, 'nope.db')])
    expect(missing.stderr).toContain('does not exist')
  })

  it('reports a locked store plainly after waiting, leaving it unchanged', () => {
    // Hash outside the lock: closing any descriptor of the file in this process would drop its POSIX locks.
    const before = fileHash(store)
    const holder = new Database(store)
    holder.exec('BEGIN EXCLUSIVE')
    let r
    try {
      r = cli(['rebase', store, '--base', '3'], `[${book('Idoru', 'carol', 'SciFi')}]`)
    } finally {
      holder.exec('ROLLBACK')
      holder.close()
    }
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('is locked by another program')
    expect(fileHash(store)).toBe(before)
  })

  it('finds stores with other table names through a hint', () => {
    const copy = join(dir, 'singular.db')
    cli(['init', copy, '--tables', 'event=event,action=action,effect=effect,trigger=trigger'])
    const r = cli(['seq-no', copy])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('event/action/effect/trigger')
  })

  it('prints help for every command and rejects unknown commands', () => {
    for (const command of ['init', 'rebase', 'read', 'seq-no', 'conflicts', 'check']) {
      const r = cli([command, '--help'])
      expect(r.code, command).toBe(0)
      expect(r.stdout).toContain(`Usage: coherence ${command}`)
      expect(r.stdout).toContain('--tables')
    }
    expect(cli(['--help']).stdout).toContain('coherence rebase FILE --base N')
    const unknown = cli(['frobnicate', store])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('"frobnicate" is not a command')
  })
})
