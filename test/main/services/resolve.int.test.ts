/**
 * The conflict and compensation queries through the real IPC dispatch, the
 * real store host (worker threads) and real store files: the README
 * walkthrough's Bob conflict, an effect conflict through a trigger, per-key
 * choices, and a revert committed and read back.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { RebaseSummary, StoreInfo } from '../../../src/shared/ipc/types'
import type { Compensation, ConflictDetail, ConflictResolution } from '../../../src/shared/resolve'
import { createStoreFile, openStoreFile } from '../../helpers/store-files'
import { printEdn } from '../../../src/main/core/edn'
import { stateAsOf } from '../../../src/main/core/domain'
import type { ActionEvent, Identity } from '../../../src/shared/domain'
import { edn } from '../../../src/shared/edn-value'
import { writeWalkthrough } from '../../../scripts/demo/walkthrough'
import { appendEvents } from '../../helpers/stores'
import type { IpcError } from '../../../src/shared/ipc/errors'
import { startIpc, type IpcHarness } from '../../helpers/ipc'
import { cli } from '../../cli/run-cli'

let ipc: IpcHarness
const value = <T,>(channel: string, payload: unknown): Promise<T> => ipc.value<T>(channel, payload)
const failure = (channel: string, payload: unknown): Promise<IpcError> => ipc.failure(channel, payload)
let dir: IpcHarness['dir']


beforeEach(async () => {
  ipc = await startIpc('resolve')
  dir = ipc.dir
})
afterEach(async () => {
  await ipc.close()
})

const T = '#inst "2026-11-28T14:00:00.000-00:00"'
const bookEvent = (actor: string, reason: string, title: string, patch: string): string =>
  `{:timestamp ${T}, :source :bookstore, :action {:reason ${reason}, :actor [:user "${actor}"], :aggregate [:book "${title}"], :patch ${patch}}}`
const aliceBooks = [
  bookEvent('alice', ':create', 'Neuromancer', '{:assoc {:author "William Gibson", :genre "SciFi"}}'),
  bookEvent('alice', ':create', 'Count Zero', '{:assoc {:author "William Gibson", :genre "Cyberpunk"}}')
]
const bobsNeuromancer = bookEvent('bob', ':create', 'Neuromancer', '{:assoc {:author "William Gibson", :genre "Cyberpunk"}}')
const bobsMonaLisa = bookEvent('bob', ':create', 'Mona Lisa Overdrive', '{:assoc {:author "William Gibson", :genre "Cyberpunk"}}')

async function aliceStore(): Promise<StoreInfo> {
  const path = join(dir.path, 'test.db')
  await (await createStoreFile(path)).close()
  await appendEvents(path, aliceBooks)
  return ipc.open(path)
}

async function walkthroughStore(): Promise<StoreInfo> {
  const path = join(dir.path, 'walkthrough.db')
  const store = await createStoreFile(path)
  await writeWalkthrough(store)
  await store.close()
  return ipc.open(path)
}

describe('store:conflict-detail', () => {
  it('aligns Bob\'s Neuromancer with Alice\'s seq-no 1 key by key', async () => {
    const { storeId } = await aliceStore()
    const detail = await value<ConflictDetail>('store:conflict-detail', { storeId, base: 1, theirs: 1, oursEdn: bobsNeuromancer })
    expect(detail).toMatchObject({
      aggregate: '[:book "Neuromancer"]',
      base: 1,
      baseAsOf: 0,
      theirs: { seqNo: 1, type: 'action', reason: ':create', actor: '[:user "alice"]', source: ':bookstore' },
      oursPatch: '{:assoc {:author "William Gibson", :genre "Cyberpunk"}}',
      oursReason: ':create',
      triggerPath: null,
      laterConflicts: []
    })
    expect(detail.baseState.text).toBe('{}')
    expect(detail.theirsState.text).toBe('{:author "William Gibson", :genre "SciFi"}')
    expect(detail.oursState.text).toBe('{:author "William Gibson", :genre "Cyberpunk"}')
    expect(detail.keys).toEqual([
      { key: ':author', path: [':author'], base: null, theirs: '"William Gibson"', ours: '"William Gibson"', mark: 'both', agree: true },
      { key: ':genre', path: [':genre'], base: null, theirs: '"SciFi"', ours: '"Cyberpunk"', mark: 'both', agree: false }
    ])
    expect(detail.theirs.edn).toContain(':seq-no 1')
  })

  it('accepts the :ours event of a rebase result, with its tentative seq-no', async () => {
    const { storeId } = await aliceStore()
    const ours = bobsNeuromancer.replace('{:timestamp', '{:seq-no 4, :timestamp')
    const detail = await value<ConflictDetail>('store:conflict-detail', { storeId, base: 1, theirs: 1, oursEdn: ours })
    expect(detail.keys.map((k) => k.mark)).toEqual(['both', 'both'])
  })

  it('shows the trigger path of an effect that conflicts through a trigger', async () => {
    const { storeId } = await walkthroughStore()
    const ours = `{:timestamp ${T}, :source :bookstore, :action {:reason :refund, :actor [:user "alice"], :aggregate [:receipt 1], :patch {:assoc {:total 0}}}}`
    const detail = await value<ConflictDetail>('store:conflict-detail', { storeId, base: 7, theirs: 7, oursEdn: ours })
    expect(detail.theirs).toMatchObject({ seqNo: 7, type: 'effect', reason: ':key-expired', actor: null, source: ':keystore' })
    expect(detail.triggerPath).toEqual({ effect: 7, trigger: '[:encryption-key 1]', actions: [5] })
    expect(detail.keys.map((k) => [k.key, k.mark])).toEqual([[':no', 'none'], [':total', 'ours-only']])
  })

  it('lists the conflicts still ahead and takes the resolved seq-nos as the new base', async () => {
    const { storeId, path } = await aliceStore()
    await appendEvents(path, [bookEvent('carol', ':update', 'Neuromancer', '{:assoc {:year 1984}}')])
    const first = await value<ConflictDetail>('store:conflict-detail', { storeId, base: 1, theirs: 1, oursEdn: bobsNeuromancer })
    expect(first.laterConflicts).toEqual([3])
    const second = await value<ConflictDetail>('store:conflict-detail', { storeId, base: 1, theirs: 3, oursEdn: bobsNeuromancer, resolved: [1] })
    expect(second.baseAsOf).toBe(1)
    expect(second.laterConflicts).toEqual([])
    expect(second.keys.map((k) => [k.key, k.mark])).toEqual([[':author', 'none'], [':genre', 'ours-only'], [':year', 'theirs-only']])
  })

  it('says plainly when the staged event is not an event, or theirs does not exist', async () => {
    const { storeId } = await aliceStore()
    expect(await failure('store:conflict-detail', { storeId, base: 1, theirs: 1, oursEdn: '{:action' })).toMatchObject({ code: 'invalid-events', message: expect.stringMatching(/^The staged event is not valid EDN/) })
    expect(await failure('store:conflict-detail', { storeId, base: 1, theirs: 1, oursEdn: '{:timestamp 1}' })).toMatchObject({ code: 'invalid-events', message: expect.stringMatching(/^The staged event is not a valid event: .*:source/) })
    expect(await failure('store:conflict-detail', { storeId, base: 1, theirs: 99, oursEdn: bobsNeuromancer })).toMatchObject({ code: 'not-found', message: expect.stringContaining('no event 99') })
  })
})

describe('store:conflict-resolution', () => {
  it('builds the README\'s resolution by default and commits as 3 and 4 with resolved [1]', async () => {
    const { storeId, path } = await aliceStore()
    const resolution = await value<ConflictResolution>('store:conflict-resolution', { storeId, base: 1, theirs: 1, oursEdn: bobsNeuromancer, choices: [], reason: ':update' })
    expect(resolution).toMatchObject({ patch: '{:assoc {:genre "Cyberpunk"}}', errors: [], problems: [] })
    expect(resolution.event).toBe(bookEvent('bob', ':update', 'Neuromancer', '{:assoc {:genre "Cyberpunk"}}'))
    expect(resolution.chosenState?.text).toBe('{:author "William Gibson", :genre "Cyberpunk"}')

    await ipc.unlock(storeId)
    const committed = await value<RebaseSummary>('store:rebase', { storeId, base: 1, eventsEdn: `[${bobsMonaLisa} ${resolution.event}]`, resolved: [1] })
    expect(committed).toMatchObject({ result: 'ok', eventCount: 2, seqNo: 4 })
    const read = await cli(['read', path])
    expect(read.code).toBe(0)
    expect(read.stdout).toContain(':seq-no 4')
    expect(read.stdout).toContain(':action {:reason :update, :actor [:user "bob"], :aggregate [:book "Neuromancer"], :patch {:assoc {:genre "Cyberpunk"}}}')
  })

  it('turns per-key choices into the patch: theirs, an edited value, removals', async () => {
    const { storeId, path } = await aliceStore()
    // Bob has seen 1 and 2 (base 3); Carol changes the genre first.
    await appendEvents(path, [bookEvent('carol', ':update', 'Neuromancer', '{:assoc {:genre "Fantasy"}}')])
    const ours = bookEvent('bob', ':update', 'Neuromancer', '{:assoc {:genre "Cyberpunk", :year 1984}, :dissoc [:author]}')
    const resolve = (choices: unknown[]) => value<ConflictResolution>('store:conflict-resolution', { storeId, base: 3, theirs: 3, oursEdn: ours, choices })
    const detail = await value<ConflictDetail>('store:conflict-detail', { storeId, base: 3, theirs: 3, oursEdn: ours })
    expect(detail.keys.map((k) => [k.key, k.mark, k.base, k.theirs, k.ours])).toEqual([
      [':author', 'ours-only', '"William Gibson"', '"William Gibson"', null],
      [':genre', 'both', '"SciFi"', '"Fantasy"', '"Cyberpunk"'],
      [':year', 'ours-only', null, null, '1984']
    ])
    expect((await resolve([])).patch).toBe('{:assoc {:genre "Cyberpunk", :year 1984}, :dissoc [:author]}')
    expect((await resolve([{ key: ':genre', take: 'theirs' }, { key: ':author', take: 'theirs' }])).patch).toBe('{:assoc {:year 1984}}')
    const edited = await resolve([{ key: ':genre', take: 'edit', edn: '#{"Cyberpunk" "Fantasy"}' }, { key: ':year', take: 'theirs' }])
    expect(edited.patch).toBe('{:assoc {:genre #{"Fantasy" "Cyberpunk"}}, :dissoc [:author]}')
    expect(edited.chosenState?.text).toBe('{:genre #{"Fantasy" "Cyberpunk"}}')
    const all = await resolve([':genre', ':year', ':author'].map((key) => ({ key, take: 'theirs' })))
    expect(all).toMatchObject({ patch: null, event: null, errors: [] })
  })

  it('reports an edit that is not EDN, an unknown key, and a reason that is not a keyword, and builds no event', async () => {
    const { storeId } = await aliceStore()
    const result = await value<ConflictResolution>('store:conflict-resolution', {
      storeId, base: 1, theirs: 1, oursEdn: bobsNeuromancer, reason: 'update',
      choices: [{ key: ':genre', take: 'edit', edn: '"Cyber' }, { key: ':isbn', take: 'ours' }, { key: ':author', take: 'edit', edn: '  ' }]
    })
    expect(result.event).toBeNull()
    expect(result.errors.map((e) => e.key)).toEqual([':genre', ':isbn', ':author'])
    expect(result.errors[0].message).toMatch(/^The value for :genre is not one EDN value/)
    expect(result.errors[2].message).toMatch(/^Type a value for :author/)
    expect(result.problems).toEqual(['The reason must be a keyword such as :update; got update.'])
  })
})

describe('store:compensation', () => {
  const neuromancer: Identity = { kind: edn.kw('book'), id: edn.str('Neuromancer') }

  async function actions(path: string): Promise<ActionEvent[]> {
    const store = await openStoreFile(path, { readOnly: true })
    const all: ActionEvent[] = []
    for await (const e of store.read(0)) all.push(e)
    await store.close()
    return all
  }

  it('reverts Bob\'s genre update; committed, Neuromancer is as Alice created it', async () => {
    const { storeId, path } = await walkthroughStore()
    const comp = await value<Compensation>('store:compensation', { storeId, seqNo: 4 })
    expect(comp).toMatchObject({
      ok: true,
      seqNo: 4,
      aggregate: '[:book "Neuromancer"]',
      patch: '{:assoc {:genre "SciFi"}}',
      summary: 'Sets :genre back to "SciFi" on [:book "Neuromancer"], undoing event 4 (:update by [:user "bob"]).',
      restores: [{ key: ':genre', before: '"SciFi"', now: '"Cyberpunk"' }],
      overwrites: []
    })
    expect(comp.ok && comp.edn).toMatch(/^\{:timestamp #inst "[^"]+", :source :bookstore, :action \{:reason :revert, :actor \[:user "bob"\], :aggregate \[:book "Neuromancer"\], :patch \{:assoc \{:genre "SciFi"\}\}\}\}$/)

    await ipc.unlock(storeId)
    const committed = await value<RebaseSummary>('store:rebase', { storeId, base: 8, eventsEdn: `[${comp.ok ? comp.edn : ''}]` })
    expect(committed).toMatchObject({ result: 'ok', seqNo: 8 })
    const events = await actions(path)
    expect(printEdn(stateAsOf(events, neuromancer, 8))).toBe(printEdn(stateAsOf(events, neuromancer, 3)))
    expect(printEdn(stateAsOf(events, neuromancer, 8))).toBe('{:author "William Gibson", :genre "SciFi"}')
  })

  it('removes what a first action added, and carries the triggers of the values it restores', async () => {
    const { storeId, path } = await walkthroughStore()
    const first = await value<Compensation>('store:compensation', { storeId, seqNo: 5 })
    expect(first).toMatchObject({ ok: true, patch: '{:dissoc [:no :total]}', summary: 'Removes :no and removes :total on [:receipt 1], undoing event 5 (:payment by [:user "alice"]).' })

    await appendEvents(path, [`{:timestamp ${T}, :source :bookstore, :action {:reason :correct, :actor [:user "alice"], :aggregate [:receipt 1], :patch {:assoc {:no "xxxx"}}}}`])
    const correction = await value<Compensation>('store:compensation', { storeId, seqNo: 8, reason: ':undo' })
    expect(correction.ok && correction.edn).toContain(':reason :undo')
    expect(correction.ok && correction.edn).toMatch(/:patch \{:assoc \{:no "avd2dlg3g93fm1osu"\}\}\}, :triggers #\{\[:encryption-key 1\]\}\}$/)
    // Reverting 5 now would overwrite 8's change of :no.
    expect(await value<Compensation>('store:compensation', { storeId, seqNo: 5 })).toMatchObject({ ok: true, overwrites: [8] })
  })

  it('refuses effects, missing events, and actions whose keys are already back, with a sentence', async () => {
    const { storeId, path } = await walkthroughStore()
    expect(await value<Compensation>('store:compensation', { storeId, seqNo: 7 })).toEqual({ ok: false, seqNo: 7, message: 'Event 7 is an effect; effects change no aggregate\'s state, so there is nothing to revert.' })
    expect(await failure('store:compensation', { storeId, seqNo: 70 })).toMatchObject({ code: 'not-found' })
    expect(await failure('store:compensation', { storeId, seqNo: 4, reason: 'revert' })).toMatchObject({ code: 'invalid-request', message: 'The reason must be a keyword such as :revert; got revert.' })
    await appendEvents(path, [bookEvent('alice', ':update', 'Neuromancer', '{:assoc {:genre "SciFi"}}')])
    expect(await value<Compensation>('store:compensation', { storeId, seqNo: 4 })).toMatchObject({ ok: false, message: expect.stringContaining('already has the value it had before') })
  })
})
