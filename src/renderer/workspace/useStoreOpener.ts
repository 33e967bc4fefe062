/**
 * Opening a store the way a user expects: find the store's tables (ask when
 * the file or database holds several candidate sets), open it read-only, and
 * say plainly why when it cannot be opened. The store is never changed by trying.
 */
import { useCallback, useState } from 'react'
import type { TableNames } from '../../shared/domain'
import type { RequestOf } from '../../shared/ipc/contract'
import type { ChosenLocation, StoreInfo } from '../../shared/ipc/types'
import { call } from '../ipc/client'
import { notifyError } from '../ui/notify'
import { fileName } from '../ui/format'

/** A question waiting for the user: which table set of the store `name` to open. */
export interface TableChoice {
  /** The file path or the connection label (unique while asked). */
  readonly path: string
  /** How the store is named in the question. */
  readonly name: string
  readonly candidates: readonly TableNames[]
  answer(tables: TableNames | null): void
}

/** A PostgreSQL connection as the Connect dialog sends it: the typed form or a recent connection's id. */
export type ConnectTarget = RequestOf<'postgres:connect'>['target']

/** The open flow and its pending question. */
export interface StoreOpener {
  /**
   * Open a file the user chose through main (with known `tables`, or detect
   * them); resolves to the store, or null when it did not open.
   */
  openPath(file: ChosenLocation, tables?: TableNames): Promise<StoreInfo | null>
  /**
   * Connect to PostgreSQL: find the tables (asking when there are several),
   * open read-only. Resolves to null when the user cancelled; rejects with the reason it did not open.
   */
  openConnection(target: ConnectTarget): Promise<StoreInfo | null>
  /** Paths (or connection labels) being opened right now. */
  readonly opening: readonly string[]
  readonly choice: TableChoice | null
}

/** `undefined` means "let the store decide" (no candidates found: the open says why). */
type Chosen = TableNames | undefined | 'cancelled'

/** The open flow; `opened` (keep it stable) receives every store that opened. */
export function useStoreOpener(opened: (info: StoreInfo) => void): StoreOpener {
  const [opening, setOpening] = useState<readonly string[]>([])
  const [choice, setChoice] = useState<TableChoice | null>(null)

  const chooseTables = useCallback(async (path: string, name: string, candidates: readonly TableNames[]): Promise<Chosen> => {
    if (candidates.length <= 1) return candidates[0]
    const answer = await new Promise<TableNames | null>((resolve) => {
      setChoice({ path, name, candidates, answer: (tables) => (setChoice(null), resolve(tables)) })
    })
    return answer ?? 'cancelled'
  }, [])

  const whileOpening = useCallback(async <T,>(key: string, work: () => Promise<T>): Promise<T> => {
    setOpening((list) => [...list, key])
    try {
      return await work()
    } finally {
      setOpening((list) => list.filter((p) => p !== key))
    }
  }, [])

  const openPath = useCallback(
    ({ location, path }: ChosenLocation, tables?: TableNames): Promise<StoreInfo | null> =>
      whileOpening(path, async () => {
        try {
          const chosen = tables ?? (await chooseTables(path, fileName(path), await call('store:detect-tables', { location })))
          if (chosen === 'cancelled') return null
          const info = await call('store:open', { location, tables: chosen })
          opened(info)
          return info
        } catch (e) {
          notifyError(`Could not open ${fileName(path)}`, e)
          return null
        }
      }),
    [chooseTables, opened, whileOpening]
  )

  const openConnection = useCallback(
    async (target: ConnectTarget): Promise<StoreInfo | null> => {
      const probe = await call('postgres:test-connection', { target })
      return whileOpening(probe.label, async () => {
        const chosen = await chooseTables(probe.label, probe.label, probe.tables)
        if (chosen === 'cancelled') return null
        const info = await call('postgres:connect', { target, tables: chosen })
        opened(info)
        return info
      })
    },
    [chooseTables, opened, whileOpening]
  )

  return { openPath, openConnection, opening, choice }
}
