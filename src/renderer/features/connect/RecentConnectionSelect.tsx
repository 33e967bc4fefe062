/** Pick one of the recent PostgreSQL connections (by `user@host/db`, never a URL), or a new one typed below. */
import type { ReactNode } from 'react'
import { Select } from '@mantine/core'
import type { RecentConnection } from '../../../shared/ipc/types'

const NEW = 'new'

interface Props {
  readonly connections: readonly RecentConnection[]
  readonly chosen: RecentConnection | null
  choose(recent: RecentConnection | null): void
}

/** The picker; "New connection" shows the form's own fields. */
export function RecentConnectionSelect({ connections, chosen, choose }: Props): ReactNode {
  const data = [{ value: NEW, label: 'New connection' }, ...connections.map((c) => ({ value: c.id, label: c.label }))]
  return (
    <Select
      label="Connection"
      data={data}
      value={chosen?.id ?? NEW}
      onChange={(id) => choose(connections.find((c) => c.id === id) ?? null)}
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
    />
  )
}
