import { describe, expect, it } from 'vitest'
import { connectTarget, type ConnectFields } from '../../src/renderer/features/connect/useConnectForm'
import { postgresTargetSchema } from '../../src/shared/ipc/postgres-schemas'

const fields = (change: Partial<ConnectFields>): ConnectFields => ({ via: 'url', url: '', host: 'localhost', port: '5432', database: '', user: '', password: '', ...change })

describe('the Connect form as a request', () => {
  it('sends the typed URL as typed (trimmed), with the password only when one was typed', () => {
    expect(connectTarget(fields({ url: ' postgresql://u@h/d ' }), null)).toEqual({ source: 'form', form: { via: 'url', url: 'postgresql://u@h/d' } })
    expect(connectTarget(fields({ url: 'postgresql://u@h/d', password: 'pw' }), null)).toEqual({ source: 'form', form: { via: 'url', url: 'postgresql://u@h/d', password: 'pw' } })
  })

  it('sends the fields, leaving out a port that is not a number (then the default port is used)', () => {
    const target = connectTarget(fields({ via: 'fields', host: 'db', port: '6543', database: 'shop', user: 'alice' }), null)
    expect(target).toEqual({ source: 'form', form: { via: 'fields', host: 'db', port: 6543, database: 'shop', user: 'alice' } })
    expect(postgresTargetSchema.safeParse(target).success).toBe(true)
    expect(connectTarget(fields({ via: 'fields', host: 'db', port: 'x', database: 'shop', user: 'alice' }), null)).toEqual({ source: 'form', form: { via: 'fields', host: 'db', database: 'shop', user: 'alice' } })
  })

  it('names a recent connection by its id only, with a typed password', () => {
    const recent = { id: 'c0123456789abcdef', label: 'alice@db/shop', hasPassword: false, openedAt: 1 }
    expect(connectTarget(fields({ url: 'postgresql://evil@h/d', password: 'pw' }), recent)).toEqual({ source: 'recent', id: recent.id, password: 'pw' })
  })
})
