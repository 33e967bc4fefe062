/**
 * The count on the Problems entry of the navigation: the integrity check runs
 * in the background (its own worker) once a store is open, and a store with
 * problems says so here without the user opening Problems.
 */
import type { ReactNode } from 'react'
import { Badge, Loader } from '@mantine/core'
import { useBackgroundCheck } from '../features/audit/problems/problems-check'
import { formatBadgeCount, formatCount } from '../ui/format'
import type { StoreTab } from '../workspace/workspace-state'

/** The badge: a spinner while the first check runs, the count when there are problems, nothing otherwise. */
export function ProblemsBadge({ tab, compact }: { tab: StoreTab; compact: boolean }): ReactNode {
  const { result, running } = useBackgroundCheck(tab.info.storeId, tab.revision)
  if (result === null) return running && !compact ? <Loader size={10} aria-label="Checking the store" /> : null
  const n = result.problems.length
  if (n === 0) return null
  const label = `${formatCount(n)} ${n === 1 ? 'problem' : 'problems'} found by the integrity check`
  return (
    <Badge
      size="sm"
      color="red"
      variant="filled"
      circle={compact && n < 10}
      title={label}
      aria-label={label}
      data-testid="problems-badge"
      style={compact ? { position: 'absolute', top: 2, right: 2 } : undefined}
      styles={{ label: { overflow: 'visible' } }}
    >
      {formatBadgeCount(n)}
    </Badge>
  )
}
