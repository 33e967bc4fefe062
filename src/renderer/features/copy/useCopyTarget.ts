/**
 * Where a copy goes, as the user chose it: a new SQLite file picked in main's
 * save dialog (the window holds only the token main issued), or a PostgreSQL
 * database through the Connect dialog's own form (typed, or a recent connection).
 */
import { useState } from 'react'
import type { RequestOf } from '../../../shared/ipc/contract'
import type { ChosenLocation, ConnectionProbe } from '../../../shared/ipc/types'
import { call } from '../../ipc/client'
import { notifyError } from '../../ui/notify'
import { usePostgresForm } from '../connect/useConnectForm'

/** The `to` of a `store:copy` request. */
export type CopyTo = RequestOf<'store:copy'>['to']

/** A file or a database. */
export type CopyMode = 'file' | 'postgres'

/** What Test connection says about a database to copy into. */
export function describeCopyTarget(probe: ConnectionProbe): string {
  if (probe.tables.length === 0) return `Connected to ${probe.label}: it has no coherence tables, so the copy can go there.`
  return `Connected to ${probe.label}: it already has coherence tables, so the copy goes there only if they are empty.`
}

/** The target's state; `request` is what Copy sends (null while no file is chosen). */
export function useCopyTarget(storeId: string) {
  const [mode, setMode] = useState<CopyMode>('file')
  const [file, setFile] = useState<ChosenLocation | null>(null)
  const postgres = usePostgresForm(null, describeCopyTarget)
  const chooseFile = async (): Promise<void> => {
    try {
      const chosen = await call('dialog:copy-target', { storeId })
      if (chosen) setFile(chosen)
    } catch (e) {
      notifyError('Could not choose the file', e)
    }
  }
  const ready = mode === 'file' ? file !== null : postgres.complete
  const request = (): CopyTo | null => {
    if (mode === 'postgres') return { kind: 'postgres', target: postgres.target() }
    return file ? { kind: 'file', location: file.location } : null
  }
  return { mode, setMode, file, chooseFile, postgres, ready, request }
}

/** The target as `useCopyTarget` gives it. */
export type CopyTarget = ReturnType<typeof useCopyTarget>
