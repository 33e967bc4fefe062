/**
 * Property: on random stores, the blast radius of an effect at an offset is
 * exactly what `read(offset)` loses when that effect is deleted from a copy
 * of the file (the actions "only because of it"), and its replayed actions
 * are exactly the read's actions before the offset on aggregates the effect
 * reaches — checked against the store's own read, not against our SQL.
 */
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createSqliteStore, openSqliteStore } from '../../../../src/main/store/sqlite'
import { tempDir } from '../../../helpers/stores'

type Ev = { agg: number; triggers: number[] } | { trigger: number }

const eventArb: fc.Arbitrary<Ev> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ agg: fc.integer({ min: 0, max: 4 }), triggers: fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ trigger: fc.integer({ min: 0, max: 4 }) }) }
)

let dir: ReturnType<typeof tempDir>
let n = 0

beforeAll(() => {
  dir = tempDir('blast')
})
afterAll(() => dir?.remove())

async function write(events: Ev[]): Promise<string> {
  const path = join(dir.path, `s${n++}.db`)
  await (await createSqliteStore(path)).close()
  const db = new Database(path)
  db.transaction(() => {
    events.forEach((e, i) => {
      const seq = i + 1
      db.prepare('INSERT INTO events VALUES (?, 0, \':m\')').run(seq)
      if ('agg' in e) {
        db.prepare('INSERT INTO actions VALUES (?, \':r\', \':user\', \'"a"\', \':thing\', ?, \'{:assoc {:a 1}}\')').run(seq, String(e.agg))
        for (const t of e.triggers) db.prepare('INSERT INTO triggers VALUES (\':key\', ?, ?)').run(String(t), seq)
      } else {
        db.prepare('INSERT INTO effects VALUES (?, \':x\', \':key\', ?)').run(seq, String(e.trigger))
      }
    })
  })()
  db.close()
  return path
}

async function readSeqNos(path: string, offset: number): Promise<number[]> {
  const store = await openSqliteStore(path, { readOnly: true })
  const out: number[] = []
  for await (const e of store.read(offset)) out.push(e.seqNo)
  await store.close()
  return out
}

it('equals the difference a deleted effect makes to read(offset)', async () => {
  const scenario = fc
    .array(eventArb, { minLength: 1, maxLength: 14 })
    .filter((events) => events.some((e) => 'trigger' in e))
    .chain((events) => {
      const effects = events.flatMap((e, i) => ('trigger' in e ? [i + 1] : []))
      return fc.tuple(fc.constant(events), fc.constantFrom(...effects), fc.integer({ min: 0, max: events.length + 1 }))
    })
  await fc.assert(
    fc.asyncProperty(scenario, async ([events, effectSeqNo, offset]) => {
      const path = await write(events)
      const without = join(dir.path, `s${n++}-without.db`)
      copyFileSync(path, without)
      const db = new Database(without)
      db.prepare('DELETE FROM effects WHERE seq_no = ?').run(effectSeqNo)
      db.prepare('DELETE FROM events WHERE seq_no = ?').run(effectSeqNo)
      db.close()

      const store = await openSqliteStore(path, { readOnly: true })
      const blast = await store.blastRadius(effectSeqNo, offset)
      const sizes = await store.blastReadSizes(effectSeqNo, offset)
      await store.close()
      const withIt = await readSeqNos(path, offset)
      const withoutIt = await readSeqNos(without, offset)
      expect(blast).not.toBeNull()
      if (blast === null) return

      const effect = events[effectSeqNo - 1] as { trigger: number }
      const reached = new Set(events.flatMap((e) => ('agg' in e && e.triggers.includes(effect.trigger) ? [e.agg] : [])))
      const aggOf = (seq: number): number => (events[seq - 1] as { agg: number }).agg
      // An effect the read does not see (before the offset) replays nothing, even if another effect on its trigger does.
      const replayedByIt = effectSeqNo >= offset ? withIt.filter((s) => s < offset && reached.has(aggOf(s))) : []
      const only = withIt.filter((s) => !withoutIt.includes(s))

      expect(blast.actions.items.map((a) => a.seqNo)).toEqual(replayedByIt)
      expect(blast.actions.items.filter((a) => a.onlyBecauseOfIt).map((a) => a.seqNo)).toEqual(only)
      expect(blast.onlyBecauseOfIt).toBe(only.length)
      expect(sizes).not.toBeNull()
      expect((sizes?.current ?? 0) + (sizes?.replayedWith ?? 0)).toBe(withIt.length)
      expect((sizes?.current ?? 0) + (sizes?.replayedWithout ?? 0)).toBe(withoutIt.length)
      expect(blast.aggregates.items.map((g) => Number(g.id)).sort()).toEqual([...reached].sort())
      expect(blast.inactive === null).toBe(offset > 1 && effectSeqNo >= offset)
    }),
    { numRuns: 60 }
  )
})
