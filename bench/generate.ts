/**
 * Fast generator of realistic stores for benchmarks and `npm run make-store`:
 * raw inserts in large transactions, every cell printed by the real printer,
 * a mix of aggregate kinds and actors, ~5 % of actions with triggers and ~1 %
 * effects naming those triggers.
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

/** A deterministic pseudo-random generator (mulberry32). */
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

const kw = (name: string): EdnValue => {
  const slash = name.indexOf('/')
  return slash < 0 ? edn.kw(name) : edn.kw(name.slice(0, slash), name.slice(slash + 1))
}

/** The i-th synthetic event (0-based) of a store with `aggregates` aggregates. */
export function syntheticEvent(i: number, rnd: () => number, aggregates: number): NewEvent {
  const ts = Date.UTC(2026, 0, 1) + i * 1000
  if (i % 100 === 99) {
    return { type: 'effect', timestampMs: ts, source: edn.kw('keystore'), effect: { reason: edn.kw('key-expired'), trigger: { kind: edn.kw('encryption-key'), id: edn.int(Math.floor(rnd() * (i / 20 + 1))) } } }
  }
  const n = Math.floor(rnd() * aggregates)
  const kind = KINDS[n % KINDS.length]
  return {
    type: 'action',
    timestampMs: ts,
    source: edn.kw('bookstore'),
    action: {
      reason: edn.kw(REASONS[Math.floor(rnd() * REASONS.length)]),
      actor: { kind: edn.kw('user'), id: edn.str(ACTORS[Math.floor(rnd() * ACTORS.length)]) },
      aggregate: { kind: kw(kind) as never, id: kind === 'user' ? edn.str(`user-${n}`) : edn.int(n) },
      patch: edn.map([
        [edn.kw('assoc'), edn.map([[edn.kw('title'), edn.str(`Title ${n}-${i}`)], [edn.kw('price'), edn.int(Math.floor(rnd() * 10_000))], [edn.kw('tags'), edn.set([edn.kw('a'), edn.kw(`t${i % 7}`)])]])],
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

/** Create `path` with `events` synthetic events (raw inserts, 50 000 per transaction). */
export async function generateStore(path: string, events: number, onProgress?: (done: number) => void): Promise<void> {
  await (await createSqliteStore(path)).close()
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = OFF')
  const insert = rawInserter(db)
  const rnd = random(42)
  const aggregates = Math.max(10, Math.floor(events / 20))
  const chunk = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) insert(i + 1, syntheticEvent(i, rnd, aggregates))
  })
  for (let from = 0; from < events; from += 50_000) {
    chunk(from, Math.min(events, from + 50_000))
    onProgress?.(Math.min(events, from + 50_000))
  }
  db.pragma('journal_mode = DELETE')
  db.close()
}

/** The EDN text of a rebase batch of `events` synthetic new events, as `pr-str` prints them. */
export function batchText(events: number): string {
  const rnd = random(1)
  const aggregates = Math.max(10, Math.floor(events / 20))
  const parts: string[] = []
  for (let i = 0; i < events; i++) parts.push(printEdn(eventToEdn(syntheticEvent(i, rnd, aggregates))))
  return `[${parts.join(' ')}]\n`
}
