/** The mark of a replayed aggregate or action in the blast radius. */
import type { ReactNode } from 'react'
import { Badge, Tooltip } from '@mantine/core'

const BADGE_STYLES = { label: { overflow: 'visible' } } as const

/** Whether only this effect makes a read replay the row (red), or other effects do too (gray, with why). */
export function OnlyBadge({ only }: { only: boolean }): ReactNode {
  return only ? (
    <Badge size="sm" variant="light" color="red" styles={BADGE_STYLES}>
      only this effect
    </Badge>
  ) : (
    <Tooltip label="Another effect at or after the offset reaches this aggregate too, so the read replays it anyway." withArrow>
      <Badge size="sm" variant="light" color="gray" styles={BADGE_STYLES}>
        other effects too
      </Badge>
    </Tooltip>
  )
}
