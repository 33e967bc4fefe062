/**
 * The table's scrollbar for the whole store: its length stands for the
 * seq-no range of the current filter, not for the rows in memory, so any
 * point of a store with ten million events is one drag away. While dragging
 * it shows the seq-no it will jump to; releasing jumps there.
 */
import { useRef, useState, type ReactNode, type PointerEvent } from 'react'
import { Tooltip } from '@mantine/core'
import { fractionOf, seqNoAt } from './window-model'
import classes from './EventTable.module.css'
import { formatCount } from '../../../ui/format'

const THUMB = 28

/** Props: the filter's seq-no range, the seq-no at the top of the view, and where to jump. */
export function Scrubber({ first, last, current, onJump }: { first: number; last: number; current: number; onJump(seqNo: number): void }): ReactNode {
  const track = useRef<HTMLDivElement>(null)
  const [drag, setDrag] = useState<number | null>(null)
  const fraction = drag ?? fractionOf(current, first, last)
  const at = (event: PointerEvent<HTMLDivElement>): number => {
    const box = track.current?.getBoundingClientRect()
    if (!box || box.height <= THUMB) return 0
    return Math.min(1, Math.max(0, (event.clientY - box.top - THUMB / 2) / (box.height - THUMB)))
  }
  const target = seqNoAt(fraction, first, last)
  return (
    <div
      ref={track}
      className={classes.scrubber}
      role="scrollbar"
      aria-label="Position in the store by seq-no"
      aria-orientation="vertical"
      aria-controls="event-table"
      aria-valuemin={first}
      aria-valuemax={last}
      aria-valuenow={drag === null ? current : target}
      data-testid="scrubber"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId)
        setDrag(at(e))
      }}
      onPointerMove={(e) => {
        if (drag !== null) setDrag(at(e))
      }}
      onPointerUp={(e) => {
        if (drag === null) return
        const seqNo = seqNoAt(at(e), first, last)
        setDrag(null)
        onJump(seqNo)
      }}
      onPointerCancel={() => setDrag(null)}
    >
      <Tooltip label={`seq-no ${formatCount(target)}`} opened={drag !== null} position="left" withArrow>
        <div className={classes.thumb} style={{ top: `calc(${fraction} * (100% - ${THUMB}px))` }} />
      </Tooltip>
    </div>
  )
}
