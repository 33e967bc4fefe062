/**
 * `npm run bench`: ratios measured side by side in one run (ours vs raw
 * better-sqlite3 on the same rows; small store vs large store). Absolute times
 * on shared machines are noise; the ratios are the result.
 *
 *   npm run bench                  # 10 k vs 1 M events
 *   npm run bench -- --large 10000000
 *
 * Generated stores are cached in bench/.data (store-<events>.db, with the
 * generation time in store-<events>.json; store-<events>-indexed.db is a copy
 * with `coherence index`'s index); delete them to regenerate.
 */
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import { createSqliteStore, openSqliteStore } from '../src/main/store/sqlite'
import type { NewEvent } from '../src/shared/domain'
import { generateStore, random, rawInserter, syntheticEvent } from './generate'
import { benchFirstRows, benchIpcPage } from './ipc-ui'
import { benchRebaseBatch } from './rebase-batch'
import { benchPostgres, type PostgresBench } from './postgres'
import { readPairInChild } from './read-pair'
import { alternating, conflictCheck, conflictProbe, fastestAlternating, median } from './timing'

const DATA = join(import.meta.dirname, '.data')
const largeArg = process.argv.indexOf('--large')
const LARGE = largeArg > 0 ? Number(process.argv[largeArg + 1]) : 1_000_000
const SMALL = 10_000


/** How long generating each store took (filled by `ensureStore`), for the report. */
const generation: string[] = []

async function ensureStore(events: number): Promise<string> {
  const path = join(DATA, `store-${events}.db`)
  const timing = join(DATA, `store-${events}.json`)
  if (!existsSync(path)) {
    process.stdout.write(`generating ${events} events … `)
    const start = performance.now()
    await generateStore(path, events, (done) => process.stdout.write(`\rgenerating ${events} events … ${done}`))
    const seconds = (performance.now() - start) / 1000
    writeFileSync(timing, JSON.stringify({ events, seconds, at: new Date().toISOString() }))
    process.stdout.write(` done in ${seconds.toFixed(0)} s\n`)
  }
  const recorded = existsSync(timing) ? (JSON.parse(readFileSync(timing, 'utf8')) as { seconds: number; at: string }) : null
  generation.push(
    recorded
      ? `${events} events: generated in ${recorded.seconds.toFixed(0)} s (${recorded.at}), cached in ${path}`
      : `${events} events: cached in ${path} (generation time not recorded)`
  )
  return path
}

/** Append 100-event batches through rebase vs raw inserts of the same rows in the same transactions. */
async function benchAppend(): Promise<[number, number]> {
  const batches = 100
  const events: NewEvent[] = Array.from({ length: batches * 100 }, (_, i) => syntheticEvent(i, 500))
  const oursPath = join(DATA, 'append-ours.db')
  const rawPath = join(DATA, 'append-raw.db')
  const fresh = async (path: string): Promise<void> => {
    rmSync(path, { force: true })
    await (await createSqliteStore(path)).close()
  }
  const runOurs = async (): Promise<number> => {
    await fresh(oursPath)
    const store = await openSqliteStore(oursPath)
    const start = performance.now()
    for (let b = 0; b < batches; b++) {
      const base = b * 100 + 1
      const r = await store.rebase(base, events.slice(b * 100, b * 100 + 100))
      if (r.result !== 'ok') throw new Error(`bench rebase ${r.result}`)
    }
    const t = performance.now() - start
    await store.close()
    return t
  }
  const runRaw = async (): Promise<number> => {
    await fresh(rawPath)
    const db = new Database(rawPath)
    const insert = rawInserter(db)
    const start = performance.now()
    for (let b = 0; b < batches; b++) {
      db.exec('BEGIN IMMEDIATE')
      for (let i = b * 100; i < b * 100 + 100; i++) insert(i + 1, events[i])
      db.exec('COMMIT')
    }
    const t = performance.now() - start
    db.close()
    return t
  }
  return fastestAlternating(3, runOurs, runRaw)
}

/** One keyset page of 200 and one conflict check on a store. */
async function benchPaging(path: string, events: number): Promise<[number, number]> {
  warmFile(path)
  const store = await openSqliteStore(path)
  const rnd = random(3)
  const page = await median(21, () => store.pageEvents({ limit: 200, after: Math.floor(rnd() * (events - 200)) }))
  const conflict = await conflictCheck(store, events)
  await store.close()
  return [page, conflict]
}

/**
 * Read the file once so the OS caches it. The page measure is how a keyset page
 * grows with the store, not how fast the disk is: a 1 M-event file evicted by
 * earlier work (a test run's 2 GB store) made its random pages disk reads, 3–5×
 * slower for the first run only, while the 10 k file stayed cached.
 */
function warmFile(path: string): void {
  const chunk = Buffer.alloc(8 << 20)
  const fd = openSync(path, 'r')
  try {
    while (readSync(fd, chunk, 0, chunk.length, null) > 0);
  } finally {
    closeSync(fd)
  }
}

/** A copy of the store at `path` with `coherence index`'s index on the trigger table (cached beside it; made again when the store is newer). */
async function indexedCopy(path: string): Promise<string> {
  const copy = path.replace(/\.db$/, '-indexed.db')
  if (!existsSync(copy) || statSync(copy).mtimeMs < statSync(path).mtimeMs) {
    copyFileSync(path, `${copy}.tmp`)
    const store = await openSqliteStore(`${copy}.tmp`)
    await store.addTriggerSeqNoIndex()
    await store.close()
    renameSync(`${copy}.tmp`, copy)
  }
  warmFile(copy)
  return copy
}

/** One conflict check on the indexed copies of the small and the large store, timed alternately: [small, large]. */
async function benchIndexedConflicts(small: string, large: string): Promise<[number, number]> {
  const smallStore = await openSqliteStore(await indexedCopy(small))
  const largeStore = await openSqliteStore(await indexedCopy(large))
  const times = await alternating(21, await conflictProbe(smallStore, SMALL), await conflictProbe(largeStore, LARGE))
  await smallStore.close()
  await largeStore.close()
  return times
}

async function main(): Promise<void> {
  mkdirSync(DATA, { recursive: true })
  const small = await ensureStore(SMALL)
  const large = await ensureStore(LARGE)

  const [appendOurs, appendRaw] = await benchAppend()
  const read = readPairInChild('sqlite', small)
  const [readOurs, readRaw, readCount] = [read.ours, read.raw, read.count]
  const [pageSmall, conflictSmall] = await benchPaging(small, SMALL)
  const [pageLarge, conflictLarge] = await benchPaging(large, LARGE)
  const [conflictIndexedSmall, conflictIndexedLarge] = await benchIndexedConflicts(small, large)
  const ipcSmall = await benchIpcPage(small, SMALL)
  const ipcLarge = await benchIpcPage(large, LARGE)
  const uiSmall = await benchFirstRows(small)
  const uiLarge = await benchFirstRows(large)
  const batches = [20_000, 80_000, 320_000].map((n) => benchRebaseBatch(DATA, n))
  const pg = await benchPostgres(SMALL, LARGE)

  const rows: [string, string, string][] = [
    ['append via rebase, 100-event batches (10 000 events)', `${(appendRaw / appendOurs).toFixed(2)} of raw inserts`, '≥ 0.5'],
    [`read(1), ${readCount} actions (10 k store)`, `${(readRaw / readOurs).toFixed(2)} of raw SELECT`, '≥ 0.5'],
    [`keyset page of 200: ${LARGE} vs ${SMALL} events`, `${(pageLarge / pageSmall).toFixed(2)}× growth`, '≤ 2×'],
    [`conflict check (dry rebase), library schema: ${LARGE} vs ${SMALL} events`, `${(conflictLarge / conflictSmall).toFixed(2)}× growth`, 'needs the index (below)'],
    [`conflict check (dry rebase), after coherence index: ${LARGE} vs ${SMALL}`, `${(conflictIndexedLarge / conflictIndexedSmall).toFixed(2)}× growth`, '≤ 2×'],
    [`IPC page of 200 (dispatch→host→worker): ${LARGE} vs ${SMALL}`, `${(ipcLarge / ipcSmall).toFixed(2)}× growth`, '≤ 2×'],
    [`first rows, ${uiLarge.section} opened (warm): ${LARGE} vs ${SMALL}`, `${(uiLarge.warm / uiSmall.warm).toFixed(2)}× growth`, '≤ 2×'],
    ...batches.slice(1).map((b): [string, string, string] => [
      `CLI rebase of one batch, time per event: ${b.events / 1000} k vs 20 k events`,
      `${(b.ms / b.events / (batches[0].ms / batches[0].events)).toFixed(2)}× growth`,
      '≤ 1.5× (linear)'
    ])
  ]
  const width = Math.max(...rows.map((r) => r[0].length))
  console.log(`\n${'measure'.padEnd(width)}  ratio                      target`)
  for (const [name, ratio, target] of rows) console.log(`${name.padEnd(width)}  ${ratio.padEnd(26)} ${target}`)
  if (pg !== null) printSideBySide(pg, { appendOurs, appendRaw, readOurs, readRaw, pageSmall, pageLarge, conflictSmall, conflictLarge, conflictIndexedSmall, conflictIndexedLarge })
  const ms = (n: number): string => `${n.toFixed(1)} ms`
  console.log('\nabsolute times (noise on a shared machine; medians):')
  console.log(`  IPC page of 200: ${ms(ipcSmall)} (${SMALL}) vs ${ms(ipcLarge)} (${LARGE}); direct store call: ${ms(pageSmall)} vs ${ms(pageLarge)}`)
  console.log(`  first rows after opening ${uiLarge.section}: cold ${ms(uiSmall.cold)} / warm ${ms(uiSmall.warm)} (${SMALL}); cold ${ms(uiLarge.cold)} / warm ${ms(uiLarge.warm)} (${LARGE})`)
  const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(0)} MB`
  for (const b of batches) {
    const peak = b.peakBytes === null ? 'peak RSS needs /usr/bin/time' : `peak RSS ${mb(b.peakBytes)} (${(b.peakBytes / b.inputBytes).toFixed(1)}× the input)`
    console.log(`  CLI rebase of ${b.events} events (${mb(b.inputBytes)} of EDN): ${(b.ms / 1000).toFixed(1)} s, ${peak}`)
  }
  console.log('\nstores:')
  for (const line of generation) console.log(`  ${line}`)
  for (const line of pg?.generated ?? []) console.log(`  ${line}`)
}

type SideMeasures = Omit<PostgresBench, 'readCount' | 'generated'>

/** The PostgreSQL ratios beside the SQLite ones of the same run, with both sides' absolute times. */
function printSideBySide(pg: PostgresBench, lite: SideMeasures): void {
  const rows: [string, (m: SideMeasures) => string, string][] = [
    ['append via rebase, 100-event batches (10 000 events) vs raw inserts', (m) => (m.appendRaw / m.appendOurs).toFixed(2), '≥ 0.5'],
    [`read(1) (10 k store) vs raw SELECT of the same rows`, (m) => (m.readRaw / m.readOurs).toFixed(2), '≥ 0.5'],
    [`keyset page of 200: ${LARGE} vs ${SMALL} events (growth)`, (m) => `${(m.pageLarge / m.pageSmall).toFixed(2)}×`, '≤ 2×'],
    [`conflict check (dry rebase), library schema: ${LARGE} vs ${SMALL} events (growth)`, (m) => `${(m.conflictLarge / m.conflictSmall).toFixed(2)}×`, 'see note'],
    [`conflict check (dry rebase), after coherence index: ${LARGE} vs ${SMALL} (growth)`, (m) => `${(m.conflictIndexedLarge / m.conflictIndexedSmall).toFixed(2)}×`, '≤ 2×']
  ]
  const width = Math.max(...rows.map((r) => r[0].length))
  console.log(`\n${'measure (same run)'.padEnd(width)}  SQLite    PostgreSQL  target`)
  for (const [name, ratio, target] of rows) console.log(`${name.padEnd(width)}  ${ratio(lite).padEnd(9)} ${ratio(pg).padEnd(11)} ${target}`)
  const ms = (n: number): string => `${n.toFixed(1)} ms`
  const times = (m: SideMeasures): string =>
    `append ${ms(m.appendOurs)} (raw ${ms(m.appendRaw)}), read ${ms(m.readOurs)} (raw ${ms(m.readRaw)}), ` +
    `page ${ms(m.pageSmall)} → ${ms(m.pageLarge)}, conflict ${ms(m.conflictSmall)} → ${ms(m.conflictLarge)} (indexed ${ms(m.conflictIndexedSmall)} → ${ms(m.conflictIndexedLarge)})`
  console.log(`  SQLite:     ${times(lite)}`)
  console.log(`  PostgreSQL: ${times(pg)} (the page through the inspector's pageEvents, as on SQLite)`)
  console.log(
    '  The conflicting action is loaded with its triggers (LEFT JOIN on the trigger table\'s seq_no, as the library\'s\n' +
      '  select-next-conflicting-actions does). The library\'s schema has no index on that column, so on its schema\n' +
      '  that lookup scans the whole trigger table and grows with the store; `coherence index` adds the index (opt-in,\n' +
      '  additive, the library keeps working with it) and the lookup becomes an index search.'
  )
}

main().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
