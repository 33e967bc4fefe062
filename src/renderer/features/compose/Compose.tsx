/** The Compose section: the composer beside the staged batch with its preflight and commit. */
import type { ReactNode } from 'react'
import { Grid, Stack, Text, Title } from '@mantine/core'
import type { StoreTab } from '../../workspace/workspace-state'
import { Composer } from './Composer'
import { Staging } from './StagedBatch'

/** The section view. */
export function Compose({ tab }: { tab: StoreTab }): ReactNode {
  return (
    <Stack gap="md" data-testid="compose">
      <div>
        <Title order={3}>Compose</Title>
        <Text size="sm" c="dimmed">
          Compose new events, stage them, preflight the batch (a dry rebase: nothing is written), then commit.
          {tab.info.locked ? ' The store is read-only: you can compose and preflight; unlock it to write.' : ''}
        </Text>
      </div>
      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Composer tab={tab} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Staging tab={tab} />
        </Grid.Col>
      </Grid>
    </Stack>
  )
}

/** The section's navbar icon: a pen. */
export function IconCompose({ size = 18 }: { size?: number }): ReactNode {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M4 20h4L19 9a2.8 2.8 0 0 0-4-4L4 16v4z" />
      <path d="M13.5 6.5l4 4" />
    </svg>
  )
}
