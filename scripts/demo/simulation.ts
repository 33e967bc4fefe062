/**
 * Most of the demo store: ten months of a small online bookshop, written a
 * day at a time. Books, customers, orders, receipts bound to monthly
 * encryption keys (which expire three months later), invoices from a billing
 * service (namespaced kind, UUID ids), warehouse counts, withdrawn consents and
 * a republished price list — effects whose triggers make reads replay.
 */
import type { EventStore } from '../../src/main/store/event-store'
import type { NewEvent } from '../../src/shared/domain'
import { edn } from '../../src/shared/edn-value'
import { bookCatalogue, CITIES, CLERKS, CUSTOMERS, GENRES, SERVICES, STREETS, TAGS } from './catalog'
import { clerksEditTheSameOrder, receiptCorrectedAfterKeyExpiry } from './concurrent'
import { action, effect, identity, kw, patch } from './events'
import { Random } from './random'
import { expectRebase } from './walkthrough'

/** How big the shop's history gets. */
export interface SimulationOptions {
  /** Roughly how many actions to write (at least a few hundred). */
  readonly actions: number
  readonly seed: number
  /** The first day (UTC midnight). */
  readonly start: number
}

const DAY = 86_400_000
const DAYS = 310
const price = (r: Random): number => r.int(599, 3499) / 100
/** `#{:a :b}` from names, each once. */
const keywordSet = (names: readonly string[]) => edn.set([...new Set(names)].map(kw))
const monthKey = (day: number, start: number): number => 10 + new Date(start + day * DAY).getUTCMonth()

interface Order {
  readonly id: number
  readonly customer: string
  status: 'placed' | 'paid' | 'shipped'
}

/** Write the shop's history (after the walkthrough). */
export async function simulateShop(store: EventStore, options: SimulationOptions): Promise<void> {
  const r = new Random(options.seed)
  const catalogue = bookCatalogue(180, (items) => r.pick(items))
  const books: string[] = ['Neuromancer', 'Count Zero', 'Mona Lisa Overdrive']
  const customers: string[] = ['alice', 'bob']
  const orders: Order[] = []
  let nextOrder = 1000
  let nextReceipt = 3
  const perDay = Math.max(4, Math.round(options.actions / DAYS))
  const staff = [identity('user', 'alice'), identity('user', 'bob')]
  const billing = identity('service', SERVICES.billing, 'uuid')
  const warehouse = identity('service', SERVICES.warehouse, 'uuid')
  const keystore = identity('service', SERVICES.keystore, 'uuid')
  const priceList = identity('price-list', 2026)

  for (let day = 0; day < DAYS; day++) {
    const events: NewEvent[] = []
    let at = options.start + day * DAY + 8 * 3_600_000
    const tick = (): number => (at += r.int(20, 1500) * 1000)
    const date = new Date(options.start + day * DAY)

    if (date.getUTCDate() === 1 && day > 0) {
      // The key of three months ago expires: its receipts must be replayed (and re-encrypted or redacted).
      const expiring = monthKey(day, options.start) - 3
      if (expiring >= 10) events.push(effect(tick(), 'keystore', 'key-expired', identity('encryption-key', expiring)))
      events.push(action({ at: tick(), source: 'keystore', reason: 'rotate', actor: keystore, aggregate: identity('encryption-key', monthKey(day, options.start)), patch: patch({ algorithm: kw('aes-256-gcm'), 'created-at': new Date(at) }) }))
    }
    for (let n = 0; n < perDay; n++) {
      const roll = r.next()
      if (books.length < catalogue.length + 3 && (day < 40 || roll < 0.04)) {
        const book = catalogue[books.length - 3]
        books.push(book.title)
        events.push(action({
          at: tick(), source: 'bookstore', reason: 'create', actor: r.pick(staff), aggregate: identity('book', book.title),
          patch: patch({ author: book.author, genre: r.pick(GENRES), price: price(r), stock: r.int(0, 40), tags: keywordSet([r.pick(TAGS)]), published: new Date(Date.UTC(r.int(1968, 2025), r.int(0, 11), r.int(1, 28))) }),
          triggers: [priceList]
        }))
      } else if (roll < 0.14 && customers.length < CUSTOMERS.length) {
        const name = CUSTOMERS[customers.length]
        customers.push(name)
        events.push(action({
          at: tick(), source: 'bookstore', reason: 'register', actor: identity('user', name), aggregate: identity('user', name),
          patch: patch({ name, address: { street: r.pick(STREETS), city: r.pick(CITIES) }, newsletter: r.chance(0.4) }),
          triggers: [identity('consent', name)]
        }))
      } else if (roll < 0.2) {
        const name = r.pick(customers)
        events.push(action({ at: tick(), source: 'bookstore', reason: 'change-address', actor: identity('user', name), aggregate: identity('user', name), patch: patch({ 'address.city': r.pick(CITIES) }, r.chance(0.5) ? [['address', 'street']] : []) }))
      } else if (roll < 0.3) {
        const title = r.pick(books)
        events.push(action({ at: tick(), source: 'bookstore', reason: 'reprice', actor: r.pick(staff), aggregate: identity('book', title), patch: patch({ price: price(r) }), triggers: [priceList] }))
      } else if (roll < 0.38) {
        const title = r.pick(books)
        const tags = keywordSet([r.pick(TAGS), r.pick(TAGS)])
        events.push(action({ at: tick(), source: 'warehouse', reason: 'restock', actor: warehouse, aggregate: identity('book', title), patch: r.chance(0.2) ? patch({ stock: r.int(5, 60), tags }, ['signed-by']) : patch({ stock: r.int(5, 60) }) }))
      } else if (roll < 0.62) {
        const customer = r.pick(customers)
        const order: Order = { id: nextOrder++, customer, status: 'placed' }
        orders.push(order)
        const items = Array.from({ length: r.int(1, 3) }, () => ({ title: r.pick(books), qty: r.int(1, 2) }))
        events.push(action({ at: tick(), source: 'bookstore', reason: 'place', actor: identity('user', customer), aggregate: identity('order', order.id), patch: patch({ customer, items, status: 'placed' }) }))
      } else if (roll < 0.82) {
        const order = orders.find((o) => o.status === 'placed')
        if (!order) continue
        order.status = 'paid'
        const receipt = nextReceipt++
        const total = r.int(800, 9000) / 100
        const key = identity('encryption-key', monthKey(day, options.start))
        events.push(
          action({ at: tick(), source: 'bookstore', reason: 'payment', actor: identity('user', order.customer), aggregate: identity('receipt', receipt), patch: patch({ no: r.uuid().replace(/-/g, '').slice(0, 17), total, order: order.id }), triggers: [key] }),
          action({ at: tick(), source: 'bookstore', reason: 'pay', actor: identity('user', order.customer), aggregate: identity('order', order.id), patch: patch({ status: 'paid', receipt }) }),
          action({ at: tick(), source: 'billing', reason: 'issue', actor: billing, aggregate: identity('shop.billing/invoice', r.uuid(), 'uuid'), patch: patch({ order: order.id, amount: total, currency: kw('EUR'), 'issued-at': new Date(at) }) })
        )
      } else {
        const order = orders.find((o) => o.status === 'paid')
        if (!order) continue
        order.status = 'shipped'
        events.push(action({ at: tick(), source: 'warehouse', reason: 'ship', actor: identity('clerk', r.pick(CLERKS)), aggregate: identity('order', order.id), patch: patch({ status: 'shipped', tracking: edn.uuid(r.uuid()) }, ['note']) }))
      }
    }
    if (date.getUTCDay() === 1) {
      const stock = Object.fromEntries(books.slice(0, 12).map((title) => [title, r.int(0, 30)]))
      events.push(action({ at: tick(), source: 'warehouse', reason: 'count', actor: warehouse, aggregate: identity('inventory', 'north'), patch: edn.map([[kw('assoc'), edn.map([[kw('counted'), edn.map(Object.entries(stock).map(([t, n]) => [edn.str(t), edn.int(n)] as const))]])]]) }))
    }
    if (day === 150) events.push(effect(tick(), 'bookstore', 'consent-withdrawn', identity('consent', 'mallory')))
    if (day === 182) events.push(effect(tick(), 'bookstore', 'price-list-republished', priceList))
    if (day === 260) events.push(effect(tick(), 'bookstore', 'consent-withdrawn', identity('consent', 'trent')))
    if (events.length > 0) await expectRebase(store, (await store.currentSeqNo()) + 1, events, 'ok')
    if (day === 95) await clerksEditTheSameOrder(store, orders[orders.length - 1]?.id ?? 1000, tick())
    if (day === 204) await receiptCorrectedAfterKeyExpiry(store, nextReceipt++, 42, tick())
  }
}
