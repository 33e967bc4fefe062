/** What the event table says besides its rows: a loading bar, a failure, or that nothing matches. */
import type { ReactNode } from 'react'
import { Loader, Progress, Text } from '@mantine/core'
import classes from './EventTable.module.css'
import { useConnectionLost } from '../../../ui/connection-lost'

/** The status overlays of the table. */
export function TableStatus({ loading, error: failure, empty }: { loading: boolean; error: string | null; empty: boolean }): ReactNode {
  // While the connection is lost the bar says so: no error here, and no claim that nothing matches.
  const lost = useConnectionLost()
  const error = lost ? null : failure
  return (
    <>
      {loading && !empty && (
        <Progress value={100} animated striped size={3} radius={0} pos="absolute" top={0} left={0} right={0} style={{ zIndex: 3 }} aria-label="Loading rows" data-testid="rows-loading" />
      )}
      {(empty || error) && (
        <div className={classes.overlay}>
          {error ? (
            <Text c="red" role="alert" maw={520} ta="center">
              {error}
            </Text>
          ) : lost ? (
            <Text c="dimmed">The events show again after Reconnect.</Text>
          ) : loading ? (
            <Loader size="sm" />
          ) : (
            <Text c="dimmed">No event matches this filter.</Text>
          )}
        </div>
      )}
    </>
  )
}
