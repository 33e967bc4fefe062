/**
 * The library README's walkthrough (docs/semantics.md#read-with-replay), replayed through `rebase`
 * exactly as its users do it: Alice's two books, Bob's conflicting attempt
 * and his resolution, two receipts bound to encryption keys, and the
 * expiry of the first key. Seq-nos 1–7.
 */
import type { EventStore } from '../../src/main/store/event-store'
import type { NewEvent, RebaseOptions, RebaseResult } from '../../src/shared/domain'
import { action, effect, identity, patch } from './events'

/** The instant the walkthrough starts (the demo's history begins here). */
export const WALKTHROUGH_START = Date.UTC(2026, 0, 5, 9, 0, 0)

const alice = identity('user', 'alice')
const bob = identity('user', 'bob')

/** Rebase and insist on the expected outcome (the demo must be valid by construction). */
export async function expectRebase(
  store: EventStore,
  base: number,
  events: NewEvent[],
  expected: RebaseResult['result'],
  options?: RebaseOptions
): Promise<RebaseResult> {
  const result = await store.rebase(base, events, options)
  if (result.result !== expected) throw new Error(`demo store: rebase at base ${base} gave ${result.result}, expected ${expected}`)
  return result
}

/** Write seq-nos 1–7 of the README walkthrough into an empty store. */
export async function writeWalkthrough(store: EventStore): Promise<void> {
  let at = WALKTHROUGH_START
  const next = (): number => (at += 60_000)
  const book = (actor: typeof alice, reason: string, title: string, fields: Record<string, unknown>): NewEvent =>
    action({ at: next(), source: 'bookstore', reason, actor, aggregate: identity('book', title), patch: patch(fields) })

  await expectRebase(
    store,
    1,
    [book(alice, 'create', 'Neuromancer', { author: 'William Gibson', genre: 'SciFi' }), book(alice, 'create', 'Count Zero', { author: 'William Gibson', genre: 'Cyberpunk' })],
    'ok'
  )
  // Bob has seen nothing (base 1): his Neuromancer collides with Alice's seq-no 1.
  const conflict = await expectRebase(
    store,
    1,
    [book(bob, 'create', 'Mona Lisa Overdrive', { author: 'William Gibson', genre: 'Cyberpunk' }), book(bob, 'create', 'Neuromancer', { author: 'William Gibson', genre: 'Cyberpunk' })],
    'conflict'
  )
  if (conflict.result === 'conflict' && conflict.conflict.theirs.seqNo !== 1) throw new Error('demo store: Bob should conflict with seq-no 1')
  // He resolves it: only the genre changes, and seq-no 1 counts as seen.
  await expectRebase(
    store,
    1,
    [book(bob, 'create', 'Mona Lisa Overdrive', { author: 'William Gibson', genre: 'Cyberpunk' }), book(bob, 'update', 'Neuromancer', { genre: 'Cyberpunk' })],
    'ok',
    { resolved: [1] }
  )
  await expectRebase(
    store,
    2,
    [
      action({ at: next(), source: 'bookstore', reason: 'payment', actor: alice, aggregate: identity('receipt', 1), patch: patch({ no: 'avd2dlg3g93fm1osu', total: 100 }), triggers: [identity('encryption-key', 1)] }),
      action({ at: next(), source: 'bookstore', reason: 'payment', actor: alice, aggregate: identity('receipt', 2), patch: patch({ no: 'kepf62djsdk8fw21', total: 200 }), triggers: [identity('encryption-key', 2)] })
    ],
    'ok'
  )
  await expectRebase(store, 6, [effect(next(), 'keystore', 'key-expired', identity('encryption-key', 1))], 'ok')
}
