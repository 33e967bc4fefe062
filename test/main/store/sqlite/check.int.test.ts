/**
 * The integrity check on real files: a store seeded with one of each kind of
 * problem lists each exactly once, a healthy store lists none, and the check
 * never changes the file.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { openSqliteStore } from '../../../../src/main/store/sqlite'
import { EVERY_PROBLEM, healthyAction, seededStore } from '../../../helpers/problem-store'

const hash = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex')

describe('integrity check', () => {
  it('finds nothing in a healthy store', async () => {
    const path = await seededStore([
      ...healthyAction(1),
      `INSERT INTO triggers VALUES (':key', '1', 1)`,
      `INSERT INTO events VALUES (2, 1764338400, ':keystore')`,
      `INSERT INTO effects VALUES (2, ':key-expired', ':key', '1')`
    ])
    const store = await openSqliteStore(path, { readOnly: true })
    expect(await store.check()).toEqual([])
    await store.close()
  })

  it('lists each kind of problem exactly once and leaves the file byte-identical', async () => {
    const path = await seededStore([...EVERY_PROBLEM])
    const before = hash(path)
    const store = await openSqliteStore(path, { readOnly: true })
    const progress: [number, number][] = []
    const problems = await store.check((done, total) => progress.push([done, total]))
    await store.close()
    expect(hash(path)).toBe(before)

    const byCode = (code: string) => problems.filter((p) => p.code === code)
    for (const code of [
      'invalid-edn', 'not-canonical', 'invalid-patch', 'event-without-body', 'event-with-both', 'effect-trigger-unused',
      'trigger-without-action', 'orphan-action', 'orphan-effect', 'orphan-trigger', 'seq-no-gap'
    ]) {
      expect(byCode(code), code).toHaveLength(1)
    }
    expect(byCode('invalid-edn')[0]).toMatchObject({ seqNo: 2, table: 'actions', column: 'patch', severity: 'error' })
    expect(byCode('not-canonical')[0].message).toContain('Clojure prints {:assoc {:genre "SciFi", :year 1996}}')
    expect(byCode('invalid-value').map((p) => [p.seqNo, p.column])).toEqual([[4, 'aggregate_id']])
    expect(byCode('invalid-patch')[0].seqNo).toBe(5)
    expect(byCode('seq-no-gap')[0]).toMatchObject({ seqNo: 10, severity: 'notice', message: 'Seq-no 9 is missing (the library allows gaps).' })
    expect(byCode('effect-trigger-unused')[0].seqNo).toBe(8)
    expect(byCode('orphan-trigger')[0].seqNo).toBe(22)
    expect(progress.at(-1)).toEqual([9, 9])
  })

  it('refuses to open a store whose tables have other columns, leaving it unchanged', async () => {
    const path = await seededStore(['ALTER TABLE actions ADD COLUMN note TEXT'])
    const before = hash(path)
    await expect(openSqliteStore(path, { readOnly: true })).rejects.toMatchObject({
      code: 'wrong-columns',
      message: expect.stringContaining('has other columns note')
    })
    expect(hash(path)).toBe(before)
  })
})
