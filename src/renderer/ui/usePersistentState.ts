/**
 * Layout preferences that outlive the window (navigation collapsed, the
 * timeline per store, the Events columns, the detail panel's size): kept in
 * the renderer's localStorage under `coherence-studio:<key>`, as JSON. A value
 * that cannot be read (missing, corrupt, of another shape) gives the fallback.
 */
import { useCallback, useState } from 'react'

const PREFIX = 'coherence-studio:'

function read<T>(key: string, fallback: T, valid: (v: unknown) => v is T): T {
  try {
    const raw = window.localStorage.getItem(PREFIX + key)
    if (raw === null) return fallback
    const parsed: unknown = JSON.parse(raw)
    return valid(parsed) ? parsed : fallback
  } catch {
    return fallback
  }
}

/** `typeof fallback` as a guard, for booleans, numbers and strings. */
function sameType<T>(fallback: T): (v: unknown) => v is T {
  return (v: unknown): v is T => typeof v === typeof fallback
}

/**
 * `useState` remembered across sessions under `key`; `valid` checks what was
 * stored (by default: the same `typeof` as the fallback).
 */
export function usePersistentState<T>(key: string, fallback: T, valid: (v: unknown) => v is T = sameType(fallback)): [T, (next: T) => void] {
  const [state, setState] = useState<{ key: string; value: T }>(() => ({ key, value: read(key, fallback, valid) }))
  const value = state.key === key ? state.value : read(key, fallback, valid)
  const set = useCallback(
    (next: T) => {
      setState({ key, value: next })
      try {
        window.localStorage.setItem(PREFIX + key, JSON.stringify(next))
      } catch {
        // A full or disabled storage only loses the preference.
      }
    },
    [key]
  )
  return [value, set]
}
