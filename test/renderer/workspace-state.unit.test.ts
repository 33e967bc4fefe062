import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { DEFAULT_TABLES } from '../../src/shared/domain'
import type { StoreInfo } from '../../src/shared/ipc/types'
import { activeTab, initialWorkspace, workspaceReducer, type WorkspaceAction, type WorkspaceState } from '../../src/renderer/workspace/workspace-state'
import { fileName, storeName } from '../../src/renderer/ui/format'

const info = (n: number, seqNo = 0): StoreInfo => ({ storeId: `s${n}`, kind: 'sqlite', path: `/data/store-${n}.db`, tables: DEFAULT_TABLES, locked: true, fileReadOnly: false, seqNo })
const run = (actions: WorkspaceAction[]): WorkspaceState => actions.reduce(workspaceReducer, initialWorkspace('overview'))
const ids = (state: WorkspaceState): string[] => state.tabs.map((t) => t.info.storeId)

describe('workspace state', () => {
  it('adds opened stores as tabs and activates the newest; reopening keeps one tab', () => {
    const state = run([{ type: 'opened', info: info(1) }, { type: 'opened', info: info(2) }, { type: 'opened', info: info(1, 5) }])
    expect(ids(state)).toEqual(['s1', 's2'])
    expect(activeTab(state)?.info).toEqual(info(1, 5))
  })

  it('shows a newly opened store on its Overview, and keeps the section when a store is opened again', () => {
    const inCompose = run([{ type: 'opened', info: info(1) }, { type: 'section', section: 'compose' }])
    expect(workspaceReducer(inCompose, { type: 'opened', info: info(2) }).section).toBe('overview')
    expect(workspaceReducer(inCompose, { type: 'opened', info: info(1, 3) }).section).toBe('compose')
  })

  it('closing the active tab activates its neighbour, the last one leaves nothing active', () => {
    const opened = run([1, 2, 3].map((n) => ({ type: 'opened', info: info(n) }) as const))
    const afterMiddle = workspaceReducer({ ...opened, activeId: 's2' }, { type: 'closed', storeId: 's2' })
    expect(afterMiddle.activeId).toBe('s3')
    const afterLast = workspaceReducer(opened, { type: 'closed', storeId: 's3' })
    expect(afterLast.activeId).toBe('s2')
    expect(run([{ type: 'opened', info: info(1) }, { type: 'closed', storeId: 's1' }]).activeId).toBeNull()
  })

  it('records an external change as the new seq-no and a new revision', () => {
    const state = run([{ type: 'opened', info: info(1, 3) }, { type: 'changed', storeId: 's1', seqNo: 9 }])
    expect(state.tabs[0]).toEqual({ info: info(1, 9), revision: 1 })
  })

  it('ignores pushes for stores it does not know', () => {
    const state = run([{ type: 'opened', info: info(1) }])
    for (const action of [{ type: 'changed', storeId: 's7', seqNo: 1 }, { type: 'closed', storeId: 's7' }, { type: 'activated', storeId: 's7' }] as const) {
      expect(workspaceReducer(state, action)).toEqual(state)
    }
  })

  it('cycles through every tab and back (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 20 }), (count, steps) => {
        const opened = run(Array.from({ length: count }, (_, i) => ({ type: 'opened', info: info(i + 1) }) as const))
        let forward = opened
        for (let i = 0; i < steps; i++) forward = workspaceReducer(forward, { type: 'cycled', step: 1 })
        let back = forward
        for (let i = 0; i < steps; i++) back = workspaceReducer(back, { type: 'cycled', step: -1 })
        expect(back.activeId).toBe(opened.activeId)
        expect(forward.activeId).toBe(`s${((count - 1 + steps) % count) + 1}`)
      })
    )
  })

  it('names files by their last path segment, either separator', () => {
    expect(fileName('/a/b/books.db')).toBe('books.db')
    expect(fileName('C:\\stores\\books.db')).toBe('books.db')
  })

  it('keeps a store whose connection was lost, with the sentence, until new info arrives (a reconnect)', () => {
    let state = workspaceReducer(initialWorkspace(), { type: 'opened', info: info(1) })
    state = workspaceReducer(state, { type: 'disconnected', storeId: 's1', message: 'The connection was lost.' })
    expect(state.tabs[0].disconnected).toBe('The connection was lost.')
    expect(state.activeId).toBe('s1')
    state = workspaceReducer(state, { type: 'updated', info: info(1, 4) })
    expect(state.tabs[0].disconnected).toBeUndefined()
    expect(state.tabs[0].info.seqNo).toBe(4)
  })

  it('names a PostgreSQL store user@host/db and a file by its name', () => {
    expect(storeName({ kind: 'postgres', path: 'alice@db.example/shop' })).toBe('alice@db.example/shop')
    expect(storeName({ kind: 'sqlite', path: '/a/b/books.db' })).toBe('books.db')
  })
})
