/**
 * `npx tsx bench/audit.ts <store.db>`: query plans and times of the audit
 * queries on a big store (read-only). The results for the 1 M and 10 M
 * generated stores are written down in docs/audit-queries.md.
 */
import { performance } from 'node:perf_hooks'
import Database from 'better-sqlite3'
import { openSqliteStore } from '../src/main/store/sqlite'

const path = process.argv[2]
if (!path) throw new Error('usage: tsx bench/audit.ts <store.db>')

async function time<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const start = performance.now()
  const result = await fn()
  console.log(`${label.padEnd(48)} ${(performance.now() - start).toFixed(0).padStart(6)} ms`)
  return result
}

async function main(): Promise<void> {
  const store = await openSqliteStore(path, { readOnly: true })
  const db = new Database(path, { readonly: true })
  const counts = await time('counts', () => store.counts())
  console.log(JSON.stringify(counts))
  const first = await time('trigger index, identity, first page (200)', () => store.triggerIndex({ limit: 200 }))
  const last = first.rows.at(-1)
  if (last) await time('trigger index, identity, next page', () => store.triggerIndex({ limit: 200, after: { ...last, count: 0 } }))
  const byActions = await time('trigger index, by actions, first page', () => store.triggerIndex({ limit: 200, sort: 'actions' }))
  const l2 = byActions.rows.at(-1)
  if (l2) await time('trigger index, by actions, next page', () => store.triggerIndex({ limit: 200, sort: 'actions', after: { ...l2, count: l2.actions } }))
  await time('trigger index, by effects, first page', () => store.triggerIndex({ limit: 200, sort: 'effects' }))
  await time('trigger index, identity, text "key 12"', () => store.triggerIndex({ limit: 200, text: 'key 12' }))
  await time('count triggers', () => store.countTriggers())
  const top = byActions.rows[0]
  if (top) await time(`graph of the busiest trigger [${top.kind} ${top.id}]`, () => store.triggerGraph({ type: 'trigger', kind: top.kind, id: top.id }))
  const effect = db.prepare('SELECT "seq_no" AS s FROM "effects" ORDER BY "seq_no" DESC LIMIT 1').get() as { s: number } | undefined
  if (effect) {
    await time(`graph of effect ${effect.s}`, () => store.triggerGraph({ type: 'effect', seqNo: effect.s }))
    await time(`blast radius of effect ${effect.s} (own offset)`, () => store.blastRadius(effect.s))
    const mid = Math.floor(effect.s / 2)
    await time(`blast radius of effect ${effect.s} from offset ${mid}`, () => store.blastRadius(effect.s, mid))
    await time(`read sizes with/without effect ${effect.s} from offset ${mid}`, () => store.blastReadSizes(effect.s, mid))
  }
  const agg = db.prepare('SELECT a."aggregate_kind" AS kind, a."aggregate_id" AS id FROM "triggers" t JOIN "actions" a ON a."seq_no" = t."seq_no" LIMIT 1').get() as { kind: string; id: string } | undefined
  if (agg) await time(`graph of aggregate [${agg.kind} ${agg.id}]`, () => store.triggerGraph({ type: 'aggregate', ...agg }))
  await time('timeline (60 buckets)', () => store.timeline({}))
  await store.close()
  db.close()
}

void main()
