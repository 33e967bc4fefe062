/** Events linked to this one through triggers: effects that make reads replay an action, or the actions an effect replays. */
import type { ReactNode } from 'react'
import { Anchor, Stack, Text } from '@mantine/core'
import type { EventDetail, EventRow } from '../../../../shared/browse'
import { subjectOf } from '../table/columns'

function List({ title, explain, rows, onOpen }: { title: string; explain: string; rows: readonly EventRow[]; onOpen(seqNo: number): void }): ReactNode {
  return (
    <Stack gap={2} data-testid="related-events">
      <Text fw={600} size="sm">
        {title}
      </Text>
      <Text size="xs" c="dimmed">
        {explain}
      </Text>
      {rows.map((r) => (
        <Anchor key={r.seqNo} component="button" ff="monospace" fz="sm" ta="left" onClick={() => onOpen(r.seqNo)}>
          {r.seqNo} · {r.reason} {subjectOf(r)}
        </Anchor>
      ))}
    </Stack>
  )
}

/** The related lists of an event (nothing for an event without links). */
export function RelatedEvents({ detail, onOpen }: { detail: EventDetail; onOpen(seqNo: number): void }): ReactNode {
  const more = detail.relatedTruncated ? ' (the first 200 are listed)' : ''
  if (detail.row.type === 'action') {
    return detail.reachedBy.length === 0 ? (
      <Text size="sm" c="dimmed">
        No later effect reaches this action's aggregate, so no read replays it.
      </Text>
    ) : (
      <List title="Effects that reach it" explain={`A read from any offset after this action, up to one of these effects, replays this action${more}.`} rows={detail.reachedBy} onOpen={onOpen} />
    )
  }
  if (detail.row.type === 'effect') {
    return detail.reaches.length === 0 ? (
      <Text size="sm" c="dimmed">
        No earlier action is on an aggregate carrying this effect's trigger: it makes no read replay anything.
      </Text>
    ) : (
      <List title="Actions it reaches" explain={`A read from this effect's seq-no replays these earlier actions because of it${more}.`} rows={detail.reaches} onOpen={onOpen} />
    )
  }
  return null
}
