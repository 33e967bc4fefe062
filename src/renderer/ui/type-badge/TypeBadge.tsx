/** The ACTION / EFFECT / NEITHER / BOTH badge of an event, readable in light and dark. */
import type { ReactNode } from 'react'
import type { EventRow } from '../../../shared/browse'
import classes from './TypeBadge.module.css'

/** One event type as a badge. */
export function TypeBadge({ type }: { type: EventRow['type'] }): ReactNode {
  return (
    <span className={`${classes.badge} ${classes[type]}`} data-testid="type-badge">
      {type}
    </span>
  )
}
