/** The event's views: tree, EDN (pretty-printed; "copy" gives the exact pr-str), JSON and the stored cells. */
import { useMemo, type ReactNode } from 'react'
import { Button, Code, CopyButton, Group, Tabs } from '@mantine/core'
import type { EventDetail } from '../../../../shared/browse'
import { EdnTreeView } from '../../../ui/edn/EdnTreeView'
import { prettyEdn } from '../../../ui/edn/pretty-edn'
import { StoredCells } from './StoredCells'

function PrettyEdn({ edn }: { edn: string }): ReactNode {
  const pretty = useMemo(() => prettyEdn(edn), [edn])
  return (
    <>
      <Group justify="flex-end" mb={4}>
        <CopyButton value={edn}>
          {({ copied, copy }) => (
            <Button size="compact-xs" variant="subtle" onClick={copy} title="Copies the event exactly as the library prints it (pr-str, one line)">
              {copied ? 'Copied' : 'Copy pr-str'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Code block data-testid="event-edn" data-edn={edn} style={{ whiteSpace: 'pre', overflowX: 'auto' }}>
        {pretty}
      </Code>
    </>
  )
}

/** The tabs of one event's detail. */
export function EventTabs({ detail: d }: { detail: EventDetail }): ReactNode {
  return (
    <Tabs defaultValue={d.tree !== null ? 'tree' : 'cells'} keepMounted={false}>
      <Tabs.List>
        {d.tree !== null && <Tabs.Tab value="tree">Tree</Tabs.Tab>}
        {d.edn !== null && <Tabs.Tab value="edn">EDN</Tabs.Tab>}
        {d.json !== null && <Tabs.Tab value="json">JSON</Tabs.Tab>}
        <Tabs.Tab value="cells">Stored cells</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="tree" pt="xs" data-testid="event-tree">
        {d.tree && <EdnTreeView tree={d.tree} defaultExpandDepth={3} />}
      </Tabs.Panel>
      <Tabs.Panel value="edn" pt="xs">
        {d.edn !== null && <PrettyEdn edn={d.edn} />}
      </Tabs.Panel>
      <Tabs.Panel value="json" pt="xs">
        <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {d.json}
        </Code>
      </Tabs.Panel>
      <Tabs.Panel value="cells" pt="xs">
        <StoredCells row={d.row} />
      </Tabs.Panel>

    </Tabs>
  )
}
