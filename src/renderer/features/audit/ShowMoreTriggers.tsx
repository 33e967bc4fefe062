/**
 * Under the trigger index: why the last "Show more" failed, and the button
 * loading the next page (disabled, with a hint, while the connection is lost).
 */
import type { ReactNode } from 'react'
import { Button, Group, Text } from '@mantine/core'
import { ReconnectHint, useConnectionLost } from '../../ui/connection-lost'
import { TRIGGER_PAGE, type TriggerPages } from './useTriggerPages'

/** The "Show more" footer for `pages`; nothing when there is no next page and no error. */
export function ShowMoreTriggers({ pages }: { pages: TriggerPages }): ReactNode {
  const lost = useConnectionLost()
  return (
    <>
      {pages.moreError && (
        <Text c="red" size="sm" role="alert" mt="xs">
          More triggers could not be loaded: {pages.moreError}
        </Text>
      )}
      {pages.hasMore && (
        <Group gap="sm" mt="sm">
          <Button variant="light" size="xs" onClick={pages.loadMore} loading={pages.loadingMore} disabled={lost}>
            Show {TRIGGER_PAGE} more
          </Button>
          <ReconnectHint to="load more triggers" />
        </Group>
      )}
    </>
  )
}
