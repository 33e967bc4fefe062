import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { formatPostgresUrl } from '../../src/shared/postgres-connection'
import { hostClass, libpqFill, postgresIdentity, postgresKey, sameConnection } from '../../src/shared/postgres-identity'

describe('PostgreSQL identity (the same store)', () => {
  it('tells the same database as the same user, whatever the password, options or default port', () => {
    expect(sameConnection('postgresql://ann:pw@DB.example/shop', 'postgres://ann@db.example:5432/shop?sslmode=require')).toBe(true)
    expect(sameConnection('postgresql://ann@db.example/shop', 'postgresql://bob@db.example/shop')).toBe(false)
    expect(sameConnection('postgresql://ann@db.example/shop', 'postgresql://ann@db.example:5433/shop')).toBe(false)
    expect(sameConnection('postgresql://ann@db.example/shop', 'postgresql://ann@db.example/shop2')).toBe(false)
    expect(sameConnection('/tmp/x.db', '/tmp/x.db')).toBe(false)
  })

  it('takes every loopback spelling for one host, and looks no other name up', () => {
    const spellings = ['postgresql://ann@localhost/shop', 'postgresql://ann:pw@127.0.0.1:5432/shop', 'postgres://ann@[::1]/shop', 'postgresql://ann@LocalHost:5432/shop?sslmode=disable']
    for (const a of spellings) for (const b of spellings) expect(sameConnection(a, b)).toBe(true)
    expect(sameConnection('postgresql://ann@localhost/shop', 'postgresql://ann@localhost:5433/shop')).toBe(false)
    expect(sameConnection('postgresql://ann@127.0.0.1/shop', 'postgresql://ann@127.0.0.2/shop')).toBe(false)
    expect(sameConnection('postgresql://ann@localhost/shop', 'postgresql://ann@my-laptop/shop')).toBe(false)
    expect(sameConnection('postgresql://ann@db.example/shop', 'postgresql://ann@10.0.0.5/shop')).toBe(false)
    expect(hostClass('::1')).toBe('loopback')
    expect(hostClass('[0:0:0:0:0:0:0:1]')).toBe('loopback')
    expect(hostClass('[::FFFF:127.0.0.1]')).toBe('loopback')
    expect(hostClass('/var/run/PostgreSQL')).toBe('/var/run/PostgreSQL')
  })

  it('fills what a URL leaves out as libpq does (PGHOST, PGPORT, PGUSER, USER, PGDATABASE)', () => {
    expect(postgresIdentity('postgresql://')).toEqual({ host: 'loopback', port: 5432, user: 'postgres', database: 'postgres' })
    const env = { PGHOST: 'DB.example', PGPORT: '5433', PGUSER: 'ann', PGDATABASE: 'shop', USER: 'bob' }
    expect(postgresIdentity('postgresql://', env)).toEqual({ host: 'db.example', port: 5433, user: 'ann', database: 'shop' })
    expect(sameConnection('postgresql:///shop', 'postgresql://ann@db.example:5433/shop', env)).toBe(true)
    expect(sameConnection('postgresql://ann@127.0.0.1/shop', 'postgresql://ann@localhost:5433/shop', { PGPORT: '5433' })).toBe(true)
    expect(libpqFill({ host: null, port: null, user: '', database: undefined }, { USER: 'bob' })).toEqual({ host: 'localhost', portText: '5432', user: 'bob', database: 'bob' })
    expect(postgresIdentity('postgresql://h/db', { PGPORT: 'x' })).toBeNull()
    expect(postgresKey('/tmp/x.db')).toBeNull()
  })

  it('equal after normalisation exactly when host class, port, database and user are the same', () => {
    const loopback = ['localhost', 'LOCALHOST', 'Localhost', '127.0.0.1', '[::1]', '[0:0:0:0:0:0:0:1]', '[::ffff:127.0.0.1]']
    const others = ['db.example', 'DB.Example', '127.0.0.2', '10.0.0.1', 'my-laptop', '[::2]']
    // The oracle, written apart from the code: the class of each host as this test names it.
    const classOf = (host: string): string => (loopback.includes(host) ? 'loopback' : host.toLowerCase())
    const location = fc.record({
      host: fc.constantFrom(...loopback, ...others),
      port: fc.constantFrom(null, 5432, 5433),
      user: fc.constantFrom('ann', 'Ann', 'bob'),
      database: fc.constantFrom('shop', 'Shop', 'shop2'),
      password: fc.option(fc.constantFrom('pw', 'hunter2')),
      query: fc.constantFrom('', 'sslmode=require', 'application_name=x')
    })
    type Location = { host: string; port: number | null; user: string; database: string }
    const same = (a: Location, b: Location): boolean =>
      classOf(a.host) === classOf(b.host) && (a.port ?? 5432) === (b.port ?? 5432) && a.user === b.user && a.database === b.database
    fc.assert(
      fc.property(location, location, (a, b) => {
        expect(postgresKey(formatPostgresUrl(a)) === postgresKey(formatPostgresUrl(b))).toBe(same(a, b))
        expect(sameConnection(formatPostgresUrl(a), formatPostgresUrl(b))).toBe(same(a, b))
      }),
      { numRuns: 300 }
    )
  })
})
