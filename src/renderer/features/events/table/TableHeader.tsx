/**
 * The Events table's sticky header: drag a header onto another to move the
 * column there, drag its right edge to resize it (double-click gives back
 * the default width). The Columns menu does the same from the keyboard.
 */
import { useRef, useState, type PointerEvent, type ReactNode } from 'react'
import { COLUMN_INFO, moveColumn, resizeColumn, visibleColumns, widthOf, type ColumnId, type ColumnLayout } from './column-layout'
import classes from './EventTable.module.css'
import { useTimeZone } from '../../../ui/time-zone'

function ResizeHandle({ id, layout, onLayout, onResizing }: { id: ColumnId; layout: ColumnLayout; onLayout(next: ColumnLayout): void; onResizing(active: boolean): void }): ReactNode {
  const drag = useRef<{ x: number; width: number } | null>(null)
  const down = (e: PointerEvent): void => {
    e.stopPropagation()
    e.currentTarget.setPointerCapture(e.pointerId)
    drag.current = { x: e.clientX, width: widthOf(layout, id) }
    onResizing(true)
  }
  const move = (e: PointerEvent): void => {
    if (drag.current) onLayout(resizeColumn(layout, id, drag.current.width + e.clientX - drag.current.x))
  }
  return (
    <span
      className={classes.resize}
      aria-hidden="true"
      data-testid={`resize-${id}`}
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={() => {
        drag.current = null
        onResizing(false)
      }}
      onDoubleClick={() => onLayout(resizeColumn(layout, id, COLUMN_INFO[id].width))}
    />
  )
}

/** The header row. */
export function TableHeader({ layout, template, onLayout }: { layout: ColumnLayout; template: string; onLayout(next: ColumnLayout): void }): ReactNode {
  const [dragged, setDragged] = useState<ColumnId | null>(null)
  const [over, setOver] = useState<ColumnId | null>(null)
  const time = useTimeZone()
  // While an edge is dragged, the header under it must not start moving its column.
  const resizing = useRef(false)
  return (
    <div role="row" className={classes.header} style={{ gridTemplateColumns: template }}>
      {visibleColumns(layout).map((id) => (
        <div
          role="columnheader"
          key={id}
          data-column={id}
          draggable
          className={classes.headerCell}
          data-drop-target={over === id && dragged !== id ? true : undefined}
          style={id === 'seqNo' ? { textAlign: 'right' } : undefined}
          onDragStart={(e) => {
            if (resizing.current) {
              e.preventDefault()
              return
            }
            e.dataTransfer.effectAllowed = 'move'
            e.dataTransfer.setData('text/plain', id)
            setDragged(id)
          }}
          onDragOver={(e) => {
            if (!dragged) return
            e.preventDefault()
            setOver(id)
          }}
          onDragLeave={() => setOver((o) => (o === id ? null : o))}
          onDrop={(e) => {
            e.preventDefault()
            if (dragged) onLayout(moveColumn(layout, dragged, id))
            setDragged(null)
            setOver(null)
          }}
          onDragEnd={() => {
            setDragged(null)
            setOver(null)
          }}
        >
          {id === 'time' ? time.header : COLUMN_INFO[id].label}
          <ResizeHandle id={id} layout={layout} onLayout={onLayout} onResizing={(active) => (resizing.current = active)} />
        </div>
      ))}
    </div>
  )
}
