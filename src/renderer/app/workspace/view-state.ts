/**
 * Per-store view state that outlives a section's components: a section is
 * re-mounted when the user switches store tabs or sections, but its filters,
 * selection and scroll place must come back as they were. Values live here,
 * keyed by store id and a name the feature owns; `forgetStore` drops a closed
 * store's values.
 */
import { useCallback, useSyncExternalStore } from 'react'

const values = new Map<string, unknown>()
const listeners = new Set<() => void>()

const slot = (storeId: string, name: string): string => `${storeId}\u0000${name}`

function notify(): void {
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Read a value (`fallback` when never set). */
export function getViewState<T>(storeId: string, name: string, fallback: T): T {
  const key = slot(storeId, name)
  return values.has(key) ? (values.get(key) as T) : fallback
}

/** Set a value; every component showing it re-renders. */
export function setViewState<T>(storeId: string, name: string, value: T): void {
  values.set(slot(storeId, name), value)
  notify()
}

/** Drop every value of a closed store. */
export function forgetStore(storeId: string): void {
  for (const key of [...values.keys()]) if (key.startsWith(`${storeId}\u0000`)) values.delete(key)
  notify()
}

/**
 * `useState` whose value survives re-mounting: `[value, setValue]` for
 * (`storeId`, `name`). `fallback` must be stable (a constant) or equal by
 * identity across renders when the value was never set.
 */
export function useViewState<T>(storeId: string, name: string, fallback: T): [T, (next: T | ((previous: T) => T)) => void] {
  const value = useSyncExternalStore(subscribe, () => getViewState(storeId, name, fallback))
  const set = useCallback(
    (next: T | ((previous: T) => T)) => {
      const previous = getViewState(storeId, name, fallback)
      setViewState(storeId, name, typeof next === 'function' ? (next as (p: T) => T)(previous) : next)
    },
    [storeId, name, fallback]
  )
  return [value, set]
}
