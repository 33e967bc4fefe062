/**
 * Realistic stores of any size for benchmarks, tests at scale and
 * `npm run make-store`. One definition of the data, `syntheticEvent(i)`, and
 * two ways to write it:
 *
 * - `generateStore` builds the whole store inside SQLite, set-based: a
 *   recursive CTE counts the events and `INSERT … SELECT` computes every cell
 *   (the few EDN values whose printing is not plain concatenation, such as the
 *   hash-ordered tag sets, come from the real printer as SQL literals). The
 *   secondary indexes are dropped for the load and rebuilt after it.
 * - `syntheticEvent` + `rawInserter` give the same events as values and as
 *   prepared row inserts, for the append benchmark.
 *
 * test/bench/generate.int.test.ts checks that the SQL writes exactly the cells
 * the real printer prints for `syntheticEvent(i)`.
 *
 * The shape: aggregates of five kinds (one with a namespace, `:user` with
 * string ids), about 20 events per aggregate, five reasons and actors, every
 * 13th patch also dissociates a key, every 20th event an action carrying a
 * trigger, every 100th an effect naming an earlier trigger (so reads replay).
 * Pseudo-random choices are multiplicative hashes of the event's index, the
 * same in JavaScript and in SQLite's 64-bit integers, so a store is the same
 * on every run.
 */
import Database from 'better-sqlite3'
import { edn, type EdnValue } from '../src/shared/edn-value'
import { printEdn } from '../src/main/core/edn'
import { eventToEdn } from '../src/main/core/domain'
import { createSqliteStore } from '../src/main/store/sqlite'
import type { NewEvent } from '../src/shared/domain'

const KINDS = ['book', 'user', 'order', 'receipt', 'shop.billing/invoice']
const REASONS = ['create', 'update', 'rename', 'price-changed', 'archived']
const ACTORS = ['alice', 'bob', 'carol', 'dave', 'erin']
const TAG_VARIANTS = 7
/** 2026-01-01T00:00:00Z in seconds; event i happens i seconds later. */
const EPOCH_SECONDS = Date.UTC(2026, 0, 1) / 1000

/** A deterministic pseudo-random generator (mulberry32), for benchmarks that pick random places. */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Odd multipliers of the two hashes (Knuth's golden-ratio one and xxHash's second prime). */
const MULTIPLIER_A = 2654435761
const MULTIPLIER_B = 2246822519

/** `(i × m) mod 2³²`: exact in JavaScript (imul) and, for i < 2³¹, in SQLite's integers. */
const hash = (i: number, m: number): number => Math.imul(i, m | 0) >>> 0

/** How many aggregates a store of `events` events spreads its actions over. */
export const aggregateCount = (events: number): number => Math.max(10, Math.floor(events / 20))

/** The choices of event `i`, in integers: exactly what the SQL below computes. */
function choices(i: number, aggregates: number): { n: number; price: number; reason: number; actor: number; triggerId: number } {
  const a = hash(i, MULTIPLIER_A)
  const b = hash(i, MULTIPLIER_B)
  return {
    n: a % aggregates,
    price: b % 10_000,
    reason: Math.floor(b / 10_000) % REASONS.length,
    actor: Math.floor(b / 50_000) % ACTORS.length,
    triggerId: a % (Math.floor(i / 20) + 1)
  }
}

const isEffect = (i: number): boolean => i % 100 === 99

const kw = (name: string): EdnValue => {
  const slash = name.indexOf('/')
  return slash < 0 ? edn.kw(name) : edn.kw(name.slice(0, slash), name.slice(slash + 1))
}

const tags = (i: number): EdnValue => edn.set([edn.kw('a'), edn.kw(`t${i % TAG_VARIANTS}`)])

/** The i-th synthetic event (0-based; seq-no i + 1) of a store with `aggregates` aggregates. */
export function syntheticEvent(i: number, aggregates: number): NewEvent {
  const timestampMs = (EPOCH_SECONDS + i) * 1000
  const c = choices(i, aggregates)
  if (isEffect(i)) {
    return { type: 'effect', timestampMs, source: edn.kw('keystore'), effect: { reason: edn.kw('key-expired'), trigger: { kind: edn.kw('encryption-key'), id: edn.int(c.triggerId) } } }
  }
  const kind = KINDS[c.n % KINDS.length]
  return {
    type: 'action',
    timestampMs,
    source: edn.kw('bookstore'),
    action: {
      reason: edn.kw(REASONS[c.reason]),
      actor: { kind: edn.kw('user'), id: edn.str(ACTORS[c.actor]) },
      aggregate: { kind: kw(kind) as never, id: kind === 'user' ? edn.str(`user-${c.n}`) : edn.int(c.n) },
      patch: edn.map([
        [edn.kw('assoc'), edn.map([[edn.kw('title'), edn.str(`Title ${c.n}-${i}`)], [edn.kw('price'), edn.int(c.price)], [edn.kw('tags'), tags(i)]])],
        ...(i % 13 === 0 ? [[edn.kw('dissoc'), edn.vec([edn.kw('draft')])] as const] : [])
      ])
    },
    triggers: i % 20 === 0 ? [{ kind: edn.kw('encryption-key'), id: edn.int(i / 20) }] : []
  }
}

/** Cell rows of one event, as the store writes them. */
export function eventRows(seqNo: number, ev: NewEvent): { event: unknown[]; action?: unknown[]; effect?: unknown[]; triggers: unknown[][] } {
  const event = [seqNo, Math.floor(ev.timestampMs / 1000), printEdn(ev.source)]
  if (ev.type === 'effect') {
    return { event, effect: [seqNo, printEdn(ev.effect.reason), printEdn(ev.effect.trigger.kind), printEdn(ev.effect.trigger.id)], triggers: [] }
  }
  const a = ev.action
  return {
    event,
    action: [seqNo, printEdn(a.reason), printEdn(a.actor.kind), printEdn(a.actor.id), printEdn(a.aggregate.kind), printEdn(a.aggregate.id), printEdn(a.patch)],
    triggers: ev.triggers.map((t) => [printEdn(t.kind), printEdn(t.id), seqNo])
  }
}

/** Prepared raw inserts into a store file with the default table names. */
export function rawInserter(db: Database.Database): (seqNo: number, ev: NewEvent) => void {
  const insEvent = db.prepare('INSERT INTO "events" ("seq_no", "timestamp", "source") VALUES (?, ?, ?)')
  const insAction = db.prepare('INSERT INTO "actions" ("seq_no", "reason", "actor_kind", "actor_id", "aggregate_kind", "aggregate_id", "patch") VALUES (?, ?, ?, ?, ?, ?, ?)')
  const insEffect = db.prepare('INSERT INTO "effects" ("seq_no", "reason", "trigger_kind", "trigger_id") VALUES (?, ?, ?, ?)')
  const insTrigger = db.prepare('INSERT INTO "triggers" ("trigger_kind", "trigger_id", "seq_no") VALUES (?, ?, ?)')
  return (seqNo, ev) => {
    const rows = eventRows(seqNo, ev)
    insEvent.run(...rows.event)
    if (rows.action) insAction.run(...rows.action)
    if (rows.effect) insEffect.run(...rows.effect)
    for (const t of rows.triggers) insTrigger.run(...t)
  }
}

/** An SQL string literal. */
const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`

/** `CASE expr WHEN 0 THEN v0 … END`: picks a printed value by index. */
const pick = (expr: string, printed: readonly string[]): string => `CASE ${expr} ${printed.map((p, k) => `WHEN ${k} THEN ${literal(p)}`).join(' ')} END`

/** Which database the generating SQL is for: SQLite counts with a recursive CTE, PostgreSQL with generate_series. */
export type GenerateDialect = 'sqlite' | 'postgres'

/**
 * The INSERT … SELECT statements that write events [@first, @to) (0-based
 * indexes; SQLite binds them by name, PostgreSQL as $1 and $2).
 */
export function chunkStatements(aggregates: number, dialect: GenerateDialect = 'sqlite'): { sql: string; step: number; first: (from: number) => number }[] {
  const p = (v: EdnValue): string => literal(printEdn(v))
  const a = `((i * ${MULTIPLIER_A}) & 4294967295)`
  const b = `((i * ${MULTIPLIER_B}) & 4294967295)`
  // The same integers as `choices`: `/` on integers truncates like Math.floor on non-negatives in both databases.
  const series = (step: number): string => dialect === 'sqlite'
    ? `WITH RECURSIVE seq(i) AS (SELECT CAST(@first AS INTEGER) UNION ALL SELECT i + ${step} FROM seq WHERE i + ${step} < @to)`
    : `WITH seq(i) AS (SELECT generate_series($1::bigint, $2::bigint - 1, ${step}))`
  const cte = (step: number): string => `${series(step)}, c(i, n, b) AS (SELECT i, ${a} % ${aggregates}, ${b} FROM seq)`
  const n = 'c.n'
  const kind = pick(`${n} % ${KINDS.length}`, KINDS.map((k) => printEdn(kw(k))))
  const aggregateId = `CASE WHEN ${n} % ${KINDS.length} = ${KINDS.indexOf('user')} THEN '"user-' || ${n} || '"' ELSE CAST(${n} AS TEXT) END`
  const patch =
    `'{:assoc {:title "Title ' || ${n} || '-' || c.i || '", :price ' || (c.b % 10000) || ', :tags ' || ${pick(`c.i % ${TAG_VARIANTS}`, Array.from({ length: TAG_VARIANTS }, (_, k) => printEdn(tags(k))))} || '}' ` +
    `|| CASE WHEN c.i % 13 = 0 THEN ${literal(`, ${printEdn(edn.kw('dissoc'))} ${printEdn(edn.vec([edn.kw('draft')]))}`)} ELSE '' END || '}'`
  const every = (from: number): number => from
  const nextMultiple = (step: number, rest: number) => (from: number): number => from + ((((rest - from) % step) + step) % step)
  return [
    {
      sql: `INSERT INTO "events" ("seq_no", "timestamp", "source") ${cte(1)} SELECT i + 1, ${EPOCH_SECONDS} + i, CASE WHEN i % 100 = 99 THEN ${p(edn.kw('keystore'))} ELSE ${p(edn.kw('bookstore'))} END FROM c`,
      step: 1,
      first: every
    },
    {
      sql:
        `INSERT INTO "actions" ("seq_no", "reason", "actor_kind", "actor_id", "aggregate_kind", "aggregate_id", "patch") ${cte(1)} ` +
        `SELECT c.i + 1, ${pick(`(c.b / 10000) % ${REASONS.length}`, REASONS.map((r) => printEdn(edn.kw(r))))}, ${p(edn.kw('user'))}, ` +
        `${pick(`(c.b / 50000) % ${ACTORS.length}`, ACTORS.map((x) => printEdn(edn.str(x))))}, ${kind}, ${aggregateId}, ${patch} FROM c WHERE c.i % 100 <> 99`,
      step: 1,
      first: every
    },
    {
      sql: `INSERT INTO "effects" ("seq_no", "reason", "trigger_kind", "trigger_id") ${cte(100)} SELECT i + 1, ${p(edn.kw('key-expired'))}, ${p(edn.kw('encryption-key'))}, CAST(${a} % (i / 20 + 1) AS TEXT) FROM seq`,
      step: 100,
      first: nextMultiple(100, 99)
    },
    {
      sql: `INSERT INTO "triggers" ("trigger_kind", "trigger_id", "seq_no") ${cte(20)} SELECT ${p(edn.kw('encryption-key'))}, CAST(i / 20 AS TEXT), i + 1 FROM seq`,
      step: 20,
      first: nextMultiple(20, 0)
    }
  ]
}

/**
 * Create `path` (default table names) with `events` synthetic events, built
 * set-based inside SQLite, `chunk` events per INSERT … SELECT round;
 * `onProgress` hears the number written after each round.
 */
export async function generateStore(path: string, events: number, onProgress?: (done: number) => void, chunk = 1_000_000): Promise<void> {
  if (!Number.isSafeInteger(events) || events < 1 || events >= 2 ** 31) throw new RangeError(`events must be a whole number from 1 to ${2 ** 31 - 1}`)
  await (await createSqliteStore(path)).close()
  const db = new Database(path)
  try {
    db.pragma('journal_mode = OFF')
    db.pragma('synchronous = OFF')
    db.pragma('foreign_keys = OFF')
    db.pragma('cache_size = -131072')
    db.pragma('temp_store = MEMORY') // the index rebuild sorts in memory, not in temp files
    // Secondary indexes are cheaper built once from sorted data than kept up to date row by row.
    const indexes = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL`).all() as { name: string; sql: string }[]
    const statements = chunkStatements(aggregateCount(events)).map((s) => ({ ...s, run: db.prepare(s.sql) }))
    db.transaction(() => {
      for (const index of indexes) db.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`)
    })()
    for (let from = 0; from < events; from += chunk) {
      const to = Math.min(events, from + chunk)
      db.transaction(() => {
        for (const s of statements) if (s.first(from) < to) s.run.run({ first: s.first(from), to })
      })()
      onProgress?.(to)
    }
    db.transaction(() => {
      for (const index of indexes) db.exec(index.sql)
    })()
  } finally {
    db.close()
  }
}

/** The EDN text of a rebase batch of `events` synthetic new events, as `pr-str` prints them. */
export function batchText(events: number): string {
  const aggregates = Math.max(10, Math.floor(events / 20))
  const parts: string[] = []
  for (let i = 0; i < events; i++) parts.push(printEdn(eventToEdn(syntheticEvent(i, aggregates))))
  return `[${parts.join(' ')}]\n`
}
