/**
 * Every `StoreInspector` method on two adapters holding the same rows, with
 * arguments taken from the store itself (each seq-no, aggregate, trigger and
 * effect, offsets around each effect, filters of every kind, keyset walks in
 * both directions and every sort) plus edge cases: the results must be equal.
 */
import { expect } from 'vitest'
import type { CellIdentity, EventFilter, SuggestableColumn } from '../../../../src/shared/browse'
import type { TriggerSort } from '../../../../src/shared/audit'
import type { IdentityRole } from '../../../../src/shared/compose'
import type { StoreInspector } from '../../../../src/main/store/store-inspector'
import { readEdn } from '../../../../src/main/core/edn'
import type { EdnKeyword } from '../../../../src/shared/edn-value'
import type { Identity } from '../../../../src/shared/domain'

/** JSON for labels (EDN integers are bigints). */
const show = (value: unknown): string => JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}

/** Call `call` on both and expect equal results (or equal failures). */
async function same<T>(label: string, a: StoreInspector, b: StoreInspector, call: (s: StoreInspector) => Promise<T>): Promise<T> {
  const expected = await call(a)
  expect(await call(b), label).toEqual(expected)
  return expected
}

/** Filters built from the store's own values. */
function filters(rows: readonly { aggregateKind: string | null; aggregateId: string | null; actorKind: string | null; actorId: string | null; reason: string | null; source: string; timestamp: number; triggerKind: string | null; triggerId: string | null; patch: string | null; seqNo: number }[]): EventFilter[] {
  const action = rows.find((r) => r.aggregateKind !== null)
  const effect = rows.find((r) => r.triggerKind !== null)
  const mid = rows[Math.floor(rows.length / 2)]
  const out: EventFilter[] = [{}, { type: 'action' }, { type: 'effect' }, { reason: ':nothing' }, { patchText: '' }]
  if (action) {
    out.push(
      { aggregateKind: action.aggregateKind as string },
      { aggregate: { kind: action.aggregateKind as string, id: action.aggregateId as string } },
      { actor: { kind: action.actorKind as string, id: action.actorId as string } },
      { reason: action.reason as string, source: action.source },
      { patchText: (action.patch as string).slice(1, 6) },
      { type: 'action', aggregateKind: action.aggregateKind as string, toSeqNo: mid.seqNo }
    )
  }
  if (effect) out.push({ trigger: { kind: effect.triggerKind as string, id: effect.triggerId as string } }, { type: 'effect', reason: effect.reason as string })
  if (mid) out.push({ fromSeqNo: mid.seqNo, toSeqNo: mid.seqNo + 3 }, { fromTime: mid.timestamp, toTime: mid.timestamp + 3600 }, { fromTime: mid.timestamp })
  return out
}

async function compareEvents(a: StoreInspector, b: StoreInspector, maxSeqNo: number): Promise<void> {
  const all = await same('streamEvents()', a, b, (s) => collect(s.streamEvents()))
  for (const filter of filters(all)) {
    const label = show(filter)
    await same(`streamEvents ${label}`, a, b, (s) => collect(s.streamEvents(filter)))
    await same(`countEvents ${label}`, a, b, (s) => s.countEvents(filter))
    for (const limit of [1, 3, 1000]) {
      await same(`pageEvents ${label} ${limit}`, a, b, (s) => s.pageEvents({ filter, limit }))
      await same(`pageEvents before end ${label} ${limit}`, a, b, (s) => s.pageEvents({ filter, limit, before: maxSeqNo + 1 }))
    }
    // Keyset walks both ways, one page of 2 at a time, to both ends.
    for (let page = await a.pageEvents({ filter, limit: 2 }); page.hasMoreAfter; ) {
      const after = page.rows[page.rows.length - 1].seqNo
      page = await same(`pageEvents after ${after} ${label}`, a, b, (s) => s.pageEvents({ filter, limit: 2, after }))
    }
    for (let page = await a.pageEvents({ filter, limit: 2, before: maxSeqNo + 1 }); page.hasMoreBefore; ) {
      const before = page.rows[0].seqNo
      page = await same(`pageEvents before ${before} ${label}`, a, b, (s) => s.pageEvents({ filter, limit: 2, before }))
    }
  }
  for (const edge of [{ limit: 2, after: maxSeqNo }, { limit: 2, before: 1 }, { limit: 2, after: 0 }, { limit: 0 }, { limit: 99999 }, { limit: 2, after: 1, before: 5 }]) {
    await same(`pageEvents ${show(edge)}`, a, b, (s) => s.pageEvents(edge))
  }
  for (let n = 0; n <= maxSeqNo + 1; n++) await same(`eventRow ${n}`, a, b, (s) => s.eventRow(n))
  await same('counts', a, b, (s) => s.counts())
  for (const column of ['reason', 'source', 'aggregateKind', 'actorKind', 'triggerKind'] as SuggestableColumn[]) {
    for (const limit of [1, 100]) await same(`distinctValues ${column} ${limit}`, a, b, (s) => s.distinctValues(column, limit))
  }
}

async function compareAggregates(a: StoreInspector, b: StoreInspector): Promise<CellIdentity[]> {
  const list = await same('aggregates', a, b, (s) => s.aggregates({ limit: 5000 }))
  await same('aggregateKinds', a, b, (s) => s.aggregateKinds())
  for (let page = await a.aggregates({ limit: 2 }); page.length > 0; ) {
    const after = page[page.length - 1]
    page = await same(`aggregates after ${after.kind} ${after.id}`, a, b, (s) => s.aggregates({ limit: 2, after }))
  }
  for (const q of [{ idContains: 'A' }, { idContains: 'é' }, { idContains: '"' }, { kind: list[0]?.kind ?? ':x', limit: 3 }]) {
    await same(`aggregates ${show(q)}`, a, b, (s) => s.aggregates({ limit: 50, ...q }))
  }
  for (const g of [...list, { kind: ':none', id: '1' }]) {
    await same(`aggregateHistory ${g.kind} ${g.id}`, a, b, (s) => s.aggregateHistory(g))
    await same(`aggregateHistory ${g.kind} ${g.id} upTo`, a, b, (s) => s.aggregateHistory(g, 'firstSeqNo' in g ? g.firstSeqNo : 1))
    await same(`triggersOfAggregate ${g.kind} ${g.id}`, a, b, (s) => s.triggersOfAggregate(g))
  }
  for (const role of ['aggregate', 'actor', 'trigger'] as IdentityRole[]) {
    for (const prefix of ['', '[', ':', ':b', '[:book "', '[:book "A', '[:book "é', ':B', '[:key 1', 'zzz', ' [:receipt 1]']) {
      for (const limit of [2, 100]) await same(`identitiesByPrefix ${role} ${prefix} ${limit}`, a, b, (s) => s.identitiesByPrefix({ role, prefix, limit }))
    }
  }
  return list.map((g) => ({ kind: g.kind, id: g.id }))
}

async function compareTriggers(a: StoreInspector, b: StoreInspector, aggregates: readonly CellIdentity[]): Promise<void> {
  const index = await same('triggerIndex', a, b, (s) => s.triggerIndex({ limit: 1000 }))
  for (const sort of ['identity', 'actions', 'effects'] as TriggerSort[]) {
    for (const text of [undefined, 'KEY', ' 1', 'é', 'nothing']) {
      await same(`triggerIndex ${sort} ${text}`, a, b, (s) => s.triggerIndex({ limit: 1000, sort, text }))
      for (let page = await a.triggerIndex({ limit: 1, sort, text }); page.hasMore; ) {
        const last = page.rows[page.rows.length - 1]
        const after = { kind: last.kind, id: last.id, count: sort === 'effects' ? last.effects : last.actions }
        page = await same(`triggerIndex ${sort} ${text} after ${show(after)}`, a, b, (s) => s.triggerIndex({ limit: 1, sort, text, after }))
      }
    }
  }
  for (const text of [undefined, '', 'key', 'KEY 2', 'nothing']) await same(`countTriggers ${text}`, a, b, (s) => s.countTriggers(text))
  for (const cap of [2, undefined]) {
    for (const t of index.rows) await same(`triggerGraph trigger ${t.kind} ${t.id} ${cap}`, a, b, (s) => s.triggerGraph({ type: 'trigger', kind: t.kind, id: t.id }, cap))
    for (const g of aggregates) await same(`triggerGraph aggregate ${g.kind} ${g.id} ${cap}`, a, b, (s) => s.triggerGraph({ type: 'aggregate', ...g }, cap))
  }
}

async function compareReads(a: StoreInspector, b: StoreInspector, maxSeqNo: number, aggregates: readonly CellIdentity[]): Promise<void> {
  const effects = (await collect(a.streamEvents({ type: 'effect' }))).map((r) => r.seqNo)
  const offsets = new Set([0, 1, 2, maxSeqNo, maxSeqNo + 1, ...effects.flatMap((e) => [e - 1, e, e + 1])])
  const scopes = [
    undefined,
    { aggregates: aggregates.slice(0, 2).map((g): Identity => ({ kind: readEdn(g.kind) as EdnKeyword, id: readEdn(g.id) as Identity['id'] })) },
    { kinds: [...new Set(aggregates.map((g) => g.kind))].slice(0, 1).map((k) => readEdn(k) as EdnKeyword) },
    { aggregates: [] },
    { kinds: [] }
  ]
  for (const offset of offsets) {
    await same(`replayCauses ${offset}`, a, b, (s) => s.replayCauses(offset))
    for (const scope of scopes) await same(`countRead ${offset} ${show(scope)}`, a, b, (s) => s.countRead(offset, scope))
  }
  for (const e of [...effects, 1, maxSeqNo + 5]) {
    for (const offset of [undefined, 0, 1, 2, e - 1, e, e + 1, maxSeqNo + 1]) {
      await same(`blastRadius ${e} ${offset}`, a, b, (s) => s.blastRadius(e, offset))
      await same(`blastReadSizes ${e} ${offset}`, a, b, (s) => s.blastReadSizes(e, offset))
    }
    await same(`triggerGraph effect ${e}`, a, b, (s) => s.triggerGraph({ type: 'effect', seqNo: e }))
  }
}

async function compareAudit(a: StoreInspector, b: StoreInspector): Promise<void> {
  const all = await collect(a.streamEvents())
  const times = all.map((r) => r.timestamp)
  const queries = [{}, { buckets: 1 }, { buckets: 7 }, { buckets: 1000 }, { fromTime: 0, toTime: 10 }]
  if (times.length > 0) queries.push({ fromTime: times[Math.floor(times.length / 2)], toTime: Math.max(...times) })
  for (const q of queries) await same(`timeline ${show(q)}`, a, b, (s) => s.timeline(q))
  await same('check', a, b, (s) => s.check())
}

/** Run every comparison; `a` is the reference (SQLite). */
export async function compareInspectors(a: StoreInspector, b: StoreInspector): Promise<void> {
  const { maxSeqNo } = await a.counts()
  await compareEvents(a, b, maxSeqNo)
  const aggregates = await compareAggregates(a, b)
  await compareTriggers(a, b, aggregates)
  await compareReads(a, b, maxSeqNo, aggregates)
  await compareAudit(a, b)
}
