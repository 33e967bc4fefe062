/** Locations as the user types them: PostgreSQL URLs by their scheme, everything else a file path. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseStoreLocation, storeLocationText } from '../../src/shared/store-location'

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
