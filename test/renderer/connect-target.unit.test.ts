import { describe, expect, it } from 'vitest'
import { connectTarget, formComplete, type ConnectFields } from '../../src/renderer/features/connect/useConnectForm'
import { describeCopyTarget } from '../../src/renderer/features/copy/useCopyTarget'
import { DEFAULT_TABLES } from '../../src/shared/domain'
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

describe('when the form is complete enough to test or copy', () => {
  it('needs a URL, or host, database and user; a port may be left empty', () => {
    expect(formComplete(fields({ url: '  ' }), null)).toBe(false)
    expect(formComplete(fields({ url: 'postgresql://u@h/d' }), null)).toBe(true)
    expect(formComplete(fields({ via: 'fields', host: 'db', database: 'shop', user: '' }), null)).toBe(false)
    expect(formComplete(fields({ via: 'fields', host: 'db', port: '', database: 'shop', user: 'alice' }), null)).toBe(true)
  })

  it('needs nothing typed for a recent connection whose password main holds, else its password', () => {
    const recent = { id: 'c0123456789abcdef', label: 'alice@db/shop', hasPassword: false, openedAt: 1 }
    expect(formComplete(fields({}), recent)).toBe(false)
    expect(formComplete(fields({ password: 'pw' }), recent)).toBe(true)
    expect(formComplete(fields({}), { ...recent, hasPassword: true })).toBe(true)
  })
})

describe('Test connection before a copy', () => {
  it('says whether the database can take the copy', () => {
    expect(describeCopyTarget({ label: 'alice@db/shop', tables: [] })).toBe('Connected to alice@db/shop: it has no coherence tables, so the copy can go there.')
    expect(describeCopyTarget({ label: 'alice@db/shop', tables: [DEFAULT_TABLES] })).toMatch(/already has coherence tables, so the copy goes there only if they are empty\.$/)
  })
})
