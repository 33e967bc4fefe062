/** Locations as the user types them: PostgreSQL URLs by their scheme, everything else a file path. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { displayLocation, maskedUrl, parseStoreLocation, storeLocationText } from '../../src/shared/store-location'

describe('parseStoreLocation', () => {
  it('reads postgresql:// and postgres:// URLs (any case) as PostgreSQL', () => {
    expect(parseStoreLocation('postgresql://u@db/shop')).toEqual({ kind: 'postgres', url: 'postgresql://u@db/shop' })
    expect(parseStoreLocation('postgres://db/shop')).toEqual({ kind: 'postgres', url: 'postgres://db/shop' })
    expect(parseStoreLocation('PostgreSQL://db/shop').kind).toBe('postgres')
  })

  it('reads anything else as an SQLite path, including names that merely contain the scheme', () => {
    expect(parseStoreLocation('shop.db')).toEqual({ kind: 'sqlite', path: 'shop.db' })
    expect(parseStoreLocation('/tmp/postgres://x')).toEqual({ kind: 'sqlite', path: '/tmp/postgres://x' })
    expect(parseStoreLocation('postgres:/one-slash').kind).toBe('sqlite')
  })

  it('gives back the text it read', () => {
    fc.assert(fc.property(fc.string(), (text) => storeLocationText(parseStoreLocation(text)) === text))
  })
})

describe('maskedUrl and displayLocation', () => {
  it('replaces the password of a URL by *** and leaves everything else as typed', () => {
    expect(maskedUrl('postgresql://ann:s3cr%40t@db:5433/shop')).toBe('postgresql://ann:***@db:5433/shop')
    expect(maskedUrl('postgres://ann@db/shop')).toBe('postgres://ann@db/shop')
    expect(maskedUrl('postgres://ann:@db/shop')).toBe('postgres://ann:***@db/shop')
    expect(maskedUrl('postgresql://db/shop?sslmode=disable&password=hunter2')).toBe('postgresql://db/shop?sslmode=disable&password=***')
    expect(maskedUrl('shop.db')).toBe('shop.db')
    expect(displayLocation(parseStoreLocation('postgresql://a:b@h/d'))).toBe('postgresql://a:***@h/d')
    expect(displayLocation(parseStoreLocation('/tmp/a:b@h'))).toBe('/tmp/a:b@h')
  })

  it('never shows the password, whatever it is', () => {
    const password = fc.string({ minLength: 1 }).filter((p) => !/[/?#@]/.test(p))
    fc.assert(
      fc.property(password, (p) => {
        const url = `postgresql://user:${encodeURIComponent(p)}@host/db`
        return !maskedUrl(url).includes(`:${encodeURIComponent(p)}@`) && maskedUrl(url) === 'postgresql://user:***@host/db'
      })
    )
  })
})
