import { describe, expect, it } from 'vitest'
import { CHANNEL_NAMES } from '../../../src/shared/ipc/channels'
import { contract, isWriteChannel } from '../../../src/shared/ipc/contract'
import { handlers } from '../../../src/main/ipc/handlers'

describe('the IPC contract', () => {
  it('has exactly one schema and one handler per channel name', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNEL_NAMES].sort())
    expect(Object.keys(handlers).sort()).toEqual([...CHANNEL_NAMES].sort())
  })

  it('marks exactly the channels that write to a store', () => {
    expect(CHANNEL_NAMES.filter(isWriteChannel)).toEqual(['store:rebase', 'store:add-trigger-index'])
  })

  it('fills defaults and refuses unknown keys', () => {
    expect(contract['store:rebase'].request.parse({ storeId: 's1', eventsEdn: '[]', base: 1 })).toEqual({ storeId: 's1', eventsEdn: '[]', base: 1, resolved: [], dry: false })
    expect(contract['store:info'].request.safeParse({ storeId: 's1', extra: true }).success).toBe(false)
  })

  it('accepts absolute POSIX and Windows paths only (a dropped file)', () => {
    const dropped = contract['app:dropped-file'].request
    expect(dropped.safeParse({ path: '/home/a/b.db' }).success).toBe(true)
    expect(dropped.safeParse({ path: 'C:\\Users\\a\\b.db' }).success).toBe(true)
    expect(dropped.safeParse({ path: 'b.db' }).success).toBe(false)
    expect(dropped.safeParse({ path: '/a\u0000b' }).success).toBe(false)
  })

  it('opens, creates and probes stores by location token only, never by path', () => {
    const token = `loc-${'ab'.repeat(16)}`
    for (const channel of ['store:open', 'store:detect-tables'] as const) {
      expect(contract[channel].request.safeParse({ location: token }).success).toBe(true)
      expect(contract[channel].request.safeParse({ path: '/home/a/b.db' }).success).toBe(false)
      expect(contract[channel].request.safeParse({ location: '/home/a/b.db' }).success).toBe(false)
    }
    expect(contract['store:create'].request.safeParse({ path: '/home/a/b.db', tables: { event: 'e', action: 'a', effect: 'f', trigger: 't' } }).success).toBe(false)
  })
})
