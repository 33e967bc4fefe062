/**
 * The stores the inspector contract reads, written through `rebase` only (so
 * any adapter can hold them): the library README's walkthrough (seq-nos 1–7)
 * and a "many" store whose trigger groups are larger than the caps.
 */
import { edn } from '../../../../src/shared/edn-value'
import type { Identity, NewEvent } from '../../../../src/shared/domain'
import type { OpenedStore } from '../../../../src/main/store/opened-store'
import type { StoreAdapterFactory } from './adapter'
import { writeWalkthrough } from '../../../../scripts/demo/walkthrough'

/** `[:encryption-key 1]` as cells. */
export const KEY1 = { kind: ':encryption-key', id: '1' }

/** Actions in the many store (a multiple of 50). */
export const MANY = 200

/** The walkthrough, read-only: a writable store with the seven events, closed, and reopened read-only. */
export async function walkthroughStore(factory: StoreAdapterFactory): Promise<OpenedStore> {
  const writer = await factory.create()
  try {
    await writeWalkthrough(writer)
    return await factory.reopenReadOnly(writer)
  } finally {
    await writer.close()
  }
}

const key = (n: number): Identity => ({ kind: edn.kw('key'), id: edn.int(n) })

/**
 * `MANY` actions (one a minute from 2026-01-01) on `MANY / 10` receipts, all
 * carrying [:key 1] and every tenth also [:key 2]; every fiftieth is a
 * `:refund` (a compensation). Then effects on [:key 1], [:key 2] and [:key 3]
 * (which no action carries).
 */
export async function manyStore(factory: StoreAdapterFactory): Promise<OpenedStore> {
  const t0 = Date.UTC(2026, 0, 1)
  const events: NewEvent[] = []
  for (let i = 1; i <= MANY; i++) {
    events.push({
      type: 'action', timestampMs: t0 + i * 60_000, source: edn.kw('shop'),
      action: {
        reason: edn.kw(i % 50 === 0 ? 'refund' : 'pay'), actor: { kind: edn.kw('user'), id: edn.str('a') },
        aggregate: { kind: edn.kw('receipt'), id: edn.int(i % (MANY / 10)) },
        patch: edn.map([[edn.kw('assoc'), edn.map([[edn.kw('a'), edn.int(1)]])]])
      },
      triggers: i % 10 === 0 ? [key(1), key(2)] : [key(1)]
    })
  }
  for (const n of [1, 2, 3]) {
    events.push({ type: 'effect', timestampMs: t0 + (MANY + n) * 60_000, source: edn.kw('keystore'), effect: { reason: edn.kw('key-expired'), trigger: key(n) } })
  }
  const writer = await factory.create()
  try {
    const result = await writer.rebase(1, events)
    if (result.result !== 'ok') throw new Error(`the many store: rebase gave ${result.result}`)
    return await factory.reopenReadOnly(writer)
  } finally {
    await writer.close()
  }
}
