/**
 * The Events table's column layout — which columns show, in what order, how
 * wide — as plain data (pure: unit tested), remembered across sessions by
 * `useColumnLayout`.
 */
import { usePersistentState } from '../../../ui/usePersistentState'

/** Every column of the table. */
export const COLUMN_IDS = ['seqNo', 'time', 'type', 'reason', 'subject', 'actor', 'source', 'patch'] as const
/** One column. */
export type ColumnId = (typeof COLUMN_IDS)[number]

/** Header label, default and minimum width (px) of each column. */
export const COLUMN_INFO: Readonly<Record<ColumnId, { readonly label: string; readonly width: number; readonly min: number }>> = {
  seqNo: { label: 'Seq-no', width: 80, min: 56 },
  time: { label: 'Time', width: 162, min: 90 },
  type: { label: 'Type', width: 68, min: 56 },
  reason: { label: 'Reason', width: 120, min: 60 },
  subject: { label: 'Aggregate / trigger', width: 190, min: 90 },
  actor: { label: 'Actor', width: 130, min: 60 },
  source: { label: 'Source', width: 110, min: 60 },
  patch: { label: 'Patch', width: 260, min: 100 }
}

/** What the user chose. */
export interface ColumnLayout {
  readonly order: readonly ColumnId[]
  readonly hidden: readonly ColumnId[]
  readonly widths: Readonly<Partial<Record<ColumnId, number>>>
}

/** All columns, in their natural order, default widths. */
export const DEFAULT_LAYOUT: ColumnLayout = { order: COLUMN_IDS, hidden: [], widths: {} }

const isId = (v: unknown): v is ColumnId => (COLUMN_IDS as readonly unknown[]).includes(v)

/** A stored layout is usable when it names every column exactly once. */
export function isColumnLayout(v: unknown): v is ColumnLayout {
  const l = v as ColumnLayout | null
  return (
    typeof l === 'object' && l !== null && Array.isArray(l.order) && l.order.length === COLUMN_IDS.length && new Set(l.order).size === COLUMN_IDS.length &&
    l.order.every(isId) && Array.isArray(l.hidden) && l.hidden.every(isId) && typeof l.widths === 'object' && l.widths !== null
  )
}

/** The columns shown, in order (at least one: the seq-no when everything else is hidden). */
export function visibleColumns(layout: ColumnLayout): ColumnId[] {
  const shown = layout.order.filter((id) => !layout.hidden.includes(id))
  return shown.length > 0 ? shown : ['seqNo']
}

/** `grid-template-columns`: fixed widths, the last column takes what is left. */
export function gridTemplate(layout: ColumnLayout): string {
  const shown = visibleColumns(layout)
  return shown.map((id, i) => `${i === shown.length - 1 ? `minmax(${widthOf(layout, id)}px, 1fr)` : `${widthOf(layout, id)}px`}`).join(' ')
}

/** The width of a column (px). */
export function widthOf(layout: ColumnLayout, id: ColumnId): number {
  return Math.max(COLUMN_INFO[id].min, layout.widths[id] ?? COLUMN_INFO[id].width)
}

/** Show or hide a column. */
export function toggleColumn(layout: ColumnLayout, id: ColumnId): ColumnLayout {
  const hidden = layout.hidden.includes(id) ? layout.hidden.filter((h) => h !== id) : [...layout.hidden, id]
  return { ...layout, hidden }
}

/** Move `id` to where `before` is (or to the end when `before` is null). */
export function moveColumn(layout: ColumnLayout, id: ColumnId, before: ColumnId | null): ColumnLayout {
  if (id === before) return layout
  const rest = layout.order.filter((c) => c !== id)
  const at = before === null ? rest.length : rest.indexOf(before)
  return { ...layout, order: [...rest.slice(0, at), id, ...rest.slice(at)] }
}

/** Move `id` one place left (-1) or right (+1) among all columns. */
export function shiftColumn(layout: ColumnLayout, id: ColumnId, by: -1 | 1): ColumnLayout {
  const i = layout.order.indexOf(id)
  const j = i + by
  if (j < 0 || j >= layout.order.length) return layout
  const order = [...layout.order]
  ;[order[i], order[j]] = [order[j], order[i]]
  return { ...layout, order }
}

/** Set a column's width (kept at or above its minimum). */
export function resizeColumn(layout: ColumnLayout, id: ColumnId, width: number): ColumnLayout {
  return { ...layout, widths: { ...layout.widths, [id]: Math.round(Math.max(COLUMN_INFO[id].min, width)) } }
}

/** The remembered layout. */
export function useColumnLayout(): [ColumnLayout, (next: ColumnLayout) => void] {
  return usePersistentState('events.columns', DEFAULT_LAYOUT, isColumnLayout)
}
