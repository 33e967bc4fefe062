/** A list main remembers (recent files, recent connections), loaded on demand and replaced by every forget. */
import { useCallback, useState } from 'react'

/** The list, a reload, and forgetting one entry (by its key) or all (no key). */
export interface RecentList<T> {
  readonly items: readonly T[]
  refresh(): void
  forget(key?: string): Promise<void>
}

/** Keep a remembered list fresh: `load` reads it, `forget` removes an entry and answers the new list. */
export function useRecentList<T>(load: () => Promise<readonly T[]>, forget: (key?: string) => Promise<readonly T[]>): RecentList<T> {
  const [items, setItems] = useState<readonly T[]>([])
  const refresh = useCallback(() => {
    load().then(setItems, () => undefined)
  }, [load])
  const forgetOne = useCallback(async (key?: string) => setItems(await forget(key)), [forget])
  return { items, refresh, forget: forgetOne }
}
