/**
 * What a contract suite needs from an adapter's test file: fresh stores and
 * second connections to them. Written against `OpenedStore` only, so every
 * adapter (SQLite now, PostgreSQL next) runs the same cases by passing its
 * factory to `describeEventStoreContract` and `describeStoreInspectorContract`.
 */
import type { TableNames } from '../../../../src/shared/domain'
import type { OpenedStore } from '../../../../src/main/store/opened-store'

/** An adapter under test. */
export interface StoreAdapterFactory {
  /** Shown in the test names, e.g. `SQLite`. */
  readonly name: string
  /** A fresh, empty, writable store (made by `createStore`), with `tables` or the defaults. */
  create(tables?: TableNames): Promise<OpenedStore>
  /** Another connection to the same store without write access (a second `openStore` of its location). */
  reopenReadOnly(store: OpenedStore): Promise<OpenedStore>
  /** Another writable connection to the same store (a second `openStore` of its location). */
  reopenWritable(store: OpenedStore): Promise<OpenedStore>
}

/** Seq-nos of a stream, in order. */
export async function seqNos(events: AsyncIterable<{ seqNo: number }>): Promise<number[]> {
  const out: number[] = []
  for await (const e of events) out.push(e.seqNo)
  return out
}

/** Every item of a stream, in order. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}

/** Run `work` on a fresh store and close it afterwards (also when an expectation fails). */
export async function withFreshStore<T>(factory: StoreAdapterFactory, work: (store: OpenedStore) => Promise<T>, tables?: TableNames): Promise<T> {
  const store = await factory.create(tables)
  try {
    return await work(store)
  } finally {
    await store.close()
  }
}
