/** Header indicator of long operations (opening, counting, checking) with their progress. */
import type { ReactNode } from 'react'
import { Group, Loader, Progress, Stack, Text, Tooltip } from '@mantine/core'
import { useProgress } from './useProgress'
import { useWorkspace } from '../workspace/WorkspaceProvider'
import responsive from '../ui/responsive.module.css'

/** Shows nothing while nothing slow runs. A closed tab's work drops out at once (main stops it as the tab closes). */
export function ProgressIndicator(): ReactNode {
  const { tabs } = useWorkspace().state
  const running = useProgress().filter((r) => r.storeId === null || tabs.some((t) => t.info.storeId === r.storeId))
  if (running.length === 0) return null
  const first = running[0]
  const percent = first.total > 0 ? Math.round((100 * first.done) / first.total) : null
  return (
    <Tooltip label={running.map((r) => r.label).join('\n')} withArrow multiline>
      <Group gap={8} wrap="nowrap" role="status" aria-live="polite" aria-label={first.label} data-testid="progress" className={responsive.noShrink}>
        <Loader size="xs" />
        {/* Below 1280 px only the spinner shows; the labels are in the tooltip. */}
        <Stack gap={2} w={160} className={responsive.wideOnly}>
          <Text size="xs" truncate>
            {first.label}
            {running.length > 1 ? ` (+${running.length - 1})` : ''}
          </Text>
          {percent !== null && <Progress value={percent} size="xs" aria-label={`${percent}%`} />}
        </Stack>
      </Group>
    </Tooltip>
  )
}
