/**
 * Opening a file the way a user expects: find the store's tables (ask when the
 * file holds several candidate sets), open it read-only, and say plainly why
 * when it cannot be opened. The file is never changed by trying.
 */
import { useCallback, useState } from 'react'
import type { TableNames } from '../../shared/domain'
import type { ChosenLocation, StoreInfo } from '../../shared/ipc/types'
import { call } from '../ipc/client'
import { notifyError } from '../ui/notify'
import { fileName } from '../ui/format'

/** A question waiting for the user: which table set of `path` to open. */
export interface TableChoice {
  readonly path: string
  readonly candidates: readonly TableNames[]
  answer(tables: TableNames | null): void
}

/** The open flow and its pending question. */
export interface StoreOpener {
  /**
   * Open a file the user chose through main (with known `tables`, or detect
   * them); resolves to the store, or null when it did not open.
   */
  openPath(file: ChosenLocation, tables?: TableNames): Promise<StoreInfo | null>
  /** Paths being opened right now. */
  readonly opening: readonly string[]
  readonly choice: TableChoice | null
}

/** The open flow; `opened` (keep it stable) receives every store that opened. */
export function useStoreOpener(opened: (info: StoreInfo) => void): StoreOpener {
  const [opening, setOpening] = useState<readonly string[]>([])
  const [choice, setChoice] = useState<TableChoice | null>(null)

  const askForTables = useCallback(
    (path: string, candidates: readonly TableNames[]) =>
      new Promise<TableNames | null>((resolve) => {
        setChoice({
          path,
          candidates,
          answer: (tables) => {
            setChoice(null)
            resolve(tables)
          }
        })
      }),
    []
  )

  const openPath = useCallback(
    async ({ location, path }: ChosenLocation, tables?: TableNames): Promise<StoreInfo | null> => {
      setOpening((list) => [...list, path])
      try {
        let chosen = tables
        if (!chosen) {
          const candidates = await call('store:detect-tables', { location })
          if (candidates.length === 1) chosen = candidates[0]
          else if (candidates.length > 1) {
            const answer = await askForTables(path, candidates)
            if (!answer) return null
            chosen = answer
          }
        }
        const info = await call('store:open', { location, tables: chosen })
        opened(info)
        return info
      } catch (e) {
        notifyError(`Could not open ${fileName(path)}`, e)
        return null
      } finally {
        setOpening((list) => list.filter((p) => p !== path))
      }
    },
    [askForTables, opened]
  )

  return { openPath, opening, choice }
}
