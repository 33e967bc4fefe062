import { describe, expect, it } from 'vitest'
import { printEdn, readEdn } from '../../../../src/main/core/edn'
import { eventToEdn, identityCells, identityToEdn, parseNewEvents, rebaseResultToEdn } from '../../../../src/main/core/domain'
import type { EffectEvent, NewEvent, StoredEvent } from '../../../../src/shared/domain'
import { edn } from '../../../../src/shared/edn-value'
import { action, identity } from './events'

const receipt = action(5, '[:receipt 1]', '{:assoc {:no "avd2dlg3g93fm1osu", :total 100}}', ['[:encryption-key 1]'])
const expired: EffectEvent = {
  type: 'effect',
  seqNo: 7,
  timestampMs: Date.UTC(2026, 10, 28, 14),
  source: edn.kw('keystore'),
  effect: { reason: edn.kw('key-expired'), trigger: identity('[:encryption-key 1]') }
}

describe('eventToEdn', () => {
  it('prints an action like the library: keys in order, triggers as a set', () => {
    expect(printEdn(eventToEdn(receipt))).toBe(
      '{:seq-no 5, :timestamp #inst "2026-11-28T14:00:00.000-00:00", :source :coherence.projection-tests/test, ' +
      ':action {:reason :update, :actor [:test 1], :aggregate [:receipt 1], :patch {:assoc {:no "avd2dlg3g93fm1osu", :total 100}}}, ' +
      ':triggers #{[:encryption-key 1]}}')
  })

  it('prints an effect, and leaves out :triggers when there are none', () => {
    expect(printEdn(eventToEdn(expired))).toBe(
      '{:seq-no 7, :timestamp #inst "2026-11-28T14:00:00.000-00:00", :source :keystore, :effect {:reason :key-expired, :trigger [:encryption-key 1]}}')
    expect(printEdn(eventToEdn({ ...receipt, triggers: [] }))).not.toContain(':triggers')
  })

  it('prints a new event without :seq-no, and reads back to the same event', () => {
    const text = '[{:timestamp #inst "2026-11-28T14:00:00.000-00:00", :source :bookstore, :action {:reason :create, :actor [:user "alice"], :aggregate [:book "Neuromancer"], :patch {:assoc {:author "William Gibson"}}}, :triggers #{[:k 1]}}]'
    const parsed = parseNewEvents(readEdn(text))
    if (!parsed.ok) throw new Error(parsed.errors[0].message)
    const event: NewEvent = parsed.events[0]
    expect(`[${printEdn(eventToEdn(event))}]`).toBe(text)
  })
})

describe('identities', () => {
  it('as EDN and as the cell texts the store compares', () => {
    expect(printEdn(identityToEdn(identity('[:book 42]')))).toBe('[:book 42]')
    expect(identityCells(identity('[:shop.billing/receipt "r \\"1\\""]'))).toEqual({ kind: ':shop.billing/receipt', id: '"r \\"1\\""' })
    expect(identityCells(identity('[:n 1N]'))).toEqual({ kind: ':n', id: '1N' })
    expect(identityCells(identity('[:u #uuid "5F1C0000-0000-4000-8000-000000000001"]')).id).toBe('#uuid "5f1c0000-0000-4000-8000-000000000001"')
  })
})

describe('rebaseResultToEdn', () => {
  const accepted: StoredEvent = { ...receipt, seqNo: 3 }

  it('ok', () => {
    const text = printEdn(rebaseResultToEdn({ result: 'ok', events: [accepted] }))
    expect(text.startsWith('{:result :ok, :events [{:seq-no 3, ')).toBe(true)
  })

  it('conflict, with ours and theirs', () => {
    const text = printEdn(rebaseResultToEdn({ result: 'conflict', events: [], conflict: { ours: accepted, theirs: expired } }))
    expect(text).toMatch(/^\{:result :conflict, :events \[\], :conflict \{:ours \{:seq-no 3, .*\}, :theirs \{:seq-no 7, .*:effect .*\}\}\}$/)
  })

  it('invalid-seq-no and write-conflict', () => {
    expect(printEdn(rebaseResultToEdn({ result: 'invalid-seq-no', nextSeqNo: 8 }))).toBe('{:result :invalid-seq-no, :next-seq-no 8}')
    expect(printEdn(rebaseResultToEdn({ result: 'write-conflict', message: 'UNIQUE constraint failed' })))
      .toBe('{:result :write-conflict, :message "UNIQUE constraint failed"}')
  })
})
