/**
 * Composing channels through the real dispatch, store host and worker
 * threads on the README walkthrough store: validation, autocomplete and
 * preflight on a locked store, invalid requests refused, and a commit whose
 * result carries the same structured outcome (seq-nos, before → after, conflict).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ComposeValidation, KnownIdentity, RebaseOutcome } from '../../../src/shared/compose'
import type { RebaseSummary } from '../../../src/shared/ipc/types'
import { makeWalkthroughStore, sha256 } from '../../helpers/stores'
import { startIpc, type IpcHarness } from '../../helpers/ipc'

let ipc: IpcHarness
const value = <T,>(channel: string, payload: unknown): Promise<T> => ipc.value<T>(channel, payload)
let dir: IpcHarness['dir']
let storeId: string
let path: string

const T = '#inst "2026-11-28T14:00:00.000-00:00"'
const fix = (aggregate: string, patch: string): string =>
  `{:timestamp ${T}, :source :studio, :action {:reason :fix, :actor [:user "carol"], :aggregate ${aggregate}, :patch ${patch}}}`


beforeAll(async () => {
  ipc = await startIpc('compose-ipc')
  dir = ipc.dir
  path = await makeWalkthroughStore(dir.path)
  storeId = (await ipc.open(path)).storeId
})
afterAll(async () => {
  await ipc.close()
})

describe('composing on a locked store', () => {
  it('validates the form with messages at their fields', async () => {
    const form = { type: 'action', timestamp: T, source: ':studio', reason: ':fix', actor: '[:user "carol"]', aggregate: '[:book 1.5]', triggers: '', trigger: '', assoc: [{ key: ':a', value: '1' }], dissoc: [':a'] }
    const result = await value<ComposeValidation>('compose:validate', { storeId, input: { form } })
    expect(result.edn).toBeNull()
    expect(result.diagnostics.map((d) => [d.field, d.severity])).toEqual([['aggregate', 'error'], ['dissoc.0', 'warning']])
  })

  it('lists identities and preflights without writing', async () => {
    const known = await value<KnownIdentity[]>('store:known-identities', { storeId, role: 'aggregate', prefix: '[:receipt', limit: 5 })
    expect(known.map((k) => k.text)).toEqual(['[:receipt 1]', '[:receipt 2]'])
    const before = sha256(path)
    const outcome = await value<RebaseOutcome>('store:preflight', { storeId, base: 8, events: [fix('[:book "Neuromancer"]', '{:dissoc [:genre]}')] })
    expect(outcome).toMatchObject({ result: 'ok', events: [{ seqNo: 8 }], aggregates: [{ changes: [{ type: 'removed', path: ':genre', before: '"Cyberpunk"' }] }] })
    expect(sha256(path)).toBe(before)
  })

  it('refuses malformed requests before they reach the store', async () => {
    const bad = async (channel: string, payload: unknown) => ipc.call<unknown>(channel, payload)
    expect(await bad('store:preflight', { storeId, base: 0, events: ['{}'] })).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    expect(await bad('store:preflight', { storeId, base: 8, events: [] })).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    expect(await bad('compose:validate', { storeId, input: { raw: '{}', form: {} } })).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    expect(await bad('store:known-identities', { storeId, role: 'owner', prefix: '', limit: 5 })).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
  })
})

describe('committing', () => {
  it('returns the structured outcome with the write: a conflict first, then the seq-nos it got', async () => {
    await ipc.unlock(storeId)
    const eventsEdn = `[${fix('[:book "Neuromancer"]', '{:assoc {:year 1984}}')}]`
    const conflict = await value<RebaseSummary>('store:rebase', { storeId, eventsEdn, base: 1 })
    expect(conflict.outcome).toMatchObject({ result: 'conflict', conflict: { index: 0, via: 'action', theirs: { seqNo: 1 }, ours: { seqNo: 8 } } })
    expect(conflict.seqNo).toBe(7)
    const ok = await value<RebaseSummary>('store:rebase', { storeId, eventsEdn, base: 1, resolved: [1, 4] })
    expect(ok.outcome).toMatchObject({
      result: 'ok',
      events: [{ seqNo: 8 }],
      aggregates: [{ before: { text: '{:author "William Gibson", :genre "Cyberpunk"}' }, after: { text: '{:author "William Gibson", :genre "Cyberpunk", :year 1984}' } }]
    })
    expect(ok.seqNo).toBe(8)
  })
})
