/** Keyboard movement in the event table: arrows, Page Up/Down, Home and End (which select the first and last event). */
import type { KeyboardEvent, RefObject } from 'react'
import type { Virtualizer } from '@tanstack/react-virtual'
import type { EventRow } from '../../../../shared/browse'
import type { EventSelection } from '../../../workspace/navigation'
import { ROW_HEIGHT } from './columns'
import type { JumpTarget } from './useEventWindow'
import type { EventWindow } from './window-model'

/** What the key handler reads. */
export interface TableKeysInput {
  readonly rows: readonly EventRow[]
  readonly selection: EventSelection | null
  readonly firstVisible: number
  readonly scrollRef: RefObject<HTMLDivElement | null>
  readonly virtualizer: Virtualizer<HTMLDivElement, Element>
  readonly windowRef: RefObject<EventWindow>
  onSelect(seqNo: number): void
  jumpAndShow(target: JumpTarget, select: boolean): Promise<void>
}

/** The table's `onKeyDown`. */
export function useTableKeys({ rows, selection, firstVisible, scrollRef, virtualizer, windowRef, onSelect, jumpAndShow }: TableKeysInput): (event: KeyboardEvent) => void {
  const selectedIndex = selection ? rows.findIndex((r) => r.seqNo === selection.seqNo) : -1
  const move = (index: number): void => {
    const bounded = Math.max(0, Math.min(rows.length - 1, index))
    if (rows[bounded]) {
      onSelect(rows[bounded].seqNo)
      virtualizer.scrollToIndex(bounded)
    }
  }
  const edge = (target: 'start' | 'end'): void =>
    void jumpAndShow(target, false).then(() => {
      const all = windowRef.current.rows
      const row = target === 'start' ? all[0] : all[all.length - 1]
      if (row) onSelect(row.seqNo)
    })
  return (event: KeyboardEvent): void => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 2)
    const from = selectedIndex >= 0 ? selectedIndex : firstVisible
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(from + 1),
      ArrowUp: () => move(from - 1),
      PageDown: () => move(from + page),
      PageUp: () => move(from - page),
      Home: () => edge('start'),
      End: () => edge('end')
    }
    const action = keys[event.key]
    if (action) {
      event.preventDefault()
      action()
    }
  }
}
