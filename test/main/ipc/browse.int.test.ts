/**
 * Browse channels through the real dispatch, store host and worker threads on
 * the README walkthrough store: event detail (decoded, exact text, related
 * events through triggers), filtered counts, seq-no ranges, suggestions, and
 * page rows with patch summaries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventDetail, EventPage, SeqNoRange } from '../../../src/shared/browse'
import { appendEvents, bookEdn, makeWalkthroughStore, sha256 } from '../../helpers/stores'
import { startIpc, type IpcHarness } from '../../helpers/ipc'

let ipc: IpcHarness
const value = <T,>(channel: string, payload: unknown): Promise<T> => ipc.value<T>(channel, payload)
let dir: IpcHarness['dir']
let storeId: string
let path: string


beforeAll(async () => {
  ipc = await startIpc('browse')
  dir = ipc.dir
  path = await makeWalkthroughStore(dir.path)
  storeId = (await ipc.open(path)).storeId
})
afterAll(async () => {
  await ipc.close()
})

describe('event detail', () => {
  it('decodes an action with its triggers and prints it as the library does', async () => {
    const detail = await value<EventDetail>('store:event-detail', { storeId, seqNo: 5 })
    expect(detail.problem).toBeNull()
    expect(detail.row.triggers).toEqual([[':encryption-key', '1']])
    expect(detail.edn).toBe(
      '{:seq-no 5, :timestamp #inst "2026-01-05T09:07:00.000-00:00", :source :bookstore, ' +
        ':action {:reason :payment, :actor [:user "alice"], :aggregate [:receipt 1], :patch {:assoc {:no "avd2dlg3g93fm1osu", :total 100}}}, ' +
        ':triggers #{[:encryption-key 1]}}'
    )
    expect(JSON.parse(detail.json ?? '')).toMatchObject({ ':seq-no': 5, ':action': { ':reason': ':payment' } })
    expect(detail.tree).toMatchObject({ t: 'map' })
    expect(detail.reachedBy.map((r) => r.seqNo)).toEqual([7])
    expect(detail.reaches).toEqual([])
  })

  it('lists the actions an effect reaches through its trigger', async () => {
    const detail = await value<EventDetail>('store:event-detail', { storeId, seqNo: 7 })
    expect(detail.row).toMatchObject({ type: 'effect', reason: ':key-expired', triggerKind: ':encryption-key', triggerId: '1' })
    expect(detail.reaches.map((r) => r.seqNo)).toEqual([5])
  })

  it('answers null for a seq-no that does not exist', async () => {
    expect(await value('store:event-detail', { storeId, seqNo: 99 })).toBeNull()
  })
})

describe('counts, ranges and suggestions', () => {
  it('counts events matching a filter the same way the page query selects them', async () => {
    expect(await value('store:count-events', { storeId })).toBe(7)
    expect(await value('store:count-events', { storeId, filter: { type: 'action', reason: ':create' } })).toBe(3)
    expect(await value('store:count-events', { storeId, filter: { aggregateKind: ':receipt' } })).toBe(2)
    const page = await value<EventPage>('store:page', { storeId, limit: 100, filter: { aggregateKind: ':receipt' } })
    expect(page.rows.map((r) => r.seqNo)).toEqual([5, 6])
  })

  it('gives the first and last seq-no of a filter, and nulls when nothing matches', async () => {
    expect(await value<SeqNoRange>('store:seq-no-range', { storeId })).toEqual({ first: 1, last: 7 })
    expect(await value<SeqNoRange>('store:seq-no-range', { storeId, filter: { source: ':bookstore' } })).toEqual({ first: 1, last: 6 })
    expect(await value<SeqNoRange>('store:seq-no-range', { storeId, filter: { source: ':nowhere' } })).toEqual({ first: null, last: null })
  })

  it('suggests distinct reasons of actions and effects, and sources', async () => {
    expect(await value('store:distinct-values', { storeId, column: 'reason' })).toEqual([':create', ':key-expired', ':payment', ':update'])
    expect(await value('store:distinct-values', { storeId, column: 'source' })).toEqual([':bookstore', ':keystore'])
  })

  it('puts a one-line patch summary on every action row of a page', async () => {
    const page = await value<EventPage>('store:page', { storeId, limit: 3 })
    expect(page.rows.map((r) => r.patchSummary)).toEqual([
      'assoc :author "William Gibson", :genre "SciFi"',
      'assoc :author "William Gibson", :genre "Cyberpunk"',
      'assoc :author "William Gibson", :genre "Cyberpunk"'
    ])
  })

  it('counts in the background while another process appends, and never writes', async () => {
    const before = sha256(path)
    expect(await value('store:count-events', { storeId, filter: { type: 'effect' } })).toBe(1)
    expect(sha256(path)).toBe(before)
    await appendEvents(path, [bookEdn('Idoru')])
    expect(await value('store:count-events', { storeId })).toBe(8)
  })
})
