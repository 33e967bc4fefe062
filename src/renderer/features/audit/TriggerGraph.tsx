/**
 * The trigger graph of a focus (a trigger, an effect or an aggregate), drawn
 * with React Flow: zoom and pan, click a node to open its event, aggregate or
 * (for a trigger) its events. The server caps each group; summary nodes say
 * how many more there are.
 */
import '@xyflow/react/dist/style.css'
import { useEffect, useMemo, type ReactNode } from 'react'
import { Background, Controls, Handle, Position, ReactFlow, useReactFlow, useStore, type FitViewOptions, type Node, type NodeProps } from '@xyflow/react'
import { Button, Group, Loader, Text, useComputedColorScheme } from '@mantine/core'
import type { AuditGraph, GraphFocus } from '../../../shared/audit'
import { call } from '../../ipc/client'
import { useRequest } from '../../ui/useRequest'
import { useWorkspace } from '../../workspace/WorkspaceProvider'
import { showAggregate, showEvent, showEvents, type Navigator } from '../../workspace/navigation'
import type { StoreTab } from '../../workspace/workspace-state'
import { formatCount, layoutGraph, type GraphNodeTarget, type LaidOutNode } from './graph-layout'
import classes from './Audit.module.css'
import { identityText } from '../../../shared/browse'

type AuditNodeData = LaidOutNode & Record<string, unknown>

function AuditNode({ data }: NodeProps<Node<AuditNodeData>>): ReactNode {
  return (
    <div
      className={`${classes.node} ${classes[data.target.type === 'more' ? 'more' : data.column]} ${data.focus ? classes.focus : ''}`}
      data-testid={`graph-node-${data.id}`}
      title={`${data.title} — ${data.subtitle}`}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className={classes.nodeTitle}>{data.title}</div>
      <div className={classes.nodeSubtitle}>{data.subtitle}</div>
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  )
}

const NODE_TYPES = { audit: AuditNode }

/** Whole graph in view, readable: big neighbourhoods open at a legible zoom around their centre. */
const FIT: FitViewOptions = { padding: 0.1, minZoom: 0.55, maxZoom: 1 }

/** Fits the view again whenever the pane changes size (the page's scrollbar appearing, the window resized). */
function FitOnResize(): null {
  const { fitView } = useReactFlow()
  const width = useStore((s) => s.width)
  const height = useStore((s) => s.height)
  const measured = useStore((s) => s.nodes.every((n) => n.measured?.width !== undefined))
  useEffect(() => {
    if (width > 0 && height > 0 && measured) void fitView(FIT)
  }, [width, height, measured, fitView])
  return null
}

/** Open what a node stands for. */
function open(nav: Navigator, graph: AuditGraph, target: GraphNodeTarget): void {
  switch (target.type) {
    case 'action':
    case 'effect':
      showEvent(nav, target.seqNo)
      return
    case 'aggregate':
      showAggregate(nav, { aggregate: target.aggregate })
      return
    case 'trigger':
      showEvents(nav, { trigger: target.trigger })
      return
    case 'more': {
      // The whole group as events, when one trigger defines it.
      const only = graph.triggers.items.length === 1 ? graph.triggers.items[0] : null
      if (only && (target.column === 'actions' || target.column === 'effects')) {
        showEvents(nav, { trigger: only, type: target.column === 'actions' ? 'action' : 'effect' })
      }
    }
  }
}

/** What the graph is drawn around, as words. */
export function focusText(focus: GraphFocus): string {
  if (focus.type === 'effect') return `effect ${focus.seqNo}`
  return `${focus.type} ${identityText(focus)}`
}

/** Why a graph has nothing to draw, or null. */
function emptyReason(graph: AuditGraph): string | null {
  const f = graph.focus
  if (f.type === 'aggregate' && graph.triggers.total === 0) {
    return `No action of aggregate ${identityText(f)} carries a trigger, so no effect reaches it.`
  }
  if (f.type === 'trigger' && graph.actions.total === 0 && graph.effects.total === 0) {
    return `No action carries trigger ${identityText(f)} and no effect names it. Check the kind and id as the store prints them, e.g. :encryption-key and 1.`
  }
  return null
}

/** Effects offered for their blast radius under the graph. */
const BLAST_LINKS = 8

/** The graph around `focus`; `onBlastRadius` (optional) offers each shown effect's blast radius. */
export function TriggerGraph({ tab, focus, onBlastRadius }: { tab: StoreTab; focus: GraphFocus; onBlastRadius?: (effectSeqNo: number) => void }): ReactNode {
  const { showSection } = useWorkspace()
  const nav = useMemo(() => ({ storeId: tab.info.storeId, showSection }), [tab.info.storeId, showSection])
  const scheme = useComputedColorScheme('light')
  const { storeId } = tab.info
  const request = useRequest(`${storeId}:${tab.revision}:${JSON.stringify(focus)}`, () => call('store:trigger-graph', { storeId, focus }))
  const graph = request.data
  const flow = useMemo(() => {
    if (!graph) return null
    const { nodes, edges } = layoutGraph(graph)
    const tallest = Math.max(1, ...(['triggers', 'actions', 'aggregates', 'effects'] as const).map((c) => nodes.filter((n) => n.column === c).length))
    return {
      // Small neighbourhoods get a short pane; big ones the full height (they open zoomed around their centre).
      height: Math.min(560, Math.max(260, 140 + tallest * 40)),
      nodes: nodes.map((n): Node<AuditNodeData> => ({ id: n.id, type: 'audit', position: { x: n.x, y: n.y }, data: { ...n }, draggable: false, connectable: false })),
      edges: edges.map((e) => ({ ...e, focusable: false }))
    }
  }, [graph])

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
  return (
    <div data-testid="trigger-graph" data-loading={request.loading || undefined}>
      <Text size="sm" c="dimmed" mb="xs">
        {formatCount(graph.actions.total)} {graph.actions.total === 1 ? 'action carries' : 'actions carry'}{' '}
        {graph.triggers.total === 1 ? 'the trigger' : `${formatCount(graph.triggers.total)} triggers`} on {formatCount(graph.aggregates.total)}{' '}
        {graph.aggregates.total === 1 ? 'aggregate' : 'aggregates'}; {formatCount(graph.effects.total)} {graph.effects.total === 1 ? 'effect names' : 'effects name'}{' '}
        {graph.triggers.total === 1 ? 'it' : 'them'}. Click a node to open it; scroll to zoom, drag to pan.
      </Text>
      {empty !== null && (
        <Text size="sm" mb="xs" data-testid="graph-empty">
          {empty}
        </Text>
      )}
      <div className={classes.graph} style={{ height: flow.height }}>
        <ReactFlow
          key={JSON.stringify(graph.focus)}
          nodes={flow.nodes}
          edges={flow.edges}
          nodeTypes={NODE_TYPES}
          colorMode={scheme}
          fitView
          fitViewOptions={FIT}
          minZoom={0.1}
          nodesDraggable={false}
          nodesConnectable={false}
          edgesFocusable={false}
          onNodeClick={(_, node) => open(nav, graph, (node.data as AuditNodeData).target)}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={24} />
          <Controls showInteractive={false} fitViewOptions={FIT} />
          <FitOnResize />
        </ReactFlow>
      </div>
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
