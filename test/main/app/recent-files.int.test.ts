import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_TABLES, SINGULAR_TABLES } from '../../../src/shared/domain'
import { JsonRecentFiles, MAX_RECENT_FILES } from '../../../src/main/app/recent-files'
import { tempDir } from '../../helpers/stores'

let dir: ReturnType<typeof tempDir>
let file: string
let clock = 0
const recent = (onChange?: () => void): JsonRecentFiles => new JsonRecentFiles(file, onChange, () => ++clock)

beforeEach(() => {
  dir = tempDir('recent')
  file = join(dir.path, 'user-data', 'recent-files.json')
})
afterEach(() => dir.remove())

describe('recent files', () => {
  it('starts empty, keeps the latest first without duplicates, and survives a restart', () => {
    const list = recent()
    expect(list.list()).toEqual([])
    list.remember('/a.db', DEFAULT_TABLES)
    list.remember('/b.db', SINGULAR_TABLES)
    list.remember('/a.db', DEFAULT_TABLES)
    expect(recent().list()).toEqual([
      { path: '/a.db', openedAt: clock },
      { path: '/b.db', tables: SINGULAR_TABLES, openedAt: clock - 1 }
    ])
  })

  it(`keeps at most ${MAX_RECENT_FILES}`, () => {
    const list = recent()
    for (let i = 0; i < MAX_RECENT_FILES + 5; i++) list.remember(`/s${i}.db`, DEFAULT_TABLES)
    expect(list.list()).toHaveLength(MAX_RECENT_FILES)
    expect(list.list()[0].path).toBe(`/s${MAX_RECENT_FILES + 4}.db`)
  })

  it('forgets one file or all of them, telling the menu each time', () => {
    let changes = 0
    const list = recent(() => changes++)
    list.remember('/a.db', DEFAULT_TABLES)
    list.remember('/b.db', DEFAULT_TABLES)
    expect(list.forget('/a.db').map((f) => f.path)).toEqual(['/b.db'])
    expect(list.forget()).toEqual([])
    expect(changes).toBe(4)
  })

  it('treats a damaged file as an empty list and replaces it on the next change', () => {
    const list = recent()
    list.remember('/a.db', DEFAULT_TABLES)
    writeFileSync(file, '{"version": 1, "files": [{"path": 42}]')
    expect(list.list()).toEqual([])
    list.remember('/b.db', DEFAULT_TABLES)
    expect(JSON.parse(readFileSync(file, 'utf8')).files.map((f: { path: string }) => f.path)).toEqual(['/b.db'])
  })
})
