/** The inputs of the Connect dialog: a URL, or host/port/database/user; and the password (never filled in by main). */
import type { ReactNode } from 'react'
import { Group, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import type { RecentConnection } from '../../../shared/ipc/types'
import type { ConnectFields } from './useConnectForm'

interface Props {
  readonly fields: ConnectFields
  readonly update: (change: Partial<ConnectFields>) => void
  /** A recent connection: only its password is asked for. */
  readonly recent: RecentConnection | null
}

function Location({ fields, update }: Omit<Props, 'recent'>): ReactNode {
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

/** The fields. */
export function ConnectFormFields({ fields, update, recent }: Props): ReactNode {
  return (
    <Stack gap="sm">
      {recent ? (
        <Text size="sm">
          {recent.hasPassword ? 'The stored password of ' : 'The password of '}
          <b>{recent.label}</b>
          {recent.hasPassword ? ' was refused. Type the current one to connect.' : ' is not stored on this computer. Type it to connect.'}
        </Text>
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
      <PasswordInput
        label="Password"
        description="Remembered only encrypted by the system's keychain; where there is none, you are asked again."
        value={fields.password}
        onChange={(e) => update({ password: e.currentTarget.value })}
        autoComplete="off"
      />
    </Stack>
  )
}
