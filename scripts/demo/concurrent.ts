/**
 * Concurrent edits, the way they happen between services: two writers that
 * read the same state, one writes first, the other gets a conflict and
 * resolves it. Also a conflict caused by an effect (a key expired after the
 * writer read the receipt).
 */
import type { EventStore } from '../../src/main/store/event-store'
import { action, effect, identity, patch } from './events'
import { expectRebase } from './walkthrough'

/** Clerks 7 and 12 both work on `order`; 12 read it before 7 wrote. */
export async function clerksEditTheSameOrder(store: EventStore, order: number, at: number): Promise<void> {
  const seen = (await store.currentSeqNo()) + 1
  const aggregate = identity('order', order)
  const clerk7 = action({ at, source: 'warehouse', reason: 'pack', actor: identity('clerk', 7), aggregate, patch: patch({ status: 'packed', 'parcel.weight-kg': 1.25 }) })
  const first = await expectRebase(store, seen, [clerk7], 'ok')
  const theirs = first.result === 'ok' ? first.events[0].seqNo : 0
  const clerk12 = action({ at: at + 45_000, source: 'warehouse', reason: 'pack', actor: identity('clerk', 12), aggregate, patch: patch({ status: 'packed', 'parcel.weight-kg': 1.3 }) })
  await expectRebase(store, seen, [clerk12], 'conflict')
  // Clerk 12 reads seq-no `theirs`, keeps the other clerk's weight and only adds a note.
  const resolved = action({ at: at + 90_000, source: 'warehouse', reason: 'annotate', actor: identity('clerk', 12), aggregate, patch: patch({ note: 'Double-checked the parcel; weight as packed by clerk 7.' }) })
  await expectRebase(store, seen, [resolved], 'ok', { resolved: [theirs] })
}

/** Alice corrects a receipt she read before its encryption key expired: the expiry conflicts with her correction. */
export async function receiptCorrectedAfterKeyExpiry(store: EventStore, receipt: number, key: number, at: number): Promise<void> {
  const alice = identity('user', 'alice')
  const aggregate = identity('receipt', receipt)
  const keyId = identity('encryption-key', key)
  await expectRebase(
    store,
    (await store.currentSeqNo()) + 1,
    [action({ at, source: 'bookstore', reason: 'payment', actor: alice, aggregate, patch: patch({ no: 'q8d0vz1m4kx7ra2c', total: 100 }), triggers: [keyId] })],
    'ok'
  )
  const seen = (await store.currentSeqNo()) + 1
  const expired = await expectRebase(store, seen, [effect(at + 60_000, 'keystore', 'key-expired', keyId)], 'ok')
  const theirs = expired.result === 'ok' ? expired.events[0].seqNo : 0
  const correction = action({
    at: at + 120_000,
    source: 'bookstore',
    reason: 'correct-total',
    actor: alice,
    aggregate,
    patch: patch({ total: 95, 'adjustment.reason': 'voucher applied late' }),
    triggers: [keyId]
  })
  await expectRebase(store, seen, [correction], 'conflict')
  await expectRebase(store, seen, [{ ...correction, timestampMs: at + 180_000 }], 'ok', { resolved: [theirs] })
}
