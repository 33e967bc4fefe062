/**
 * The Connect to PostgreSQL form: what the user typed, the request it makes
 * (the form goes to main as typed; main validates it and builds the URL), and
 * the outcome of Test connection / Connect as one sentence.
 */
import { useState } from 'react'
import type { RecentConnection, StoreInfo } from '../../../shared/ipc/types'
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

function describeTables(label: string, sets: number): string {
  if (sets === 0) return `Connected to ${label}, but it holds no complete set of coherence tables.`
  return `Connected to ${label}: ${sets === 1 ? 'one store' : `${sets} table sets`} found.`
}

/** Form state and its two actions; `connect` runs the app's open flow and resolves to the store that opened (null: none). */
export function useConnectForm(recent: RecentConnection | null, open: (target: ConnectTarget) => Promise<StoreInfo | null>) {
  const [fields, setFields] = useState<ConnectFields>(EMPTY)
  const [status, setStatus] = useState<ConnectStatus>({ kind: 'idle' })
  const update = (change: Partial<ConnectFields>): void => {
    setFields((f) => ({ ...f, ...change }))
    setStatus({ kind: 'idle' })
  }
  const test = async (): Promise<void> => {
    setStatus({ kind: 'busy', action: 'test' })
    try {
      const probe = await call('postgres:test-connection', { target: connectTarget(fields, recent) })
      setStatus({ kind: 'ok', message: describeTables(probe.label, probe.tables.length) })
    } catch (e) {
      setStatus({ kind: 'failed', message: messageOf(e) })
    }
  }
  const connect = async (): Promise<StoreInfo | null> => {
    setStatus({ kind: 'busy', action: 'connect' })
    try {
      const opened = await open(connectTarget(fields, recent))
      setStatus({ kind: 'idle' })
      return opened
    } catch (e) {
      setStatus({ kind: 'failed', message: messageOf(e) })
      return null
    }
  }
  return { fields, update, status, test, connect }
}
