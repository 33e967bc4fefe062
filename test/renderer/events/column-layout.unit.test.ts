import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  COLUMN_IDS,
  DEFAULT_LAYOUT,
  gridTemplate,
  isColumnLayout,
  moveColumn,
  resizeColumn,
  shiftColumn,
  toggleColumn,
  visibleColumns,
  type ColumnId
} from '../../../src/renderer/features/events/table/column-layout'

const anyColumn = fc.constantFrom(...COLUMN_IDS)

describe('the Events column layout', () => {
  it('hides and shows a column, keeping the others in order', () => {
    const hidden = toggleColumn(DEFAULT_LAYOUT, 'source')
    expect(visibleColumns(hidden)).toEqual(['seqNo', 'time', 'type', 'reason', 'subject', 'actor', 'patch'])
    expect(visibleColumns(toggleColumn(hidden, 'source'))).toEqual([...COLUMN_IDS])
  })

  it('never shows an empty table: with every column hidden the seq-no stays', () => {
    const none = COLUMN_IDS.reduce((l, id) => toggleColumn(l, id), DEFAULT_LAYOUT)
    expect(visibleColumns(none)).toEqual(['seqNo'])
  })

  it('moves a column before another, or one place left and right', () => {
    expect(moveColumn(DEFAULT_LAYOUT, 'patch', 'time').order.slice(0, 3)).toEqual(['seqNo', 'patch', 'time'])
    expect(shiftColumn(DEFAULT_LAYOUT, 'actor', -1).order.slice(4, 6)).toEqual(['actor', 'subject'])
    expect(shiftColumn(DEFAULT_LAYOUT, 'seqNo', -1)).toBe(DEFAULT_LAYOUT)
  })

  it('keeps every column exactly once through any moves (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyColumn, fc.option(anyColumn, { nil: null }))), (moves) => {
        const layout = moves.reduce((l, [id, before]) => moveColumn(l, id as ColumnId, before as ColumnId | null), DEFAULT_LAYOUT)
        expect([...layout.order].sort()).toEqual([...COLUMN_IDS].sort())
        expect(isColumnLayout(layout)).toBe(true)
      })
    )
  })

  it('resizes within the minimum, and the last shown column takes the rest', () => {
    const narrow = resizeColumn(DEFAULT_LAYOUT, 'reason', 5)
    expect(gridTemplate(narrow).split(' ')[3]).toBe('60px')
    expect(gridTemplate(toggleColumn(DEFAULT_LAYOUT, 'patch')).endsWith('minmax(110px, 1fr)')).toBe(true)
  })

  it('refuses stored layouts that do not name every column once', () => {
    expect(isColumnLayout({ order: ['seqNo'], hidden: [], widths: {} })).toBe(false)
    expect(isColumnLayout({ ...DEFAULT_LAYOUT, order: [...COLUMN_IDS.slice(1), 'seqNo'] })).toBe(true)
    expect(isColumnLayout({ ...DEFAULT_LAYOUT, order: [...COLUMN_IDS.slice(1), 'time'] })).toBe(false)
    expect(isColumnLayout(null)).toBe(false)
  })
})
