/**
 * Where the selected event's detail sits: beside the table (resizable width)
 * or docked below it (resizable height). The drag handle is a separator the
 * user drags or moves with the arrow keys; side and size are remembered.
 */
import { useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react'
import { usePersistentState } from '../../ui/usePersistentState'

/** Where the detail is docked and how large it is (px). */
export interface DockLayout {
  readonly side: 'right' | 'bottom'
  readonly size: number
}

const DEFAULT_DOCK: DockLayout = { side: 'right', size: 440 }
const LIMITS = { right: [300, 900], bottom: [160, 600] } as const

function isDock(v: unknown): v is DockLayout {
  const d = v as DockLayout | null
  return typeof d === 'object' && d !== null && (d.side === 'right' || d.side === 'bottom') && typeof d.size === 'number'
}

/** The remembered dock layout and its setter. */
export function useDockLayout(): [DockLayout, (next: DockLayout) => void] {
  return usePersistentState('events.detail-dock', DEFAULT_DOCK, isDock)
}

function clamp(side: DockLayout['side'], size: number): number {
  const [min, max] = LIMITS[side]
  return Math.round(Math.max(min, Math.min(max, size)))
}

/** The table and, when `detail` is given, the detail docked as `layout` says. */
export function DetailDock({ table, detail, layout, onLayout }: { table: ReactNode; detail: ReactNode; layout: DockLayout; onLayout(next: DockLayout): void }): ReactNode {
  const drag = useRef<{ start: number; size: number } | null>(null)
  const right = layout.side === 'right'
  const size = clamp(layout.side, layout.size)
  const onPointerDown = (e: PointerEvent): void => {
    e.currentTarget.setPointerCapture(e.pointerId)
    drag.current = { start: right ? e.clientX : e.clientY, size }
  }
  const onPointerMove = (e: PointerEvent): void => {
    if (!drag.current) return
    const delta = drag.current.start - (right ? e.clientX : e.clientY)
    onLayout({ side: layout.side, size: clamp(layout.side, drag.current.size + delta) })
  }
  const onKeyDown = (e: KeyboardEvent): void => {
    const step = { ArrowLeft: 20, ArrowUp: 20, ArrowRight: -20, ArrowDown: -20 }[e.key]
    if (step !== undefined) onLayout({ side: layout.side, size: clamp(layout.side, size + step) })
  }
  return (
    <div style={{ display: 'flex', flexDirection: right ? 'row' : 'column', flex: 1, minHeight: 0, minWidth: 0 }}>
      {table}
      {detail && (
        <>
          <div
            role="separator"
            aria-orientation={right ? 'vertical' : 'horizontal'}
            aria-label="Resize the event detail"
            aria-valuenow={size}
            tabIndex={0}
            data-testid="detail-resize"
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={() => (drag.current = null)}
            onKeyDown={onKeyDown}
            style={{ flex: 'none', [right ? 'width' : 'height']: 12, cursor: right ? 'col-resize' : 'row-resize', touchAction: 'none' }}
          />
          <div data-testid="detail-dock" data-side={layout.side} style={{ flex: 'none', minHeight: 0, minWidth: 0, [right ? 'width' : 'height']: size }}>
            {detail}
          </div>
        </>
      )}
    </div>
  )
}
