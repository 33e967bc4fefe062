/**
 * The count on the Problems entry of the navigation: the integrity check runs
 * in the background (its own worker) once a store is open, and a store with
 * problems says so here without the user opening Problems. Very large stores
 * are checked when Problems is opened (`BACKGROUND_CHECK_LIMIT`).
 */
import { useEffect, useState, type ReactNode } from 'react'
import { Badge, Loader } from '@mantine/core'
import { useBackgroundCheck } from '../features/audit/problems/problems-check'
import { formatBadgeCount, formatCount } from '../ui/format'
import type { StoreTab } from '../workspace/workspace-state'

/**
 * Stores up to this many events are checked in the background (about 30 s on
 * this kind of machine); a larger one is checked when the user opens Problems,
 * so the check does not compete with browsing it.
 */
export const BACKGROUND_CHECK_LIMIT = 2_000_000
/** The background check starts this long after the store opens, once its first pages are on screen. */
const START_DELAY_MS = 1500

/** The badge: a spinner while the first check runs, the count when there are problems, nothing otherwise. */
export function ProblemsBadge({ tab, compact }: { tab: StoreTab; compact: boolean }): ReactNode {
  const [started, setStarted] = useState(false)
  useEffect(() => {
    const timer = setTimeout(() => setStarted(true), START_DELAY_MS)
    return () => clearTimeout(timer)
  }, [])
  const { result, running } = useBackgroundCheck(tab, started && tab.info.seqNo <= BACKGROUND_CHECK_LIMIT)
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
