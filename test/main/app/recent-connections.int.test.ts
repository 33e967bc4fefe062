import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_TABLES, SINGULAR_TABLES } from '../../../src/shared/domain'
import { JsonRecentConnections, MAX_RECENT_CONNECTIONS } from '../../../src/main/app/recent-connections'
import type { SecretBox } from '../../../src/main/app/secret-box'
import { keyedSecretBox, unavailableSecretBox } from '../../helpers/secret-box'
import { tempDir } from '../../helpers/stores'

const PASSWORD = 's3cret/with@odd:chars'
const URL_WITH_PASSWORD = `postgresql://alice:${encodeURIComponent(PASSWORD)}@db.example:5433/shop`

let dir: ReturnType<typeof tempDir>
let file: string
let clock = 0
const key = randomBytes(32)
const recents = (box: SecretBox = keyedSecretBox(key)): JsonRecentConnections => new JsonRecentConnections(file, box, undefined, () => ++clock)
const stored = (): string => readFileSync(file, 'utf8')

beforeEach(() => {
  dir = tempDir('recent-connections')
  file = join(dir.path, 'user-data', 'recent-connections.json')
})
afterEach(() => dir.remove())

describe('recent connections', () => {
  it('remembers a connection with its password sealed, never in plain text, and gives it back to main only', () => {
    const [entry] = recents().remember(URL_WITH_PASSWORD, DEFAULT_TABLES)
    expect(entry).toEqual({ id: expect.stringMatching(/^c[0-9a-f]{16}$/), label: 'alice@db.example/shop', hasPassword: true, openedAt: clock })
    expect(stored()).not.toContain(PASSWORD)
    expect(stored()).not.toContain(encodeURIComponent(PASSWORD))
    // A restart (a new list over the same file and key) connects without asking.
    const resolved = recents().resolve(entry.id)
    expect(resolved).toEqual({ url: URL_WITH_PASSWORD, hasPassword: true })
  })

  it('stores no password at all where encryption is not available, and asks again', () => {
    const list = recents(unavailableSecretBox())
    const [entry] = list.remember(URL_WITH_PASSWORD, SINGULAR_TABLES)
    expect(entry.hasPassword).toBe(false)
    expect(stored()).not.toContain(PASSWORD)
    expect(stored()).not.toContain('sealedPassword')
    expect(list.resolve(entry.id)).toEqual({ url: 'postgresql://alice@db.example:5433/shop', hasPassword: false, tables: SINGULAR_TABLES })
    expect(list.resolve(entry.id, 'typed')?.url).toBe('postgresql://alice:typed@db.example:5433/shop')
  })

  it('asks again when the sealed password cannot be opened (another key: another user or machine)', () => {
    const [entry] = recents().remember(URL_WITH_PASSWORD, DEFAULT_TABLES)
    const other = recents(keyedSecretBox(randomBytes(32)))
    expect(other.resolve(entry.id)).toEqual({ url: 'postgresql://alice@db.example:5433/shop', hasPassword: false })
    expect(recents(unavailableSecretBox()).list()[0].hasPassword).toBe(false)
  })

  it('keeps one entry per user, host, port and database, the latest first, at most the maximum', () => {
    const list = recents()
    list.remember('postgresql://bob@h/a', DEFAULT_TABLES)
    list.remember('postgresql://bob:pw@h/a', DEFAULT_TABLES)
    expect(list.list().map((c) => c.label)).toEqual(['bob@h/a'])
    for (let i = 0; i < MAX_RECENT_CONNECTIONS + 3; i++) list.remember(`postgresql://bob@h/db${i}`, DEFAULT_TABLES)
    expect(list.list()).toHaveLength(MAX_RECENT_CONNECTIONS)
    expect(list.list()[0].label).toBe(`bob@h/db${MAX_RECENT_CONNECTIONS + 2}`)
  })

  it('keeps one entry for a database under every loopback spelling, and finds its sealed password under any of them', () => {
    const list = recents()
    list.remember(`postgresql://bob:${encodeURIComponent(PASSWORD)}@localhost/shop`, DEFAULT_TABLES)
    list.remember('postgresql://bob@127.0.0.1:5432/shop', DEFAULT_TABLES)
    list.remember(`postgresql://bob:${encodeURIComponent(PASSWORD)}@[::1]/shop`, DEFAULT_TABLES)
    list.remember('postgresql://bob@localhost:5433/shop', DEFAULT_TABLES)
    list.remember('postgresql://bob@my-laptop/shop', DEFAULT_TABLES)
    expect(list.list().map((c) => c.label)).toEqual(['bob@my-laptop/shop', 'bob@localhost/shop', 'bob@[::1]/shop'])
    const found = list.find('postgresql://bob@LOCALHOST/shop')
    expect(found).toMatchObject({ label: 'bob@[::1]/shop', hasPassword: true })
    expect(found && list.resolve(found.id)?.url).toBe(`postgresql://bob:${encodeURIComponent(PASSWORD)}@[::1]/shop`)
    expect(stored()).not.toContain(encodeURIComponent(PASSWORD))
  })

  it('forgets one connection or all, and knows no unknown id', () => {
    const list = recents()
    const [b, a] = [list.remember('postgresql://a@h/one', DEFAULT_TABLES), list.remember('postgresql://b@h/two', DEFAULT_TABLES)].reverse().map((l) => l[0])
    expect(list.forget(a.id).map((c) => c.label)).toEqual(['b@h/two'])
    expect(list.resolve(a.id)).toBeNull()
    expect(list.forget()).toEqual([])
    expect(list.resolve(b.id)).toBeNull()
  })

  it('reads a missing or damaged file as an empty list', () => {
    expect(recents().list()).toEqual([])
  })
})
