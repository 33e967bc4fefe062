/**
 * A virtualized list of fixed-height rows in its own scroll box: only the
 * rows in view (plus a few) are in the DOM, so lists of any length stay
 * fast. `onNearEnd` fires when the last rows come into view (to load more).
 */
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'

/** Props of `VirtualRows`. */
export interface VirtualRowsProps {
  readonly count: number
  readonly rowHeight: number
  /** Height of the scroll box (CSS). */
  readonly height: number | string
  readonly renderRow: (index: number) => ReactNode
  /** Called when one of the last `nearEnd` rows is rendered. */
  readonly onNearEnd?: () => void
  readonly nearEnd?: number
  /** Row index to bring into view when it changes. */
  readonly scrollTo?: number | null
  readonly testId?: string
  readonly label: string
  /** Keys pressed while the list has the focus (e.g. arrows to move the selection). */
  readonly onKeyDown?: (event: KeyboardEvent<HTMLDivElement>) => void
}

/** The list. */
export function VirtualRows({ count, rowHeight, height, renderRow, onNearEnd, nearEnd = 20, scrollTo, testId, label, onKeyDown }: VirtualRowsProps): ReactNode {
  const box = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer returns functions React cannot memoize; that is expected.
  const virtualizer = useVirtualizer({ count, getScrollElement: () => box.current, estimateSize: () => rowHeight, overscan: 8 })
  const items = virtualizer.getVirtualItems()
  const last = items.length > 0 ? items[items.length - 1].index : -1
  useEffect(() => {
    if (onNearEnd && count > 0 && last >= count - nearEnd) onNearEnd()
  }, [last, count, nearEnd, onNearEnd])
  // Scroll only when the target changes (not when more rows load, which would yank the list back).
  const scrolledTo = useRef<number | null>(null)
  useEffect(() => {
    if (scrollTo === undefined || scrollTo === null || scrollTo < 0 || scrollTo >= count || scrolledTo.current === scrollTo) return
    scrolledTo.current = scrollTo
    virtualizer.scrollToIndex(scrollTo, { align: 'auto' })
  }, [scrollTo, count, virtualizer])
  return (
    <div
      ref={box}
      style={{ height, overflowY: 'auto', position: 'relative' }}
      data-testid={testId}
      role="list"
      aria-label={label}
      tabIndex={onKeyDown ? 0 : undefined}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => (
          <div key={item.key} role="listitem" style={{ position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${item.start}px)` }}>
            {renderRow(item.index)}
          </div>
        ))}
      </div>
    </div>
  )
}
