/**
 * The Connect to PostgreSQL form: what the user typed (or which recent
 * connection they picked), the request it makes (the form goes to main as
 * typed; main validates it and builds the URL), and the outcome of Test
 * connection / Connect as one sentence. The Copy dialog uses the same form.
 */
import { useState } from 'react'
import type { ConnectionProbe, RecentConnection, StoreInfo } from '../../../shared/ipc/types'
import { call, messageOf } from '../../ipc/client'
import type { ConnectTarget } from '../../workspace/useStoreOpener'

/** The form's fields (strings as typed; the port as text so an empty field is allowed). */
export interface ConnectFields {
  readonly via: 'url' | 'fields'
  readonly url: string
  readonly host: string
  readonly port: string
  readonly database: string
  readonly user: string
  readonly password: string
}

/** What the last action found. */
export type ConnectStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy'; readonly action: 'test' | 'connect' }
  | { readonly kind: 'ok' | 'failed'; readonly message: string }

const EMPTY: ConnectFields = { via: 'url', url: '', host: 'localhost', port: '5432', database: '', user: '', password: '' }

/** The request for `fields`, or for the recent connection `recent` (then only the password is typed). */
export function connectTarget(fields: ConnectFields, recent: RecentConnection | null): ConnectTarget {
  const password = fields.password === '' ? {} : { password: fields.password }
  if (recent) return { source: 'recent', id: recent.id, ...password }
  if (fields.via === 'url') return { source: 'form', form: { via: 'url', url: fields.url.trim(), ...password } }
  const port = /^\d+$/.test(fields.port.trim()) ? { port: Number(fields.port.trim()) } : {}
  return { source: 'form', form: { via: 'fields', host: fields.host.trim(), database: fields.database.trim(), user: fields.user.trim(), ...port, ...password } }
}

/** True when enough is typed to try: a URL, or host, database and user; for a recent connection, its password unless main holds it. */
export function formComplete(fields: ConnectFields, recent: RecentConnection | null): boolean {
  if (recent) return recent.hasPassword || fields.password !== ''
  if (fields.via === 'url') return fields.url.trim() !== ''
  return [fields.host, fields.database, fields.user].every((f) => f.trim() !== '')
}

/** What Test connection says about a store to open. */
export function describeTables(probe: ConnectionProbe): string {
  const sets = probe.tables.length
  if (sets === 0) return `Connected to ${probe.label}, but it holds no complete set of coherence tables.`
  return `Connected to ${probe.label}: ${sets === 1 ? 'one store' : `${sets} table sets`} found.`
}

/** The form's state and Test connection (`describe` turns what main found into the sentence shown). */
export function usePostgresForm(initialRecent: RecentConnection | null, describe: (probe: ConnectionProbe) => string = describeTables) {
  const [fields, setFields] = useState<ConnectFields>(EMPTY)
  const [recent, setRecent] = useState(initialRecent)
  const [status, setStatus] = useState<ConnectStatus>({ kind: 'idle' })
  const update = (change: Partial<ConnectFields>): void => {
    setFields((f) => ({ ...f, ...change }))
    setStatus({ kind: 'idle' })
  }
  const chooseRecent = (chosen: RecentConnection | null): void => {
    setRecent(chosen)
    setStatus({ kind: 'idle' })
  }
  const target = (): ConnectTarget => connectTarget(fields, recent)
  const test = async (): Promise<void> => {
    setStatus({ kind: 'busy', action: 'test' })
    try {
      setStatus({ kind: 'ok', message: describe(await call('postgres:test-connection', { target: target() })) })
    } catch (e) {
      setStatus({ kind: 'failed', message: messageOf(e) })
    }
  }
  return { fields, update, recent, chooseRecent, status, setStatus, target, test, complete: formComplete(fields, recent) }
}

/** The form as `usePostgresForm` gives it. */
export type PostgresForm = ReturnType<typeof usePostgresForm>

/** Form state and its two actions; `connect` runs the app's open flow and resolves to the store that opened (null: none). */
export function useConnectForm(recent: RecentConnection | null, open: (target: ConnectTarget) => Promise<StoreInfo | null>) {
  const form = usePostgresForm(recent)
  const { setStatus, target } = form
  const connect = async (): Promise<StoreInfo | null> => {
    setStatus({ kind: 'busy', action: 'connect' })
    try {
      const opened = await open(target())
      setStatus({ kind: 'idle' })
      return opened
    } catch (e) {
      setStatus({ kind: 'failed', message: messageOf(e) })
      return null
    }
  }
  return { ...form, connect }
}
