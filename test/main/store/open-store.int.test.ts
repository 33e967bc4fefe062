/** The adapter factory: it chooses SQLite for a path and says plainly that PostgreSQL is not supported yet. */
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { SINGULAR_TABLES } from '../../../src/shared/domain'
import { canWriteStore, createStore, detectStoreTables, openStore } from '../../../src/main/store/open-store'
import { tempDir } from '../../helpers/stores'

const dir = tempDir('open-store')
afterAll(() => dir.remove())

describe('openStore / createStore', () => {
  it('create, detect, open read-only and writable: an SQLite file at a path', async () => {
    const location = { kind: 'sqlite', path: join(dir.path, 'a.db') } as const
    await (await createStore(location, { tables: SINGULAR_TABLES })).close()
    expect(await detectStoreTables(location)).toEqual([SINGULAR_TABLES])
    expect(await canWriteStore(location)).toBe(true)
    const ro = await openStore(location, { tables: SINGULAR_TABLES, readOnly: true })
    expect([ro.readOnly, await ro.currentSeqNo()]).toEqual([true, 0])
    await ro.close()
    const rw = await openStore(location, { tables: SINGULAR_TABLES })
    expect(rw.readOnly).toBe(false)
    await rw.close()
  })

  it('opens PostgreSQL URLs through the PostgreSQL adapter: an unreachable server is one sentence with a store error code, password masked, for every entry point', async () => {
    const location = { kind: 'postgres', url: 'postgresql://ann:pa55word@127.0.0.1:1/shop' } as const
    const refusal = { code: 'unreachable', message: expect.stringMatching(/^The PostgreSQL server at 127\.0\.0\.1:1 cannot be reached \(ECONNREFUSED\); check that it is running and that the host and port in postgresql:\/\/ann:\*\*\*@127\.0\.0\.1:1\/shop are right\.$/) }
    await expect(openStore(location)).rejects.toMatchObject(refusal)
    await expect(createStore(location)).rejects.toMatchObject(refusal)
    await expect(detectStoreTables(location)).rejects.toMatchObject(refusal)
    await expect(canWriteStore(location)).rejects.toMatchObject(refusal)
  })
})
