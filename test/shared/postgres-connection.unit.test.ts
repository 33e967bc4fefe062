import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { connectionLabel, connectionLabelOf, formatPostgresUrl, formParts, parsePostgresUrl, passwordlessUrl } from '../../src/shared/postgres-connection'
import { postgresFormSchema, postgresTargetSchema } from '../../src/shared/ipc/postgres-schemas'

describe('PostgreSQL URLs', () => {
  it('splits URLs as libpq writes them', () => {
    expect(parsePostgresUrl('postgres://alice:pw@db.example:5433/shop?sslmode=require')).toEqual({
      user: 'alice', password: 'pw', host: 'db.example', port: 5433, database: 'shop', query: 'sslmode=require'
    })
    expect(parsePostgresUrl('postgresql://h/db')).toEqual({ user: '', password: null, host: 'h', port: null, database: 'db', query: '' })
    expect(parsePostgresUrl('postgresql://a:p@s@w/rd@[::1]:5432/db')?.password).toBe('p@s@w/rd')
    for (const bad of ['/tmp/x.db', 'mysql://h/db', 'postgresql://h:99999/db', 'postgresql://a:%zz@h/db', 'postgresql://']) {
      expect(parsePostgresUrl(bad)).toBeNull()
    }
  })

  it('formats what it parses back to the same parts (any user, password and database)', () => {
    const text = fc.string({ minLength: 1, maxLength: 20 })
    fc.assert(
      fc.property(text, fc.option(fc.string({ maxLength: 20 })), text, fc.option(fc.integer({ min: 1, max: 65535 })), (user, password, database, port) => {
        const parts = { user, password, host: 'db.example', port, database, query: '' }
        expect(parsePostgresUrl(formatPostgresUrl(parts))).toEqual(parts)
      })
    )
  })

  it('shows user@host/db and never the password', () => {
    expect(connectionLabelOf('postgresql://alice:hunter2@db.example:5433/shop')).toBe('alice@db.example/shop')
    expect(connectionLabelOf('not a url with hunter2')).toBe('postgresql://…')
    const parts = formParts({ via: 'fields', host: 'h', database: 'd', user: 'u', password: 'pw' })
    expect(parts && connectionLabel(parts)).toBe('u@h/d')
  })

  it('lets the password field win over a password in the URL', () => {
    expect(formParts({ via: 'url', url: 'postgresql://u:old@h/d', password: 'new' })?.password).toBe('new')
    expect(formParts({ via: 'url', url: 'postgresql://u:old@h/d', password: '' })?.password).toBe('old')
  })
})

describe('the Connect request schemas', () => {
  const ok = (form: unknown): boolean => postgresFormSchema.safeParse(form).success
  it('accepts a PostgreSQL URL or fields', () => {
    expect(ok({ via: 'url', url: 'postgresql://u@h:5432/d' })).toBe(true)
    expect(ok({ via: 'url', url: 'postgres://u@h/d?sslmode=require', password: 'x' })).toBe(true)
    expect(ok({ via: 'fields', host: '127.0.0.1', port: 5432, database: 'd', user: 'u' })).toBe(true)
  })

  it('refuses anything else: files, other schemes, missing parts, other options, control characters, unknown keys', () => {
    expect(ok({ via: 'url', url: '/etc/passwd' })).toBe(false)
    expect(ok({ via: 'url', url: 'http://h/d' })).toBe(false)
    expect(ok({ via: 'url', url: 'postgresql://u@h/' })).toBe(false)
    expect(ok({ via: 'url', url: 'postgresql://u@h/d?host=/tmp/evil' })).toBe(false)
    expect(ok({ via: 'url', url: 'postgresql://u@h/d\n' })).toBe(false)
    expect(ok({ via: 'fields', host: 'h; rm -rf', database: 'd', user: 'u' })).toBe(false)
    expect(ok({ via: 'fields', host: 'h', database: 'd', user: 'u', port: 70000 })).toBe(false)
    expect(ok({ via: 'url', url: 'postgresql://u@h/d', extra: 1 })).toBe(false)
  })

  it('names a recent connection by its id only, never by URL', () => {
    expect(postgresTargetSchema.safeParse({ source: 'recent', id: 'c0123456789abcdef' }).success).toBe(true)
    expect(postgresTargetSchema.safeParse({ source: 'recent', id: 'c0123456789abcdef', url: 'postgresql://u@h/d' }).success).toBe(false)
    expect(postgresTargetSchema.safeParse({ source: 'recent', id: 'postgresql://u@h/d' }).success).toBe(false)
  })

  it('drops every password from a URL, and only the password', () => {
    expect(passwordlessUrl('postgresql://ann:s%40cret@h:5433/shop?password=x&sslmode=require&PASSWORD=y')).toBe('postgresql://ann@h:5433/shop?sslmode=require')
    expect(passwordlessUrl('postgresql://ann@h/shop')).toBe('postgresql://ann@h/shop')
    expect(passwordlessUrl('/tmp/x.db')).toBeNull()
  })
})
