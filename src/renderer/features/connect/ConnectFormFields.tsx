/**
 * The inputs of the Connect dialog (and of Copy to a database): a recent
 * connection, or a URL, or host/port/database/user; and the password (never
 * filled in by main, and not asked for when main holds it encrypted).
 */
import type { ReactNode } from 'react'
import { Group, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import type { RecentConnection } from '../../../shared/ipc/types'
import type { ConnectFields } from './useConnectForm'
import { RecentConnectionSelect } from './RecentConnectionSelect'

interface Props {
  readonly fields: ConnectFields
  readonly update: (change: Partial<ConnectFields>) => void
  /** A recent connection: only its password is asked for (nothing, when main holds it). */
  readonly recent: RecentConnection | null
  /** Offer these recent connections to pick from (the Connect dialog reaches them from the empty state instead). */
  readonly recents?: { readonly connections: readonly RecentConnection[]; choose(recent: RecentConnection | null): void }
}

function Location({ fields, update }: Pick<Props, 'fields' | 'update'>): ReactNode {
  if (fields.via === 'url') {
    return (
      <TextInput
        label="Connection URL"
        placeholder="postgresql://user@host:5432/database"
        description="A password in the URL is used, never shown again."
        value={fields.url}
        onChange={(e) => update({ url: e.currentTarget.value })}
        spellCheck={false}
        data-autofocus
      />
    )
  }
  return (
    <Stack gap="xs">
      <Group grow align="flex-start">
        <TextInput label="Host" value={fields.host} onChange={(e) => update({ host: e.currentTarget.value })} spellCheck={false} data-autofocus />
        <TextInput label="Port" maw={110} value={fields.port} onChange={(e) => update({ port: e.currentTarget.value })} inputMode="numeric" />
      </Group>
      <Group grow align="flex-start">
        <TextInput label="Database" value={fields.database} onChange={(e) => update({ database: e.currentTarget.value })} spellCheck={false} />
        <TextInput label="User" value={fields.user} onChange={(e) => update({ user: e.currentTarget.value })} spellCheck={false} />
      </Group>
    </Stack>
  )
}

/**
 * What the form says of a recent connection: its password is kept encrypted
 * (picked in Copy), was refused (the Connect dialog shows a recent connection
 * with a kept password only then), or is not stored.
 */
function RecentNote({ recent, storedRefused }: { recent: RecentConnection; storedRefused: boolean }): ReactNode {
  if (recent.hasPassword && storedRefused) {
    return (
      <Text size="sm">
        The stored password of <b>{recent.label}</b> was refused. Type the current one to connect.
      </Text>
    )
  }
  if (recent.hasPassword) {
    return (
      <Text size="sm">
        <b>{recent.label}</b>, with the password kept encrypted on this computer.
      </Text>
    )
  }
  return (
    <Text size="sm">
      The password of <b>{recent.label}</b> is not stored on this computer. Type it to connect.
    </Text>
  )
}

/** The fields. */
export function ConnectFormFields({ fields, update, recent, recents }: Props): ReactNode {
  return (
    <Stack gap="sm">
      {recents && recents.connections.length > 0 && <RecentConnectionSelect connections={recents.connections} chosen={recent} choose={recents.choose} />}
      {recent ? (
        <RecentNote recent={recent} storedRefused={!recents} />
      ) : (
        <>
          <SegmentedControl
            value={fields.via}
            onChange={(value) => update({ via: value as ConnectFields['via'] })}
            data={[
              { value: 'url', label: 'URL' },
              { value: 'fields', label: 'Host and database' }
            ]}
          />
          <Location fields={fields} update={update} />
        </>
      )}
      {!recent?.hasPassword && (
        <PasswordInput
          label="Password"
          description="Remembered only encrypted by the system's keychain; where there is none, you are asked again."
          value={fields.password}
          onChange={(e) => update({ password: e.currentTarget.value })}
          autoComplete="off"
        />
      )}
    </Stack>
  )
}
