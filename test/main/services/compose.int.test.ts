/**
 * The composer's queries against real store files holding the README
 * walkthrough (seq-nos 1–7): preflight (a dry rebase — locked and unlocked
 * stores decide the same, and nothing is written), validation, autocomplete.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeWalkthrough } from '../../../scripts/demo/walkthrough'
import { storeQueries } from '../../../src/main/services/registry'
import type { QueryContext } from '../../../src/main/services/service'
import { createStoreFile, openStoreFile } from '../../helpers/store-files'
import type { OpenedStore } from '../../../src/main/store/opened-store'
import { DEFAULT_TABLES } from '../../../src/shared/domain'
import { sha256, tempDir } from '../../helpers/stores'

const T = '#inst "2026-11-28T14:00:00.000-00:00"'
const act = (aggregate: string, patch: string, extra = ''): string =>
  `{:timestamp ${T}, :source :studio, :action {:reason :fix, :actor [:user "carol"], :aggregate ${aggregate}, :patch ${patch}}${extra}}`

let dir: ReturnType<typeof tempDir>
let path: string
let locked: OpenedStore
let unlocked: OpenedStore
const ctx = (store: OpenedStore): QueryContext => ({ store, progress: () => undefined })

beforeAll(async () => {
  dir = tempDir('compose-queries')
  path = join(dir.path, 'walk.db')
  const store = await createStoreFile(path, DEFAULT_TABLES)
  await writeWalkthrough(store)
  await store.close()
  locked = await openStoreFile(path, { tables: DEFAULT_TABLES, readOnly: true })
  unlocked = await openStoreFile(path, { tables: DEFAULT_TABLES, readOnly: false })
})

afterAll(async () => {
  await locked?.close()
  await unlocked?.close()
  dir?.remove()
})

/** Preflight on both connections; they must agree, and the file must not change. */
async function preflight(base: number, events: string[], resolved: number[] = []) {
  const before = sha256(path)
  const a = await storeQueries.preflight(ctx(locked), { base, events, resolved })
  const b = await storeQueries.preflight(ctx(unlocked), { base, events, resolved })
  expect(a).toEqual(b)
  expect(sha256(path)).toBe(before)
  expect(await unlocked.currentSeqNo()).toBe(7)
  return a
}

describe('preflight', () => {
  it('gives the seq-nos and each aggregate before → after, writing nothing', async () => {
    const outcome = await preflight(8, [
      act('[:book "Neuromancer"]', '{:assoc {:genre "SciFi", :year 1984}, :dissoc [:author]}'),
      act('[:book "Dune"]', '{:assoc {:author "Frank Herbert"}}'),
      act('[:book "Neuromancer"]', '{:assoc {:year 1985}}')
    ])
    expect(outcome.result).toBe('ok')
    if (outcome.result !== 'ok') return
    expect(outcome.events.map((e) => e.seqNo)).toEqual([8, 9, 10])
    expect(outcome.aggregates.map((a) => [a.aggregate, a.events])).toEqual([['[:book "Neuromancer"]', [0, 2]], ['[:book "Dune"]', [1]]])
    const [neuromancer, dune] = outcome.aggregates
    expect(neuromancer.before.text).toBe('{:author "William Gibson", :genre "Cyberpunk"}')
    expect(neuromancer.after.text).toBe('{:genre "SciFi", :year 1985}')
    expect(neuromancer.changes).toEqual([
      { type: 'removed', path: ':author', before: '"William Gibson"' },
      { type: 'changed', path: ':genre', before: '"Cyberpunk"', after: '"SciFi"' },
      { type: 'added', path: ':year', after: '1985' }
    ])
    expect(dune).toMatchObject({ before: { text: '{}' }, after: { text: '{:author "Frank Herbert"}' }, problem: null })
  })

  it('conflicts at base 1 with the earliest stored action on the aggregate; resolved seq-nos move on', async () => {
    const outcome = await preflight(1, [act('[:book "Dune"]', '{:assoc {:a 1}}'), act('[:book "Neuromancer"]', '{:assoc {:a 1}}')])
    expect(outcome).toMatchObject({ result: 'conflict', base: 1, conflict: { index: 1, via: 'action', ours: { seqNo: 9 }, theirs: { seqNo: 1, aggregate: '[:book "Neuromancer"]' } } })
    if (outcome.result !== 'conflict') return
    expect(outcome.events.map((e) => e.seqNo)).toEqual([8])
    // Resolving 1 moves on to the next stored event on the aggregate (Bob's update, 4).
    expect(await preflight(1, [act('[:book "Neuromancer"]', '{:assoc {:a 1}}')], [1])).toMatchObject({ result: 'conflict', conflict: { theirs: { seqNo: 4 } } })
    expect((await preflight(1, [act('[:book "Neuromancer"]', '{:assoc {:a 1}}')], [1, 4])).result).toBe('ok')
  })

  it('finds an effect that reaches the aggregate through a trigger', async () => {
    const outcome = await preflight(6, [act('[:receipt 1]', '{:assoc {:total 90}}')])
    expect(outcome).toMatchObject({ result: 'conflict', conflict: { via: 'trigger', theirs: { seqNo: 7, type: 'effect', trigger: '[:encryption-key 1]' } } })
  })

  it('reports a base beyond the next seq-no, and staged events that are invalid, by index', async () => {
    expect(await preflight(9, [act('[:book 1]', '{:assoc {:a 1}}')])).toEqual({ result: 'invalid-seq-no', base: 9, nextSeqNo: 8 })
    const invalid = await preflight(8, [act('[:book 1]', '{:assoc {:a 1}}'), act('[:book 1.5]', '{:assoc {:a 1}}'), '{:a'])
    expect(invalid.result === 'invalid' && invalid.problems.map((p) => p.index)).toEqual([2])
    const library = await preflight(8, [act('[:book 1]', '{:assoc {}}')])
    expect(library).toEqual({
      result: 'invalid',
      problems: [{ index: 0, path: ':action :patch :assoc', message: 'Staged event 1: :action :patch :assoc must not be empty: give at least one key and its value, or leave :assoc out.' }]
    })
  })

  it('names a staged patch Clojure would throw on', async () => {
    const outcome = await preflight(8, [act('[:book "Neuromancer"]', '{:assoc {[:author :first] "W."}}')])
    expect(outcome.result === 'ok' && outcome.aggregates[0].problem).toMatch(/^Applying staged event 1 \(seq-no 8\) fails/)
  })
})

describe('validation and autocomplete', () => {
  it('validates through the query', async () => {
    const result = await storeQueries.composeValidate(ctx(locked), { input: { raw: act('[:book 1]', '{:assoc {:a 1}}') } })
    expect(result.diagnostics).toEqual([])
  })

  it('lists identities by the start of their printed form, per role', async () => {
    const books = await storeQueries.knownIdentities(ctx(locked), { role: 'aggregate', prefix: '[:book "N', limit: 10 })
    expect(books).toEqual([{ text: '[:book "Neuromancer"]', cells: { kind: ':book', id: '"Neuromancer"' }, count: 2 }])
    expect((await storeQueries.knownIdentities(ctx(locked), { role: 'aggregate', prefix: '', limit: 10 })).map((i) => i.text)).toEqual([
      '[:book "Count Zero"]', '[:book "Mona Lisa Overdrive"]', '[:book "Neuromancer"]', '[:receipt 1]', '[:receipt 2]'
    ])
    expect((await storeQueries.knownIdentities(ctx(locked), { role: 'actor', prefix: ':us', limit: 10 })).map((i) => [i.text, i.count])).toEqual([
      ['[:user "alice"]', 4], ['[:user "bob"]', 2]
    ])
    expect((await storeQueries.knownIdentities(ctx(locked), { role: 'trigger', prefix: '[', limit: 1 })).map((i) => i.text)).toEqual(['[:encryption-key 1]'])
  })
})
