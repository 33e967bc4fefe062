/**
 * The set-based store generator writes exactly what `syntheticEvent` describes,
 * cell for cell as the real printer prints it, into a file the store opens and
 * the integrity check finds healthy; and the data has the shape the tests at
 * scale and the benchmarks rely on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { aggregateCount, eventRows, generateStore, syntheticEvent } from '../../bench/generate'
import { createSqliteStore, openSqliteStore } from '../../src/main/store/sqlite'
import { tempDir } from '../helpers/stores'

/** Every branch many times (dissoc every 13th, a trigger every 20th, an effect every 100th) in three rounds, the last of three events. */
const EVENTS = 20_003
const CHUNK = 10_000
const COMPARED = 5_000

let dir: ReturnType<typeof tempDir>
let path: string
let db: Database.Database
const progress: number[] = []

beforeAll(async () => {
  dir = tempDir('generate')
  path = join(dir.path, 'generated.db')
  await generateStore(path, EVENTS, (done) => progress.push(done), CHUNK)
  db = new Database(path, { readonly: true })
}, 60_000)

afterAll(() => {
  db?.close()
  dir?.remove()
})

const rows = (sql: string, ...params: unknown[]): unknown[][] => db.prepare(sql).raw().all(...params) as unknown[][]

describe('generateStore', () => {
  it('writes the cells the printer prints for syntheticEvent, at the start and at the end', () => {
    const aggregates = aggregateCount(EVENTS)
    for (const [from, to] of [[0, COMPARED], [EVENTS - COMPARED, EVENTS]]) {
      const expected = { event: [] as unknown[][], action: [] as unknown[][], effect: [] as unknown[][], trigger: [] as unknown[][] }
      for (let i = from; i < to; i++) {
        const r = eventRows(i + 1, syntheticEvent(i, aggregates))
        expected.event.push(r.event)
        if (r.action) expected.action.push(r.action)
        if (r.effect) expected.effect.push(r.effect)
        expected.trigger.push(...r.triggers)
      }
      const range = [from + 1, to]
      expect(rows('SELECT * FROM events WHERE seq_no BETWEEN ? AND ? ORDER BY seq_no', ...range)).toEqual(expected.event)
      expect(rows('SELECT * FROM actions WHERE seq_no BETWEEN ? AND ? ORDER BY seq_no', ...range)).toEqual(expected.action)
      expect(rows('SELECT * FROM effects WHERE seq_no BETWEEN ? AND ? ORDER BY seq_no', ...range)).toEqual(expected.effect)
      expect(rows('SELECT * FROM triggers WHERE seq_no BETWEEN ? AND ? ORDER BY seq_no', ...range)).toEqual(expected.trigger)
    }
  })

  it('has every seq-no once, the counts of the shape, and reports progress per round', () => {
    expect(rows('SELECT count(*), min(seq_no), max(seq_no) FROM events')).toEqual([[EVENTS, 1, EVENTS]])
    const effects = Math.floor((EVENTS + 1) / 100)
    expect(rows('SELECT count(*) FROM effects')).toEqual([[effects]])
    expect(rows('SELECT count(*) FROM actions')).toEqual([[EVENTS - effects]])
    expect(rows('SELECT count(*) FROM triggers')).toEqual([[Math.ceil(EVENTS / 20)]])
    expect(rows('SELECT count(*) FROM (SELECT seq_no FROM actions UNION ALL SELECT seq_no FROM effects)')).toEqual([[EVENTS]])
    expect(progress).toEqual([10_000, 20_000, EVENTS])
  })

  it('spreads actions over about one aggregate per 20 events, of every kind', () => {
    const [[distinct]] = rows('SELECT count(*) FROM (SELECT DISTINCT aggregate_kind, aggregate_id FROM actions)') as [[number]]
    expect(distinct).toBeGreaterThan(aggregateCount(EVENTS) * 0.9)
    expect(distinct).toBeLessThanOrEqual(aggregateCount(EVENTS))
    expect(rows('SELECT DISTINCT aggregate_kind FROM actions ORDER BY 1').flat()).toEqual([':book', ':order', ':receipt', ':shop.billing/invoice', ':user'])
  })

  it('makes every effect name a trigger an earlier action carries, so reads replay', () => {
    expect(rows('SELECT count(*) FROM effects f WHERE NOT EXISTS (SELECT 1 FROM triggers t WHERE t.trigger_kind = f.trigger_kind AND t.trigger_id = f.trigger_id AND t.seq_no < f.seq_no)')).toEqual([[0]])
  })

  it('leaves the schema a new store has, every index rebuilt, and a file the integrity check finds healthy', async () => {
    const fresh = join(dir.path, 'fresh.db')
    await (await createSqliteStore(fresh)).close()
    const schema = (file: string): unknown[][] => {
      const other = new Database(file, { readonly: true })
      try {
        return other.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name').raw().all() as unknown[][]
      } finally {
        other.close()
      }
    }
    expect(schema(path)).toEqual(schema(fresh))
    expect(rows('PRAGMA foreign_key_check')).toEqual([])
    expect(rows('PRAGMA journal_mode')).toEqual([['delete']])
    const store = await openSqliteStore(path, { readOnly: true })
    try {
      expect(await store.currentSeqNo()).toBe(EVENTS)
      expect(await store.check()).toEqual([])
    } finally {
      await store.close()
    }
  }, 120_000)
})
