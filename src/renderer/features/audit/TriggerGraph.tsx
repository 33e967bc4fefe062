/**
 * The trigger graph of a focus (a trigger, an effect or an aggregate): click
 * a node to open its event, aggregate or (for a trigger) its events; many
 * actions are grouped per aggregate kind (click a group to expand it, again
 * to collapse); the server caps each group and summary nodes say how many
 * more there are. It can be maximized to the whole window.
 */
import { useMemo, useState, type ReactNode } from 'react'
import { ActionIcon, Button, Group, Loader, Modal, Text, Tooltip, useComputedColorScheme } from '@mantine/core'
import type { Edge, Node } from '@xyflow/react'
import type { AuditGraph, GraphFocus } from '../../../shared/audit'
import { call } from '../../ipc/client'
import { useRequest } from '../../ui/useRequest'
import { useWorkspace } from '../../workspace/WorkspaceProvider'
import type { StoreTab } from '../../workspace/workspace-state'
import { initiallyExpanded, layoutGraph, nodeId } from './graph-layout'
import { emptyReason, focusText, graphSummary, openTarget } from './graph-text'
import { GraphCanvas } from './GraphCanvas'
import type { AuditNodeData } from './GraphNode'

export { focusText } from './graph-text'

/** Effects offered for their blast radius under the graph. */
const BLAST_LINKS = 8

/** React Flow nodes and edges of `graph` with `expanded` kinds open, and the pane height it wants. */
function toFlow(graph: AuditGraph, expanded: ReadonlySet<string>): { nodes: Node<AuditNodeData>[]; edges: Edge[]; height: number } {
  const { nodes, edges } = layoutGraph(graph, expanded)
  const tallest = Math.max(1, ...(['triggers', 'actions', 'aggregates', 'effects'] as const).map((c) => nodes.filter((n) => n.column === c).length))
  return {
    // Small neighbourhoods get a short pane; big ones the full height (they open readable around their centre).
    height: Math.min(560, Math.max(260, 140 + tallest * 50)),
    nodes: nodes.map((n): Node<AuditNodeData> => ({ id: n.id, type: 'audit', position: { x: n.x, y: n.y }, data: { ...n }, draggable: false, connectable: false })),
    edges: edges.map((e) => ({ ...e, focusable: false }))
  }
}

/** Which kinds are expanded, per graph (a new focus starts from its defaults), and the group last toggled. */
function useExpansion(graph: AuditGraph | null): { expanded: ReadonlySet<string>; toggled: string | null; toggle: (kind: string) => void } {
  const key = graph === null ? '' : JSON.stringify(graph.focus)
  const [state, setState] = useState<{ key: string; kinds: ReadonlySet<string>; toggled: string | null } | null>(null)
  const current = state?.key === key ? state : { key, kinds: graph ? initiallyExpanded(graph) : new Set<string>(), toggled: null }
  const toggle = (kind: string): void => {
    const kinds = new Set(current.kinds)
    if (!kinds.delete(kind)) kinds.add(kind)
    setState({ key: current.key, kinds, toggled: nodeId.group('actions', kind) })
  }
  return { expanded: current.kinds, toggled: current.toggled, toggle }
}

/** The graph around `focus`; `onBlastRadius` (optional) offers each shown effect's blast radius. */
export function TriggerGraph({ tab, focus, onBlastRadius }: { tab: StoreTab; focus: GraphFocus; onBlastRadius?: (effectSeqNo: number) => void }): ReactNode {
  const { showSection } = useWorkspace()
  const nav = useMemo(() => ({ storeId: tab.info.storeId, showSection }), [tab.info.storeId, showSection])
  const scheme = useComputedColorScheme('light')
  const { storeId } = tab.info
  const request = useRequest(`${storeId}:${tab.revision}:${JSON.stringify(focus)}`, () => call('store:trigger-graph', { storeId, focus }))
  const graph = request.data
  const { expanded, toggled, toggle } = useExpansion(graph)
  const [maximized, setMaximized] = useState(false)
  const flow = useMemo(() => (graph ? toFlow(graph, expanded) : null), [graph, expanded])

  if (request.error) {
    return (
      <Text c="red" size="sm" role="alert">
        The graph could not be drawn: {request.error}
      </Text>
    )
  }
  if (request.data === null && request.loading) {
    return (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          Drawing the graph of {focusText(focus)}…
        </Text>
      </Group>
    )
  }
  if (graph === null || flow === null) {
    return (
      <Text size="sm" c="dimmed" data-testid="graph-empty">
        {focus.type === 'effect' ? `Seq-no ${focus.seqNo} is not an effect in this store.` : `Nothing to draw for ${focusText(focus)}.`}
      </Text>
    )
  }
  const empty = emptyReason(graph)
  const onNodeClick = (data: AuditNodeData): void => (data.target.type === 'group' ? toggle(data.target.kind) : openTarget(nav, graph, data.target))
  const canvas = { nodes: flow.nodes, edges: flow.edges, scheme, keepInView: toggled, onNodeClick }
  const maximizeButton = (
    <Tooltip label={maximized ? 'Back to the page (Esc)' : 'Full size'}>
      <ActionIcon variant="default" aria-label={maximized ? 'Restore the graph' : 'Maximize the graph'} data-testid="graph-maximize" onClick={() => setMaximized(!maximized)}>
        {maximized ? '⤡' : '⤢'}
      </ActionIcon>
    </Tooltip>
  )
  return (
    <div data-testid="trigger-graph" data-loading={request.loading || undefined}>
      <Text size="sm" c="dimmed" mb="xs">
        {graphSummary(graph)} Click a node to open it (a group to expand it); drag or scroll to pan, ⌘/Ctrl+scroll or + − 0 to zoom, arrow keys to pan.
      </Text>
      {empty !== null && (
        <Text size="sm" mb="xs" data-testid="graph-empty">
          {empty}
        </Text>
      )}
      {!maximized && <GraphCanvas key={JSON.stringify(graph.focus)} {...canvas} height={flow.height} tools={maximizeButton} />}
      <Modal opened={maximized} onClose={() => setMaximized(false)} fullScreen title={`Graph of ${focusText(focus)}`} data-testid="graph-maximized">
        <GraphCanvas {...canvas} height="calc(100vh - 90px)" tools={maximizeButton} testId="graph-canvas-maximized" />
      </Modal>
      {onBlastRadius && graph.effects.items.length > 0 && (
        <Group gap="xs" mt="sm">
          <Text size="sm" c="dimmed">
            Blast radius of
          </Text>
          {graph.effects.items.slice(0, BLAST_LINKS).map((e) => (
            <Button key={e.seqNo} size="compact-sm" variant="light" color="grape" onClick={() => onBlastRadius(e.seqNo)}>
              effect {e.seqNo}
            </Button>
          ))}
        </Group>
      )}
    </div>
  )
}
