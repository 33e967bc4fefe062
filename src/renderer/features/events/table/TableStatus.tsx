/** What the event table says besides its rows: a loading bar, a failure, or that nothing matches. */
import type { ReactNode } from 'react'
import { Loader, Progress, Text } from '@mantine/core'
import classes from './EventTable.module.css'

/** The status overlays of the table. */
export function TableStatus({ loading, error, empty }: { loading: boolean; error: string | null; empty: boolean }): ReactNode {
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
