import { describe, expect, it } from 'vitest'
import { DEFAULT_TABLES, SINGULAR_TABLES } from '../../src/shared/domain'
import { displayShortcut } from '../../src/renderer/ui/shortcuts'
import { tableNamesProblem } from '../../src/renderer/features/open-store/table-names'
import { formatTimestamp } from '../../src/renderer/ui/format'

describe('shortcuts as the platform writes them', () => {
  it('uses ⌘ and symbols on macOS, Ctrl+ elsewhere', () => {
    expect(displayShortcut('mod+K', 'darwin')).toBe('⌘K')
    expect(displayShortcut('ctrl+shift+Tab', 'darwin')).toBe('⌃⇧Tab')
    expect(displayShortcut('mod+K', 'linux')).toBe('Ctrl+K')
    expect(displayShortcut('mod+shift+o', 'win32')).toBe('Ctrl+Shift+O')
  })
})

describe('timestamps', () => {
  it('prints epoch seconds as UTC, and nonsense as the number', () => {
    expect(formatTimestamp(1_795_874_400)).toBe('2026-11-28 14:00:00Z')
    expect(formatTimestamp(-1)).toBe('1969-12-31 23:59:59Z')
    expect(formatTimestamp(1e20)).toBe('100000000000000000000')
  })
})

describe('table names for a new store', () => {
  it('accepts the library names and refuses unusable or repeated ones', () => {
    expect(tableNamesProblem(DEFAULT_TABLES)).toBeNull()
    expect(tableNamesProblem(SINGULAR_TABLES)).toBeNull()
    expect(tableNamesProblem({ ...DEFAULT_TABLES, trigger: 'drop table' })).toContain('"drop table" is not a usable table name')
    expect(tableNamesProblem({ ...DEFAULT_TABLES, trigger: 'events' })).toBe('The four table names must all be different.')
  })
})
