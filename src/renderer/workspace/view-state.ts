/**
 * Per-store view state that outlives a section's components: a section is
 * re-mounted when the user switches store tabs or sections, but its filters,
 * selection and scroll place must come back as they were.
 *
 * Each piece of state is a typed key (`viewKey<T>(name, fallback)`) that the
 * owning feature declares once, in its own `view-state.ts`; the key holds its
 * values per store, so reading one gives a `T` without a cast. A key other
 * features may write (a navigation target) is declared in `navigation.ts`.
 * `forgetStore` drops a closed store's values from every key.
 */
import { useCallback, useSyncExternalStore } from 'react'

/** One named piece of per-store view state, typed, with its value when never set. */
export interface ViewKey<T> {
  /** Unique among keys, `feature.what` (for debugging). */
  readonly name: string
  readonly fallback: T
  read(storeId: string): T
  write(storeId: string, value: T): void
}

interface Forgettable {
  forget(storeId: string): void
}

const keys = new Set<Forgettable>()
const listeners = new Set<() => void>()

function notify(): void {
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/**
 * Declare a key. `fallback` is what readers get before anything was written;
 * it is returned by identity, so make it a constant.
 */
export function viewKey<T>(name: string, fallback: T): ViewKey<T> {
  const values = new Map<string, { readonly value: T }>()
  const key: ViewKey<T> & Forgettable = {
    name,
    fallback,
    read: (storeId) => {
      const slot = values.get(storeId)
      return slot ? slot.value : fallback
    },
    write: (storeId, value) => void values.set(storeId, { value }),
    forget: (storeId) => void values.delete(storeId)
  }
  keys.add(key)
  return key
}

/** Read a value (the key's fallback when never set). */
export function getViewState<T>(storeId: string, key: ViewKey<T>): T {
  return key.read(storeId)
}

/** Set a value; every component showing it re-renders. */
export function setViewState<T>(storeId: string, key: ViewKey<T>, value: T): void {
  key.write(storeId, value)
  notify()
}

/** Drop every value of a closed store. */
export function forgetStore(storeId: string): void {
  for (const key of keys) key.forget(storeId)
  notify()
}

/** `useState` whose value survives re-mounting: `[value, setValue]` of `key` for `storeId`. */
export function useViewState<T>(storeId: string, key: ViewKey<T>): [T, (next: T | ((previous: T) => T)) => void] {
  const value = useSyncExternalStore(subscribe, () => key.read(storeId))
  const set = useCallback(
    (next: T | ((previous: T) => T)) => {
      const previous = key.read(storeId)
      setViewState(storeId, key, typeof next === 'function' ? (next as (p: T) => T)(previous) : next)
    },
    [storeId, key]
  )
  return [value, set]
}
