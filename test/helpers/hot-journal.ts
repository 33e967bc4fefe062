/**
 * A real hot rollback journal: a child process opens the store, writes a big
 * transaction with a tiny page cache (so SQLite spills changed pages into the
 * database file itself, saving the originals in the journal) and is killed with
 * SIGKILL before it commits. The file is then inconsistent until a connection
 * that may write rolls the journal back.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

const CHILD = `
const Database = require(process.argv[1]);
const db = new Database(process.argv[2]);
db.pragma('cache_size = 5');
db.exec('BEGIN IMMEDIATE');
const base = db.prepare('SELECT coalesce(max(seq_no), 0) AS n FROM events').get().n;
const ev = db.prepare('INSERT INTO events (seq_no, timestamp, source) VALUES (?, 1, ?)');
for (let i = 1; i <= 20000; i++) ev.run(base + i, ':spill-' + 'x'.repeat(40));
process.stdout.write('spilled\\n');
setInterval(() => {}, 1000);
`

/** Leave a hot journal next to `store` (a store file with the library's tables). Resolves once the writer is dead. */
export function leaveHotJournal(store: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', CHILD, require.resolve('better-sqlite3'), store], { stdio: ['ignore', 'pipe', 'inherit'] })
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('spilled')) child.kill('SIGKILL')
    })
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the writer ended by itself (${signal ?? _code}) instead of being killed`))
      else if (!existsSync(`${store}-journal`)) reject(new Error('the killed writer left no journal'))
      else resolve()
    })
  })
}
