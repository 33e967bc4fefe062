/**
 * The three states of a conflict side by side, one row per key path: base |
 * theirs | ours, who changed the key, what it keeps (ours, theirs, or an
 * edited EDN value), and the value it will have.
 */
import { Fragment, type ReactNode } from 'react'
import { Badge, SegmentedControl, Table, Text, Tooltip } from '@mantine/core'
import type { AlignedKey } from '../../../../shared/resolve'
import { EdnEditor } from '../../../ui/edn-editor/EdnEditor'
import type { Pick, Take } from './useResolution'
import classes from './resolve.module.css'

/** How a mark reads. */
function markBadge(key: AlignedKey): ReactNode {
  const [color, label, hint] =
    key.mark === 'ours-only' ? ['blue', 'ours only', 'Only the staged event changes this key.']
      : key.mark === 'theirs-only' ? ['orange', 'theirs only', 'Only the stored events since your base changed this key.']
        : key.mark === 'both' && key.agree ? ['teal', 'both · same', 'Both changed this key to the same value.']
          : key.mark === 'both' ? ['red', 'both · differ', 'Both changed this key, to different values: decide which one stays.']
            : ['gray', 'unchanged', 'Nobody changed this key.']
  return (
    <Tooltip label={hint} withArrow openDelay={300}>
      <Badge size="sm" variant="light" color={color} styles={{ label: { overflow: 'visible' } }} data-testid="resolve-mark">
        {label}
      </Badge>
    </Tooltip>
  )
}

/** A printed value, or "absent". */
function Value({ text, changed }: { text: string | null; changed: boolean }): ReactNode {
  return (
    <div className={classes.value} data-changed={changed || undefined}>
      {text === null ? <span className={classes.absent}>absent</span> : text}
    </div>
  )
}

/** The value a pick gives a key, as text (null: absent). */
function resultText(key: AlignedKey, pick: Pick): string | null {
  return pick.take === 'ours' ? key.ours : pick.take === 'theirs' ? key.theirs : pick.edn
}

const TAKES = [
  { value: 'ours', label: 'Ours' },
  { value: 'theirs', label: 'Theirs' },
  { value: 'edit', label: 'Edit' }
]

/** Props of the key table. */
export interface KeyTableProps {
  readonly keys: readonly AlignedKey[]
  readonly baseLabel: string
  readonly theirsLabel: string
  readonly pickOf: (key: AlignedKey) => Pick
  readonly choose: (key: AlignedKey, take: Take) => void
  readonly edit: (key: AlignedKey, edn: string) => void
  /** Sentences about edited values, by key. */
  readonly errors: ReadonlyMap<string, string>
  readonly showUnchanged: boolean
}

/** The aligned keys with a choice per changed key. */
export function KeyTable({ keys, baseLabel, theirsLabel, pickOf, choose, edit, errors, showUnchanged }: KeyTableProps): ReactNode {
  const shown = showUnchanged ? keys : keys.filter((k) => k.mark !== 'none')
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing={6} className={classes.table} data-testid="resolve-keys">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Key</Table.Th>
            <Table.Th>{baseLabel}</Table.Th>
            <Table.Th>{theirsLabel}</Table.Th>
            <Table.Th>Ours (staged)</Table.Th>
            <Table.Th>Changed by</Table.Th>
            <Table.Th>Keep</Table.Th>
            <Table.Th>Result</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((key) => {
            const pick = pickOf(key)
            const error = errors.get(key.key)
            const theirsChanged = key.mark === 'theirs-only' || key.mark === 'both'
            const oursChanged = key.mark === 'ours-only' || key.mark === 'both'
            return (
              <Fragment key={key.key}>
                <Table.Tr data-testid="resolve-row" data-key={key.key} data-mark={key.mark} className={key.mark === 'none' ? classes.unchanged : undefined}>
                  <Table.Td className={classes.key}>{key.key}</Table.Td>
                  <Table.Td><Value text={key.base} changed={false} /></Table.Td>
                  <Table.Td><Value text={key.theirs} changed={theirsChanged} /></Table.Td>
                  <Table.Td><Value text={key.ours} changed={oursChanged} /></Table.Td>
                  <Table.Td>{markBadge(key)}</Table.Td>
                  <Table.Td>
                    {key.mark === 'none' ? (
                      <Text size="xs" c="dimmed">as is</Text>
                    ) : (
                      <SegmentedControl
                        size="xs"
                        data={TAKES}
                        value={pick.take}
                        onChange={(value) => choose(key, value as Take)}
                        aria-label={`Keep for ${key.key}`}
                        data-testid="resolve-take"
                      />
                    )}
                  </Table.Td>
                  <Table.Td><Value text={resultText(key, pick)} changed={false} /></Table.Td>
                </Table.Tr>
                {pick.take === 'edit' && (
                  <Table.Tr className={classes.editRow}>
                    <Table.Td />
                    <Table.Td colSpan={6}>
                      <div data-testid="resolve-edit" data-key={key.key}>
                        <Text size="xs" fw={500} mb={2}>New value for {key.key} (one EDN value)</Text>
                        <EdnEditor value={pick.edn} onChange={(text) => edit(key, text)} ariaLabel={`New value for ${key.key}`} invalid={error !== undefined} />
                        {error !== undefined && <Text size="xs" c="red" mt={2} role="alert" data-testid="resolve-edit-error">{error}</Text>}
                      </div>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
